package core

import (
	"context"
	"encoding/base64"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// panickyStorage is a MemoryStorage that panics on every third call while
// on is set, like a Storage with a bug.
type panickyStorage struct {
	MemoryStorage
	on    atomic.Bool
	calls atomic.Int64
}

func (s *panickyStorage) trip() {
	if s.on.Load() && s.calls.Add(1)%3 == 0 {
		panic("storage bug")
	}
}

func (s *panickyStorage) Get(k string) (string, bool, error) {
	s.trip()
	return s.MemoryStorage.Get(k)
}

func (s *panickyStorage) Set(k, v string) error { s.trip(); return s.MemoryStorage.Set(k, v) }

func (s *panickyStorage) Remove(k string) error { s.trip(); return s.MemoryStorage.Remove(k) }

// rotatingServer answers every refresh with a new token and everything
// else with an empty JSON object.
type rotatingServer struct{ n atomic.Int64 }

func (s *rotatingServer) Do(_ Context, req *Request) (*Response, error) {
	body := "{}"
	if req.Method == "POST" && len(req.URL) > 6 && req.URL[len(req.URL)-6:] == "/token" {
		body = string(stressToken(int(s.n.Add(1))).raw.mustJSON())
	}
	return &Response{Status: 200, StatusText: "OK", Header: Header{{"Content-Type", "application/json"}}, Body: []byte(body)}, nil
}

func (o Object) mustJSON() []byte { b, _ := o.MarshalJSON(); return b }

// stressToken is a token response whose JWT expires in an hour.
func stressToken(n int) *Token {
	exp := time.Now().Add(time.Hour).Unix()
	payload := base64.RawURLEncoding.EncodeToString([]byte(`{"exp":` + strconv.FormatInt(exp, 10) + `}`))
	var raw Object
	raw.SetString("access_token", "h."+payload+".s"+strconv.Itoa(n))
	raw.SetString("refresh_token", "rt"+strconv.Itoa(n))
	t, _ := newToken(raw)
	return t
}

// TestRefreshFlightsAlwaysEnd races JWT, Logout and ClearSession on one
// user while storage panics now and then, for a few seconds. Every flight
// must end (none left registered), and a later JWT for a refresh token
// that was being refreshed must complete. Before the flight was landed by
// a defer, a panic between its start and its end left it registered and
// that JWT waited forever.
func TestRefreshFlightsAlwaysEnd(t *testing.T) {
	t.Parallel()
	store := &panickyStorage{}
	r := NewRealm(WithStorage(store), WithRaceGrace(0))
	c := New(r, Options{APIURL: "https://id.example/.netlify/identity", Transport: &rotatingServer{}})
	store.on.Store(true)
	var lastRT string
	var panics atomic.Int64
	for end := time.Now().Add(3 * time.Second); time.Now().Before(end); {
		tok := stressToken(0)
		tok.raw.SetString("refresh_token", "round"+strconv.FormatInt(time.Now().UnixNano(), 10))
		lastRT = tok.RefreshToken()
		u := newUser(r, c.api, tok.raw, quote(""))
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				defer func() {
					if recover() != nil {
						panics.Add(1)
					}
				}()
				switch i % 4 {
				case 0, 1:
					_, _ = u.JWT(context.Background(), true)
				case 2:
					u.ClearSession()
				case 3:
					u.Logout(context.Background())
				}
			})
		}
		within(t, time.Minute, "a round of concurrent JWT, Logout and ClearSession", wg.Wait)
	}
	store.on.Store(false)
	require.Positive(t, panics.Load(), "the storage panicked during the run")
	r.mu.Lock()
	left := len(r.flights)
	r.mu.Unlock()
	assert.Zero(t, left, "flights still registered")

	again := newUser(r, c.api, func() Object { o := stressToken(0).raw.Clone(); o.SetString("refresh_token", lastRT); return o }(), quote(""))
	within(t, time.Minute, "a JWT for a refresh token that was being refreshed", func() {
		_, err := again.JWT(context.Background(), true)
		assert.NoError(t, err)
	})
}

// within runs fn and fails the test if it has not returned after d: a
// guard against a hang, far longer than fn needs on a loaded machine.
func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %v", what, d)
	}
}

// TestJoinerReturnsWhenItsContextEnds: a caller that joins a refresh in
// flight gets ctx.Err() when its ctx ends, while the flight goes on for
// the others.
func TestJoinerReturnsWhenItsContextEnds(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	started := make(chan struct{})
	tr := transportFunc(func(ctx Context, req *Request) (*Response, error) {
		close(started)
		<-release
		return (&rotatingServer{}).Do(ctx, req)
	})
	r := NewRealm()
	c := New(r, Options{APIURL: "https://id.example/.netlify/identity", Transport: tr})
	u := newUser(r, c.api, stressToken(0).raw, quote(""))
	leader := make(chan error, 1)
	go func() { _, err := u.JWT(context.Background(), true); leader <- err }()
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	within(t, time.Minute, "a joiner whose context ended", func() {
		_, err := u.refresh(ctx, stressToken(0).RefreshToken(), true)
		assert.ErrorIs(t, err, context.Canceled, "the joiner stops waiting")
	})
	close(release)
	assert.NoError(t, <-leader, "the flight itself goes on")
}

type transportFunc func(Context, *Request) (*Response, error)

func (f transportFunc) Do(ctx Context, req *Request) (*Response, error) { return f(ctx, req) }

// TestRefreshOutlivesItsSender: the caller whose call sent a shared refresh
// leaves (its ctx ends); a caller still waiting gets the token, from the
// one request, which went on. Before, the request ran on the sender's ctx,
// and every waiter got "context canceled" with it.
func TestRefreshOutlivesItsSender(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	sent := make(chan struct{})
	var requests atomic.Int64
	tr := transportFunc(func(ctx Context, req *Request) (*Response, error) {
		if requests.Add(1) == 1 {
			close(sent)
		}
		<-release
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return (&rotatingServer{}).Do(ctx, req)
	})
	r := NewRealm()
	c := New(r, Options{APIURL: "https://id.example/.netlify/identity", Transport: tr})
	u := newUser(r, c.api, stressToken(0).raw, quote(""))
	rt := u.TokenDetails().RefreshToken()
	senderCtx, cancelSender := context.WithCancel(context.Background())
	sender := make(chan error, 1)
	go func() { _, err := u.JWT(senderCtx, true); sender <- err }()
	<-sent
	waiter := make(chan error, 1)
	go func() { _, err := u.JWT(context.Background(), true); waiter <- err }()
	require.Eventually(t, func() bool { return r.Waiters(rt) == 2 }, time.Minute, time.Millisecond)
	cancelSender()
	assert.ErrorIs(t, <-sender, context.Canceled, "the sender stops waiting")
	close(release)
	assert.NoError(t, <-waiter, "the waiter gets the refresh")
	assert.Equal(t, int64(1), requests.Load(), "one request")
	assert.NotEqual(t, rt, u.TokenDetails().RefreshToken(), "applied to the session")
}
