package gotrue_test

import (
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	. "github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recordingMirror writes down what the core tells a binding, in order.
type recordingMirror struct {
	mu     sync.Mutex
	events []string
}

func (m *recordingMirror) add(e string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.events = append(m.events, e)
}

func (m *recordingMirror) HeaderSet(name, value string)  { m.add("header " + name + "=" + value) }
func (m *recordingMirror) UserStarted(_ *User, _ *Token) { m.add("started") }
func (m *recordingMirror) TokenSet(_ *User, t *Token) {
	if t == nil {
		m.add("token null")
		return
	}
	m.add("token " + t.RefreshToken())
}
func (m *recordingMirror) FieldsMerged(_ *User, attrs Object) {
	m.add("fields " + strings.Join(attrs.Keys(), ","))
}
func (m *recordingMirror) CurrentCleared() { m.add("current null") }

func (m *recordingMirror) all() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.events...)
}

// apiState is what the glue sends of an API object.
func (e *env) apiState(url string) []byte {
	return []byte(`["` + e.site.URL + url + `",false,["X-Nf-Client","gotrue-js","X-Custom","page"]]`)
}

// TestBindingsReadTheStateGiven: a user restored from its object's state
// uses that state, not what it was when it logged in: the expiry page code
// set (a refresh first), the refresh token it put back (rejected by the
// server after rotation, which clears the session), the headers it added.
func TestBindingsReadTheStateGiven(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("live@example.com", "")
	u := e.login("live@example.com", true)
	details := string(u.Details())
	old := u.TokenDetails().RefreshToken()
	m := &recordingMirror{}
	api, err := Bindings.NewAPI(e.apiState("/.netlify/identity"), e.rec, m)
	require.NoError(t, err)

	// expires_at edited to the past: GET /user refreshes first.
	live, err := Bindings.RestoreUser(e.realm, api, []byte(details), 0)
	require.NoError(t, err)
	before := e.rec.count("POST", "/token")
	require.NoError(t, live.GetUserData(ctx))
	assert.Equal(t, before+1, e.rec.count("POST", "/token"), "a refresh before GET /user")
	assert.Equal(t, "page", e.rec.last().Header.Get("X-Custom"), "headers page code added are sent")
	rotated := live.TokenDetails().RefreshToken()
	assert.NotEqual(t, old, rotated)
	assert.Equal(t, []string{"token " + rotated, "fields " + strings.Join(u.Fields().Keys(), ",")}, m.all())

	// The old refresh token put back: the server says invalid_grant, and the
	// session is cleared, as gotrue-js clears it.
	stale, err := Bindings.RestoreUser(e.realm, api, []byte(details), math.NaN())
	require.NoError(t, err)
	_, err = Bindings.Refresh(stale, ctx, old)
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 400, he.Status)
	assert.Nil(t, stale.TokenDetails())
	assert.Contains(t, m.all(), "token null")
	assert.Contains(t, m.all(), "current null")
}

// TestBindingsTokenAsGiven: the token's expiry is the one given, not
// recomputed from the JWT (NaN never refreshes), and a token that is not an
// object is carried as it is.
func TestBindingsTokenAsGiven(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("asis@example.com", "")
	u := e.login("asis@example.com", false)
	api, err := Bindings.NewAPI(e.apiState("/.netlify/identity"), e.rec, nil)
	require.NoError(t, err)
	e.clock.Advance(2 * time.Hour)
	nan, err := Bindings.RestoreUser(e.realm, api, u.Details(), math.NaN())
	require.NoError(t, err)
	jwt, err := nan.JWT(ctx, false)
	require.NoError(t, err, "NaN - 60000 < now is false: no refresh")
	assert.Equal(t, u.TokenDetails().AccessToken(), jwt)

	odd, err := Bindings.RestoreUser(e.realm, api, []byte(`{"token":"abc","url":"/x","audience":"","id":"1"}`), math.NaN())
	require.NoError(t, err)
	assert.Equal(t, `{"token":"abc","url":"/x","audience":"","id":"1"}`, string(odd.Details()))
	_, err = Bindings.RestoreUser(e.realm, api, []byte(`[]`), 0)
	assert.Error(t, err)
}
