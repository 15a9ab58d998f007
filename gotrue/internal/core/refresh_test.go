package core_test

import (
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	. "github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJWTExpiryBoundary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		advance time.Duration
		refresh bool
	}{
		{"fresh", 0, false},
		{"just outside the margin", time.Hour - 61*time.Second, false},
		{"exactly at the margin", time.Hour - 60*time.Second, false},
		{"a millisecond inside the margin", time.Hour - 60*time.Second + time.Millisecond, true},
		{"expired", 2 * time.Hour, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := setup(t)
			e.signup("b@example.com", "")
			u := e.login("b@example.com", false)
			before := u.TokenDetails()
			e.clock.Advance(tt.advance)
			jwt, err := u.JWT(ctx, false)
			require.NoError(t, err)
			assert.Equal(t, tt.refresh, e.rec.count("POST", "/token") == 2)
			assert.Equal(t, tt.refresh, jwt != before.AccessToken() || before != u.TokenDetails())
			assert.Equal(t, u.TokenDetails().AccessToken(), jwt)
		})
	}
}

func TestJWTForceAndCurrentMetadata(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("f@example.com", "")
	u := e.login("f@example.com", true)
	rt := u.TokenDetails().RefreshToken()
	_, err := u.JWT(ctx, true)
	require.NoError(t, err)
	r := e.rec.last()
	assert.Equal(t, "grant_type=refresh_token&refresh_token="+rt, string(r.Body), "raw token, not encoded")
	assert.NotEqual(t, rt, u.TokenDetails().RefreshToken(), "rotated")
	assert.Contains(t, e.stored(), u.TokenDetails().RefreshToken(), "a stored session is re-saved")
}

func TestHundredConcurrentJWTCallsSendOneRefresh(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("storm@example.com", "")
	u := e.login("storm@example.com", true)
	rt := u.TokenDetails().RefreshToken()
	e.clock.Advance(time.Hour)
	// Hold the refresh until every other caller has joined it.
	release := make(chan struct{})
	e.rec.setHook(func(r *Request) (*Response, error, bool) {
		if strings.HasSuffix(r.URL, "/token") {
			<-release
		}
		return nil, nil, false
	})
	other := e.newClient(Options{})
	var wg sync.WaitGroup
	jwts := make([]string, 100)
	errs := make([]error, 100)
	for i := range jwts {
		wg.Go(func() { jwts[i], errs[i] = u.JWT(ctx, false) })
	}
	// A second client of the same realm holding the same token joins too.
	wg.Go(func() { _, _ = other.CurrentUser().JWT(ctx, false) })
	for deadline := time.Now().Add(time.Minute); e.realm.Waiters(rt) < 101 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	require.Equal(t, 101, e.realm.Waiters(rt), "every caller waits for the one flight")
	close(release)
	wg.Wait()
	assert.Equal(t, 1, e.rec.count("POST", "/token")-1, "one refresh request")
	for i := range jwts {
		require.NoError(t, errs[i])
		assert.Equal(t, jwts[0], jwts[i])
	}
	assert.Equal(t, u.TokenDetails().AccessToken(), jwts[0])
}

func TestRefreshFailureClearsSession(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("fail@example.com", "")
	u := e.login("fail@example.com", true)
	e.rec.setHook(func(r *Request) (*Response, error, bool) {
		if strings.HasSuffix(r.URL, "/token") {
			return jsonResponse(400, "Bad Request", `{"error":"invalid_grant","error_description":"Invalid Refresh Token"}`), nil, true
		}
		return nil, nil, false
	})
	_, err := u.JWT(ctx, true)
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, "invalid_grant: Invalid Refresh Token", he.Message())
	assert.Nil(t, u.TokenDetails())
	assert.Nil(t, e.client.CurrentUser())
	assert.Empty(t, e.stored())
	_, err = u.JWT(ctx, false)
	assert.ErrorIs(t, err, ErrNoSession)
	assert.Equal(t, "gotrue: no session", err.Error())

	hook := e.rec.hook
	e.rec.setHook(nil)
	u2 := e.login("fail@example.com", false)
	e.rec.setHook(hook)
	e.clock.Advance(2 * time.Hour)
	err = u2.Update(ctx, []byte(`{}`))
	require.ErrorAs(t, err, &he)
	assert.Equal(t, "invalid_grant: Invalid Refresh Token", he.Message(), "the same inside a request")
}

// hangingTransport answers nothing until ctx ends or the test does, like a
// server that never replies.
type hangingTransport struct{ over chan struct{} }

func (h hangingTransport) Do(ctx Context, _ *Request) (*Response, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-h.over:
		return nil, errors.New("test over")
	}
}

func TestRefreshTimeoutAgainstSilentServer(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("silent@example.com", "")
	u := e.login("silent@example.com", true)
	realm := NewRealm(WithRefreshTimeout(30*time.Millisecond), WithStorage(&MemoryStorage{}))
	over := make(chan struct{})
	t.Cleanup(func() { close(over) })
	c := New(realm, Options{Transport: hangingTransport{over}})
	silent := c.StartUser(u.TokenDetails().Object(), false)
	start := time.Now()
	_, err := silent.JWT(ctx, true)
	assert.ErrorIs(t, err, ErrRefreshTimeout)
	assert.Equal(t, "gotrue: token refresh timed out", err.Error())
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.NotNil(t, silent.TokenDetails(), "a timeout keeps the session (D8)")
}

func TestOtherTabRotatedFirst(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("tabs@example.com", "")
	tabA := e.login("tabs@example.com", true)
	// Tab B: another realm (another page) sharing the same storage.
	realmB := NewRealm(WithStorage(e.store), WithClock(e.clock.Now))
	tabB := New(realmB, Options{Transport: e.rec}).CurrentUser()
	require.NotNil(t, tabB)
	e.clock.Advance(time.Hour)

	jwtA, err := tabA.JWT(ctx, false)
	require.NoError(t, err)
	refreshes := e.rec.count("POST", "/token")

	jwtB, err := tabB.JWT(ctx, false)
	require.NoError(t, err, "B adopts A's newer token instead of sending its stale one (D5)")
	assert.Equal(t, jwtA, jwtB)
	assert.Equal(t, refreshes, e.rec.count("POST", "/token"), "no request from B")
	assert.Contains(t, e.stored(), tabA.TokenDetails().RefreshToken())
}

func TestFailedRefreshKeepsAnotherTabsSession(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("keep@example.com", "")
	tabA := e.login("keep@example.com", true)
	// Tab B: another page that recovered the same stored session.
	tabB := New(NewRealm(WithStorage(e.store), WithClock(e.clock.Now)), Options{Transport: e.rec}).CurrentUser()
	require.NotNil(t, tabB)
	_, err := tabA.JWT(ctx, true) // A rotates first; storage holds A's new token
	require.NoError(t, err)
	jwt, err := tabB.JWT(ctx, true)
	require.NoError(t, err, "B refreshes A's rotated token, not its own stale one, which the server would refuse (D5)")
	assert.Equal(t, tabB.TokenDetails().AccessToken(), jwt)
	assert.Contains(t, e.stored(), tabB.TokenDetails().RefreshToken(), "the session goes on in storage")
	_, err = tabA.JWT(ctx, true)
	require.NoError(t, err, "and A, whose token B rotated in turn, goes on with B's")

	e.rec.setHook(func(r *Request) (*Response, error, bool) {
		return jsonResponse(400, "Bad Request", `{"error":"invalid_grant","error_description":"Invalid Refresh Token"}`), nil, strings.HasSuffix(r.URL, "/token")
	})
	_, err = tabA.JWT(ctx, true)
	require.Error(t, err, "when storage holds the token that failed, the session ends")
	assert.Empty(t, e.stored())
	assert.Nil(t, tabA.TokenDetails())
}

func TestNoTokenInErrorsOrLogs(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("hygiene@example.com", "")
	u := e.login("hygiene@example.com", true)
	tok := u.TokenDetails()
	e.emu.Advance(31 * 24 * time.Hour) // the refresh token expires on the server
	_, err := u.JWT(ctx, true)
	require.Error(t, err)
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	for _, text := range []string{err.Error(), he.Message(), he.Text, string(he.JSON), e.logs.all()} {
		assert.NotContains(t, text, tok.AccessToken())
		assert.NotContains(t, text, tok.RefreshToken())
	}
}

func TestLostRaceWaitsForTheWinner(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("race@example.com", "")
	tabA := e.login("race@example.com", true)
	tabB := New(NewRealm(WithStorage(e.store), WithClock(e.clock.Now), WithRaceGrace(2*time.Second)), Options{Transport: e.rec}).CurrentUser()
	require.NotNil(t, tabB)
	// B's refresh loses the race; A's answer lands in storage 200 ms later.
	e.rec.setHook(func(r *Request) (*Response, error, bool) {
		e.rec.setHook(nil)
		go func() {
			time.Sleep(200 * time.Millisecond)
			_, _ = tabA.JWT(ctx, true)
		}()
		return jsonResponse(400, "Bad Request", `{"error":"invalid_grant","error_description":"Invalid Refresh Token"}`), nil, true
	})
	jwt, err := tabB.JWT(ctx, true)
	require.NoError(t, err, "B waits for A's session instead of logging out (D5)")
	assert.Equal(t, tabA.TokenDetails().AccessToken(), jwt)
	assert.Contains(t, e.stored(), tabA.TokenDetails().RefreshToken())
}

// TestNetworkFailureKeepsSession: through the net/http transport, a refresh
// that gets no answer (a closed port) or a 503 fails and keeps the session,
// stored copy included, and the next call refreshes once the server is back;
// the server's 400 still ends it (D8).
func TestNetworkFailureKeepsSession(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("d8@example.com", "")
	u := e.login("d8@example.com", true)
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closedURL := "http://" + closed.Addr().String()
	require.NoError(t, closed.Close())
	unavailable := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "upstream down", http.StatusServiceUnavailable)
	}))
	t.Cleanup(unavailable.Close)
	site := e.nethttp.t.Base

	for _, down := range []struct{ name, base string }{{"closed port", closedURL}, {"503", unavailable.URL}} {
		kept := u.TokenDetails()
		stored := e.stored()
		e.nethttp.t.Base = down.base
		_, err := u.JWT(ctx, true)
		e.nethttp.t.Base = site
		require.Error(t, err, down.name)
		assert.True(t, Unanswered(err), down.name)
		assert.Same(t, kept, u.TokenDetails(), "%s: the token stays", down.name)
		assert.Equal(t, stored, e.stored(), "%s: the stored session stays", down.name)
		assert.Same(t, u, e.client.CurrentUser(), "%s: the current user stays", down.name)
		jwt, err := u.JWT(ctx, true)
		require.NoError(t, err, "%s: the next call refreshes", down.name)
		assert.Equal(t, u.TokenDetails().AccessToken(), jwt)
	}

	e.emu.Advance(31 * 24 * time.Hour) // the refresh token expires on the server: 400 invalid_grant
	_, err = u.JWT(ctx, true)
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 400, he.Status)
	assert.False(t, Unanswered(err))
	assert.Nil(t, u.TokenDetails(), "a refusal ends the session, as in gotrue-js")
	assert.Empty(t, e.stored())
	assert.Nil(t, e.client.CurrentUser())
}
