package gotrue_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSessionsAreIndependent: two users signed in through one Client, as a
// server holds them, each with its own store. A's refresh and A's logout
// leave B's session, token and stored copy alone (a Client of the
// gotrue-js model had one current user and one store: A's refresh stored
// A over B, and A's logout deleted B's session).
func TestSessionsAreIndependent(t *testing.T) {
	t.Parallel()
	e := setup(t)
	storeA, storeB := &gotrue.MemoryStorage{}, &gotrue.MemoryStorage{}
	a := e.login("a@example.com", gotrue.Remember(storeA))
	b := e.login("b@example.com", gotrue.Remember(storeB))
	bTok, err := b.Token(context.Background())
	require.NoError(t, err)

	_, err = a.Refresh(context.Background())
	require.NoError(t, err)
	require.NoError(t, a.Logout(context.Background()))

	got, err := b.Token(context.Background())
	require.NoError(t, err)
	assert.Equal(t, bTok.AccessToken, got.AccessToken, "B's token is B's")
	assert.Equal(t, "b@example.com", b.User().Email)
	resumed, err := e.client.ResumeSession(storeB)
	require.NoError(t, err, "B's stored session survives A's logout")
	assert.Equal(t, "b@example.com", resumed.User().Email)
	_, err = e.client.ResumeSession(storeA)
	assert.ErrorIs(t, err, gotrue.ErrNoSession)
	_, err = a.Token(context.Background())
	assert.ErrorIs(t, err, gotrue.ErrNoSession, "A has ended")
}

// TestTokenRefreshesWhenDue: Token returns the held token until it is
// within a minute of its expiry, then one refresh request, shared.
func TestTokenRefreshesWhenDue(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.login("due@example.com")
	first, err := s.Token(context.Background())
	require.NoError(t, err)
	assert.Equal(t, e.clock.Now().Add(time.Hour), first.Expiry, "Expiry is the JWT's exp")
	assert.Equal(t, "bearer", first.TokenType)

	e.clock.Advance(59*time.Minute + 1*time.Second)
	done := make(chan *gotrue.Token, 5)
	for range 5 {
		go func() {
			tok, err := s.Token(context.Background())
			assert.NoError(t, err)
			done <- tok
		}()
	}
	var toks []*gotrue.Token
	for range 5 {
		toks = append(toks, <-done)
	}
	assert.Equal(t, 1, e.rec.count("POST", "/token")-1, "one refresh for five callers")
	for _, tok := range toks {
		assert.NotEqual(t, first.RefreshToken, tok.RefreshToken)
		assert.Equal(t, toks[0].AccessToken, tok.AccessToken)
	}
}

// TestRefreshRequestIsCancelled: the request of a refresh is cancelled,
// not left running, when every caller waiting for it has left, and when it
// times out; either way the session stays (D8), and the next call
// refreshes.
func TestRefreshRequestIsCancelled(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		opts    []gotrue.Option
		wait    time.Duration // how long the caller waits
		wantErr error
	}{
		{"every caller left", nil, 50 * time.Millisecond, context.DeadlineExceeded},
		{"the refresh timed out", []gotrue.Option{gotrue.WithRefreshTimeout(50 * time.Millisecond)}, time.Minute, gotrue.ErrRefreshTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := setup(t, tt.opts...)
			s := e.login("cancel@example.com")
			cancelled := make(chan struct{})
			e.rec.setHook(func(ctx context.Context, req *gotrue.Request) (*gotrue.Response, error, bool) {
				if !isRefresh(req) {
					return nil, nil, false
				}
				<-ctx.Done()
				close(cancelled)
				return nil, ctx.Err(), true
			})
			ctx, cancel := context.WithTimeout(context.Background(), tt.wait)
			defer cancel()
			_, err := s.Refresh(ctx)
			assert.ErrorIs(t, err, tt.wantErr)
			assert.True(t, gotrue.Unanswered(err))
			select {
			case <-cancelled:
			case <-time.After(10 * time.Second):
				t.Fatal("the request is still running")
			}
			e.rec.setHook(nil)
			_, err = s.Refresh(context.Background())
			assert.NoError(t, err, "the session stays")
		})
	}
}

// TestSessionErrors: what each failure returns, and what it leaves.
func TestSessionErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	store := &gotrue.MemoryStorage{}
	s := e.login("err@example.com", gotrue.Remember(store))

	offline := errors.New("offline")
	e.rec.setHook(func(context.Context, *gotrue.Request) (*gotrue.Response, error, bool) { return nil, offline, true })
	_, err := s.Refresh(context.Background())
	assert.ErrorIs(t, err, offline)
	assert.True(t, gotrue.Unanswered(err))
	assert.ErrorIs(t, s.Validate(context.Background()), offline)
	_, err = e.client.ResumeSession(store)
	assert.NoError(t, err, "offline keeps the session (D8)")

	e.rec.setHook(nil)
	_, err = s.Update(context.Background(), gotrue.UserAttributes{Data: map[string]any{"plan": "pro"}})
	require.NoError(t, err)
	assert.Equal(t, "pro", s.User().UserMetadata["plan"])

	_, err = s.Update(context.Background(), gotrue.UserAttributes{Email: "not an address"})
	var he *gotrue.HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 422, he.Status)
	assert.False(t, gotrue.Unanswered(err))
	assert.NotEmpty(t, he.Header.Get("Content-Type"), "the response's headers are kept")

	e.emu.Advance(0)
	require.NoError(t, s.Logout(context.Background()))
	assert.ErrorIs(t, s.Validate(context.Background()), gotrue.ErrNoSession)
	assert.False(t, gotrue.Unanswered(gotrue.ErrNoSession), "nothing was sent")
	_, err = s.FetchUser(context.Background())
	assert.ErrorIs(t, err, gotrue.ErrNoSession)
	assert.Equal(t, 1, e.rec.count("POST", "/logout"))
}
