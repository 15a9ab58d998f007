package core_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	. "github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageAPI is a Caller as the browser build's: it sends the call the core
// composed through an API object of the page, here one for the site's
// identity API with a header page code added.
type pageAPI struct{ e *env }

func (p pageAPI) Call(ctx Context, c Call) (RawJSON, error) {
	api := NewAPI(p.e.site.URL+"/.netlify/identity", Header{{"X-Custom", "page"}}, p.e.rec)
	return api.Call(ctx, c)
}

// refreshState is what the glue reads of a User object, for u.
func refreshState(u *User, own ...string) RefreshState {
	return RefreshState{RefreshToken: u.TokenDetails().RefreshToken(), UserID: u.ID(), ExpiresAt: u.TokenDetails().ExpiresAt, Obtained: own}
}

// TestBindingsRefreshUsesTheStateGiven: the refresh sends the token and the
// headers the object held, decides, and changes nothing itself but storage
// reads: the caller applies what it decided.
func TestBindingsRefreshUsesTheStateGiven(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("live@example.com", "")
	u := e.login("live@example.com", true)
	stored := e.stored()
	api := pageAPI{e}

	res := Bindings.Refresh(ctx, e.realm, api, refreshState(u))
	require.NoError(t, res.Err)
	assert.False(t, res.Adopted)
	assert.Equal(t, "page", e.rec.last().Header.Get("X-Custom"), "headers page code added are sent")
	assert.Equal(t, "grant_type=refresh_token&refresh_token="+u.TokenDetails().RefreshToken(), string(e.rec.last().Body))
	obj, err := ParseObject(res.Token)
	require.NoError(t, err)
	rotated, _ := obj.String("refresh_token")
	assert.NotEqual(t, u.TokenDetails().RefreshToken(), rotated)
	assert.Equal(t, stored, e.stored(), "storage is the caller's to write")

	// The old refresh token again: the server refuses it, the session ends,
	// and storage, which holds that very token, goes with it.
	res = Bindings.Refresh(ctx, e.realm, api, refreshState(u, u.TokenDetails().RefreshToken()))
	var he *HTTPError
	require.ErrorAs(t, res.Err, &he)
	assert.Equal(t, 400, he.Status)
	assert.False(t, Unanswered(res.Err), "the session ends")
	assert.False(t, res.KeepStored)
}

// TestBindingsRefreshOutcomes: each kind of failure and what it ends.
func TestBindingsRefreshOutcomes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		answer     func() (*Response, error)
		unanswered bool
	}{
		{"offline", func() (*Response, error) { return nil, errors.New("TypeError: Failed to fetch") }, true},
		{"503", func() (*Response, error) {
			return &Response{Status: 503, StatusText: "Service Unavailable", Body: []byte("down")}, nil
		}, true},
		{"500 JSON", func() (*Response, error) {
			return jsonResponse(500, "Internal Server Error", `{"code":500,"msg":"x"}`), nil
		}, true},
		{"502 HTML as JSON", func() (*Response, error) { return jsonResponse(502, "Bad Gateway", `<html>`), nil }, true},
		{"400 invalid_grant", func() (*Response, error) {
			return jsonResponse(400, "Bad Request", `{"error":"invalid_grant","error_description":"Invalid Refresh Token"}`), nil
		}, false},
		{"429", func() (*Response, error) {
			return jsonResponse(429, "Too Many Requests", `{"code":429,"msg":"slow down"}`), nil
		}, false},
		{"200 malformed", func() (*Response, error) { return jsonResponse(200, "OK", `{"access_token":`), nil }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := setup(t)
			e.signup("outcome@example.com", "")
			u := e.login("outcome@example.com", true)
			e.rec.setHook(func(r *Request) (*Response, error, bool) {
				res, err := c.answer()
				return res, err, strings.HasSuffix(r.URL, "/token")
			})
			api := pageAPI{e}
			res := Bindings.Refresh(ctx, e.realm, api, refreshState(u, u.TokenDetails().RefreshToken()))
			require.Error(t, res.Err)
			assert.Equal(t, c.unanswered, Unanswered(res.Err), "does the session stay")
		})
	}
}

// TestBindingsRefreshAdoptsAnotherTabs: a newer session of the same user
// in storage, whose refresh token this page did not obtain, is adopted
// without a request (D5); one this page obtained is not, and its own
// refresh token is sent (a token page code put back, as gotrue-js sends
// it).
func TestBindingsRefreshAdoptsAnotherTabs(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("adopt@example.com", "")
	u := e.login("adopt@example.com", true)
	before := refreshState(u)
	e.clock.Advance(time.Hour) // u's token is expiring
	other := New(NewRealm(WithStorage(e.store), WithClock(e.clock.Now)), Options{Transport: e.rec}).CurrentUser()
	_, err := other.JWT(ctx, false) // another tab refreshes and stores its session
	require.NoError(t, err)
	api := pageAPI{e}

	sent := e.rec.count("POST", "/token")
	res := Bindings.Refresh(ctx, e.realm, api, before)
	require.NoError(t, res.Err)
	assert.True(t, res.Adopted)
	assert.Contains(t, string(res.Token), other.TokenDetails().RefreshToken())
	assert.Equal(t, sent, e.rec.count("POST", "/token"), "no request")

	mine := before
	mine.Obtained = []string{other.TokenDetails().RefreshToken()}
	res = Bindings.Refresh(ctx, e.realm, api, mine)
	assert.False(t, res.Adopted, "a token this page obtained is its own, not another tab's")
	assert.Equal(t, sent+1, e.rec.count("POST", "/token"))
}

// TestBindingsRefreshUnderTheLock: a forced refresh (a fresh token) adopts
// another tab's session only when that tab stored it while this one waited
// for the lock (D9); and a refusal under the lock answers at once, without
// waiting for another tab.
func TestBindingsRefreshUnderTheLock(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("lock@example.com", "")
	u := e.login("lock@example.com", true)
	asked := u.TokenDetails().RefreshToken()
	other := New(NewRealm(WithStorage(e.store), WithClock(e.clock.Now)), Options{Transport: e.rec}).CurrentUser()
	_, err := other.JWT(ctx, true)
	require.NoError(t, err)
	api := pageAPI{e}

	s := refreshState(u)
	s.Locked, s.Asked = true, asked
	res := Bindings.Refresh(ctx, e.realm, api, s)
	require.NoError(t, res.Err)
	assert.True(t, res.Adopted, "stored while this tab waited: as fresh as its own refresh would be")

	s.Asked = other.TokenDetails().RefreshToken()
	sent := e.rec.count("POST", "/token")
	res = Bindings.Refresh(ctx, e.realm, api, s)
	require.NoError(t, res.Err)
	assert.False(t, res.Adopted, "stored before it asked: a forced refresh sends the rotated token")
	assert.Equal(t, sent+1, e.rec.count("POST", "/token"))
	assert.Contains(t, string(e.rec.last().Body), other.TokenDetails().RefreshToken())

	// Storage holds the very token the server refuses: without the lock,
	// another tab could be refreshing it and about to store the winner, so
	// the refusal waits for the race grace; under the lock none can be.
	e.rec.setHook(func(r *Request) (*Response, error, bool) {
		return jsonResponse(400, "Bad Request", `{"error":"invalid_grant","error_description":"Invalid Refresh Token"}`), nil, true
	})
	stored, err := ParseObject([]byte(e.stored()))
	require.NoError(t, err)
	tok, _ := stored.Get("token")
	tokObj, _ := ParseObject(tok)
	s.RefreshToken, _ = tokObj.String("refresh_token")
	s.ExpiresAt = math.NaN()
	for _, locked := range []bool{true, false} {
		s.Locked = locked
		start := time.Now()
		res = Bindings.Refresh(ctx, NewRealm(WithStorage(e.store), WithClock(e.clock.Now), WithRaceGrace(1500*time.Millisecond)), api, s)
		require.Error(t, res.Err)
		assert.False(t, Unanswered(res.Err), "the session ends")
		if locked {
			assert.Less(t, time.Since(start), time.Second, "no race grace under the lock")
		} else {
			assert.GreaterOrEqual(t, time.Since(start), 1400*time.Millisecond, "without the lock, the race grace")
		}
	}
}

// TestBindingsStrings: a binding's bug is an error, not a panic.
func TestBindingsStrings(t *testing.T) {
	t.Parallel()
	got, err := Bindings.Strings([]byte(`["a","b\u00e9"]`))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "bé"}, got)
	for _, bad := range []string{``, `{}`, `[1]`, `["a",null]`, `[`} {
		_, err := Bindings.Strings([]byte(bad))
		assert.ErrorIs(t, err, ErrBadState, bad)
	}
}

// TestBindingsRefreshShortLivedTokens: with JWTs shorter than the expiry
// margin every token is due, so another tab's session is due the moment it
// is stored. Under the lock, one stored while this tab waited is taken as
// it is (D9: no second request, and no refresh token sent twice); one that
// has expired by then is not.
func TestBindingsRefreshShortLivedTokens(t *testing.T) {
	t.Parallel()
	e := setup(t, gotruetest.WithJWTExp(30*time.Second))
	e.signup("short@example.com", "")
	u := e.login("short@example.com", true)
	s := refreshState(u)
	s.Locked, s.Asked = true, s.RefreshToken
	other := New(NewRealm(WithStorage(e.store), WithClock(e.clock.Now)), Options{Transport: e.rec}).CurrentUser()
	_, err := other.JWT(ctx, false) // due at once: the other tab refreshes and stores
	require.NoError(t, err)
	api := pageAPI{e}

	sent := e.rec.count("POST", "/token")
	res := Bindings.Refresh(ctx, e.realm, api, s)
	require.NoError(t, res.Err)
	assert.True(t, res.Adopted, "stored while this tab waited for the lock")
	assert.Contains(t, string(res.Token), other.TokenDetails().RefreshToken())
	assert.Equal(t, sent, e.rec.count("POST", "/token"), "no request")

	e.clock.Advance(31 * time.Second) // the stored token has expired
	res = Bindings.Refresh(ctx, e.realm, api, s)
	require.NoError(t, res.Err)
	assert.False(t, res.Adopted, "an expired session is refreshed")
	assert.Equal(t, sent+1, e.rec.count("POST", "/token"))
	assert.Contains(t, string(e.rec.last().Body), other.TokenDetails().RefreshToken(), "the rotated token, not this tab's own")
}

// TestForcedRefreshOfADueToken: jwt(true) on a token that is due anyway,
// with another tab's newer session stored, is the same refresh in a Go
// program (User.JWT) and in the browser (Bindings.Refresh, which is not
// told force and reads it from the expiry): both adopt that session and
// send nothing. (Before, the Go program sent a refresh.)
func TestForcedRefreshOfADueToken(t *testing.T) {
	t.Parallel()
	for _, path := range []string{"Go program", "browser"} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			e := setup(t)
			e.signup("forced@example.com", "")
			u := e.login("forced@example.com", true)
			e.clock.Advance(59*time.Minute + 30*time.Second) // within the margin: due
			other := New(NewRealm(WithStorage(e.store), WithClock(e.clock.Now)), Options{Transport: e.rec}).CurrentUser()
			_, err := other.JWT(ctx, true)
			require.NoError(t, err)
			sent := e.rec.count("POST", "/token")
			var got string
			if path == "Go program" {
				got, err = u.JWT(ctx, true)
				require.NoError(t, err)
			} else {
				res := Bindings.Refresh(ctx, e.realm, pageAPI{e}, refreshState(u))
				require.NoError(t, res.Err)
				assert.True(t, res.Adopted)
				got = string(res.Token)
			}
			assert.Contains(t, got, other.TokenDetails().AccessToken())
			assert.Equal(t, sent, e.rec.count("POST", "/token"), "no request")
		})
	}
}
