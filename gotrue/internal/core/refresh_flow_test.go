package core_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

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
func refreshState(u *User) RefreshState {
	return RefreshState{RefreshToken: u.TokenDetails().RefreshToken(), UserID: u.ID(), ExpiresAt: u.TokenDetails().ExpiresAt}
}

// pageUser is a User object of the page as the end of its refresh reaches
// it: it records the steps taken, and its clearSession removes the stored
// session, as gotrue-js's does.
type pageUser struct {
	store    Storage
	steps    []string
	token    RawJSON
	clearErr error
}

func (p *pageUser) Landed() { p.steps = append(p.steps, "landed") }

func (p *pageUser) ProcessTokenResponse(token RawJSON) error {
	p.steps = append(p.steps, "_processTokenResponse")
	p.token = token
	return nil
}

func (p *pageUser) RefreshSavedSession() error {
	p.steps = append(p.steps, "_refreshSavedSession")
	return nil
}

func (p *pageUser) ClearSession() error {
	p.steps = append(p.steps, "clearSession")
	p.token = nil
	_ = p.store.Remove(StorageKey)
	return p.clearErr
}

func (p *pageUser) AccessToken() (Value, error) {
	p.steps = append(p.steps, "token.access_token")
	obj, err := ParseObject(p.token)
	if err != nil {
		return nil, ErrTokenNotSet
	}
	at, _ := obj.String("access_token")
	return at, nil
}

// refreshToken is the refresh token of the token the user holds.
func (p *pageUser) refreshToken() string {
	obj, _ := ParseObject(p.token)
	rt, _ := obj.String("refresh_token")
	return rt
}

// TestRefreshUserUsesTheStateGiven: the refresh sends the token and the
// headers the object held, and applies the answer through the object's
// steps, in gotrue-js's order; a refusal clears the session.
func TestRefreshUserUsesTheStateGiven(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("live@example.com", "")
	u := e.login("live@example.com", true)
	api := pageAPI{e}
	page := &pageUser{store: e.store}

	access, err := RefreshUser(ctx, e.realm, api, page, refreshState(u))
	require.NoError(t, err)
	assert.Equal(t, "page", e.rec.last().Header.Get("X-Custom"), "headers page code added are sent")
	assert.Equal(t, "grant_type=refresh_token&refresh_token="+u.TokenDetails().RefreshToken(), string(e.rec.last().Body))
	assert.Equal(t, []string{"landed", "_processTokenResponse", "_refreshSavedSession", "token.access_token"}, page.steps)
	assert.NotEqual(t, u.TokenDetails().RefreshToken(), page.refreshToken(), "rotated")
	obj, err := ParseObject(page.token)
	require.NoError(t, err)
	want, _ := obj.String("access_token")
	assert.Equal(t, want, access)

	// The old refresh token again: the server refuses it, the session ends,
	// and storage, which holds that very token, goes with it.
	page.steps = nil
	_, err = RefreshUser(ctx, e.realm, api, page, refreshState(u))
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 400, he.Status)
	assert.Equal(t, []string{"landed", "clearSession"}, page.steps)
	assert.Empty(t, e.stored())
}

// TestRefreshUserOutcomes: each kind of failure and what it ends.
func TestRefreshUserOutcomes(t *testing.T) {
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
			page := &pageUser{store: e.store}
			_, err := RefreshUser(ctx, e.realm, pageAPI{e}, page, refreshState(u))
			require.Error(t, err)
			assert.Equal(t, c.unanswered, Unanswered(err))
			if c.unanswered {
				assert.Equal(t, []string{"landed"}, page.steps, "the session stays")
				assert.NotEmpty(t, e.stored())
			} else {
				assert.Equal(t, []string{"landed", "clearSession"}, page.steps, "the session ends")
				assert.Empty(t, e.stored())
			}
		})
	}
}

// TestRefreshUserAdoptsAnotherTabs: a newer session of the same user
// in storage, whose refresh token this page did not obtain, is adopted
// without a request (D5); one this page obtained is not, and its own
// refresh token is sent (a token page code put back, as gotrue-js sends
// it).
func TestRefreshUserAdoptsAnotherTabs(t *testing.T) {
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
	page := &pageUser{store: e.store}
	access, err := RefreshUser(ctx, e.realm, api, page, before)
	require.NoError(t, err)
	assert.Equal(t, other.TokenDetails().RefreshToken(), page.refreshToken(), "adopted")
	assert.Equal(t, other.TokenDetails().AccessToken(), access)
	assert.Equal(t, sent, e.rec.count("POST", "/token"), "no request")

	// The same, once this page has obtained that token itself: its own
	// refresh token is sent (and refused: the other tab rotated it).
	e.realm.Obtain(other.TokenDetails().RefreshToken())
	page = &pageUser{store: e.store}
	_, err = RefreshUser(ctx, e.realm, api, page, before)
	assert.Error(t, err, "a token this page obtained is its own, not another tab's")
	assert.Equal(t, sent+1, e.rec.count("POST", "/token"))
	assert.Contains(t, string(e.rec.last().Body), before.RefreshToken)
}

// TestRefreshUserUnderTheLock: a forced refresh (a fresh token) adopts
// another tab's session only when that tab stored it while this one waited
// for the lock (D9); and a refusal under the lock answers at once, without
// waiting for another tab.
func TestRefreshUserUnderTheLock(t *testing.T) {
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
	sent := e.rec.count("POST", "/token")
	page := &pageUser{store: e.store}
	_, err = RefreshUser(ctx, e.realm, api, page, s)
	require.NoError(t, err)
	assert.Equal(t, other.TokenDetails().RefreshToken(), page.refreshToken(), "stored while this tab waited: as fresh as its own refresh would be")
	assert.Equal(t, sent, e.rec.count("POST", "/token"))

	s.Asked = other.TokenDetails().RefreshToken()
	_, err = RefreshUser(ctx, e.realm, api, page, s)
	require.NoError(t, err)
	assert.NotEqual(t, other.TokenDetails().RefreshToken(), page.refreshToken(), "stored before it asked: a forced refresh sends the rotated token")
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
	raw := e.stored()
	for _, locked := range []bool{true, false} {
		require.NoError(t, e.store.Set(StorageKey, raw)) // the refusal before cleared it
		s.Locked = locked
		start := time.Now()
		_, err = RefreshUser(ctx, NewRealm(WithStorage(e.store), WithClock(e.clock.Now), WithRaceGrace(1500*time.Millisecond)), api, &pageUser{store: e.store}, s)
		require.Error(t, err)
		assert.False(t, Unanswered(err), "the session ends")
		if locked {
			assert.Less(t, time.Since(start), time.Second, "no race grace under the lock")
		} else {
			assert.GreaterOrEqual(t, time.Since(start), 1400*time.Millisecond, "without the lock, the race grace")
		}
	}
}

// TestRefreshUserKeepsAnotherSession: a refusal clears the session, but a
// stored session that is not this one (another tab's, of another user)
// stays (D5); what clearSession throws is what the caller gets, as in
// gotrue-js; and a refresh that leaves no token ends the session.
func TestRefreshUserKeepsAnotherSession(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("mine@example.com", "")
	e.signup("theirs@example.com", "")
	u := e.login("mine@example.com", true)
	theirs := New(NewRealm(WithStorage(e.store), WithClock(e.clock.Now)), Options{Transport: e.rec})
	_, err := theirs.Login(ctx, "theirs@example.com", "secret", true)
	require.NoError(t, err)
	stored := e.stored()
	e.rec.setHook(func(r *Request) (*Response, error, bool) {
		return jsonResponse(429, "Too Many Requests", `{"code":429,"msg":"slow down"}`), nil, strings.HasSuffix(r.URL, "/token")
	})

	page := &pageUser{store: e.store, clearErr: errors.New("clearSession threw")}
	_, err = RefreshUser(ctx, e.realm, pageAPI{e}, page, refreshState(u))
	assert.EqualError(t, err, "clearSession threw")
	assert.Equal(t, []string{"landed", "clearSession"}, page.steps)
	assert.Equal(t, stored, e.stored(), "the other session is put back")

	e.rec.setHook(nil)
	page = &pageUser{store: e.store}
	ut := e.login("mine@example.com", false)
	_, err = RefreshUser(ctx, e.realm, noTokenAPI{}, page, refreshState(ut))
	assert.ErrorIs(t, err, ErrTokenNotSet)
	assert.Equal(t, []string{"landed", "_processTokenResponse", "_refreshSavedSession", "token.access_token", "clearSession"}, page.steps)
}

// noTokenAPI answers a refresh with a JSON value that is no token object.
type noTokenAPI struct{}

func (noTokenAPI) Call(Context, Call) (RawJSON, error) { return RawJSON(`"no token"`), nil }

// TestRealmObtainKeepsTheLatest: the realm keeps each refresh token it
// obtained once, the latest 32, so a token given again (createUser with
// the same token response) does not push out the others.
func TestRealmObtainKeepsTheLatest(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("obtain@example.com", "")
	u := e.login("obtain@example.com", true)
	other := New(NewRealm(WithStorage(e.store), WithClock(e.clock.Now)), Options{Transport: e.rec}).CurrentUser()
	e.clock.Advance(time.Hour)
	_, err := other.JWT(ctx, false) // another tab rotates the session
	require.NoError(t, err)
	before := refreshState(u)

	e.realm.Obtain(other.TokenDetails().RefreshToken())
	for i := 0; i < 40; i++ {
		e.realm.Obtain("same")
	}
	sent := e.rec.count("POST", "/token")
	_, _ = RefreshUser(ctx, e.realm, pageAPI{e}, &pageUser{store: e.store}, before)
	assert.Equal(t, sent+1, e.rec.count("POST", "/token"), "still this page's own: not adopted")
}
