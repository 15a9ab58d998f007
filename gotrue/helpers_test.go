package gotrue_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/nethttp"
	"github.com/stretchr/testify/require"
)

// env is a client of an emulator mounted where Netlify mounts Identity,
// both on one clock the test moves.
type env struct {
	t      *testing.T
	emu    *gotruetest.Server
	url    string // the API URL
	clock  *testClock
	rec    *recorder
	client *gotrue.Client
}

func setup(t *testing.T, opts ...gotrue.Option) *env {
	t.Helper()
	clk := &testClock{t: time.Now().Truncate(time.Second)}
	emu := gotruetest.New(gotruetest.WithClock(clk.Now), gotruetest.WithAutoconfirm(true))
	srv := site(emu)
	t.Cleanup(srv.Close)
	e := &env{t: t, emu: emu, url: srv.URL + "/.netlify/identity", clock: clk, rec: &recorder{next: &nethttp.Transport{}}}
	e.client = gotrue.NewClient(e.url, append([]gotrue.Option{gotrue.WithTransport(e.rec), gotrue.WithClock(clk.Now)}, opts...)...)
	return e
}

// login signs up (autoconfirmed) and signs in email with the password "pw".
func (e *env) login(email string, opts ...gotrue.SessionOption) *gotrue.Session {
	e.t.Helper()
	_, err := e.client.Signup(context.Background(), email, "pw", nil)
	require.NoError(e.t, err)
	s, err := e.client.Login(context.Background(), email, "pw", opts...)
	require.NoError(e.t, err)
	return s
}

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *testClock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// recorder is a Transport that counts requests by path and can hold or
// replace them.
type recorder struct {
	next gotrue.Transport
	mu   sync.Mutex
	reqs []*gotrue.Request
	hook func(ctx context.Context, req *gotrue.Request) (*gotrue.Response, error, bool)
}

func (r *recorder) Do(ctx context.Context, req *gotrue.Request) (*gotrue.Response, error) {
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	hook := r.hook
	r.mu.Unlock()
	if hook != nil {
		if res, err, ok := hook(ctx, req); ok {
			return res, err
		}
	}
	return r.next.Do(ctx, req)
}

func (r *recorder) setHook(h func(ctx context.Context, req *gotrue.Request) (*gotrue.Response, error, bool)) {
	r.mu.Lock()
	r.hook = h
	r.mu.Unlock()
}

// count is how many requests went to path with method.
func (r *recorder) count(method, path string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, q := range r.reqs {
		if q.Method == method && strings.HasSuffix(q.URL, path) {
			n++
		}
	}
	return n
}

func (r *recorder) last() *gotrue.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.reqs[len(r.reqs)-1]
}

// isRefresh reports whether req is a refresh grant.
func isRefresh(req *gotrue.Request) bool {
	return strings.HasPrefix(string(req.Body), "grant_type=refresh_token&")
}
