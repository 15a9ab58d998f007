package core_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	. "github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/nethttp"
	"github.com/stretchr/testify/require"
)

// testClock is one clock for the client and the emulator, moved by tests.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// recorder is a Transport that records every request and can replace the
// server's answer.
type recorder struct {
	next Transport
	mu   sync.Mutex
	reqs []*Request
	hook func(*Request) (*Response, error, bool)
}

func (r *recorder) Do(ctx Context, req *Request) (*Response, error) {
	cp := *req
	cp.Header = req.Header.Clone()
	r.mu.Lock()
	r.reqs = append(r.reqs, &cp)
	hook := r.hook
	r.mu.Unlock()
	if hook != nil {
		if res, err, ok := hook(req); ok {
			return res, err
		}
	}
	return r.next.Do(ctx, req)
}

func (r *recorder) requests() []*Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*Request(nil), r.reqs...)
}

func (r *recorder) last() *Request {
	reqs := r.requests()
	return reqs[len(reqs)-1]
}

func (r *recorder) count(method, path string) int {
	n := 0
	for _, q := range r.requests() {
		if q.Method == method && strings.HasSuffix(q.URL, path) {
			n++
		}
	}
	return n
}

func (r *recorder) setHook(h func(*Request) (*Response, error, bool)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hook = h
}

type env struct {
	t       *testing.T
	emu     *gotruetest.Server
	site    *httptest.Server
	clock   *testClock
	rec     *recorder
	store   *MemoryStorage
	realm   *Realm
	client  *Client
	logs    *logSink
	nethttp stdTransport
}

type logSink struct {
	mu    sync.Mutex
	lines []string
}

func (l *logSink) logf(level, msg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, level+": "+msg)
}

func (l *logSink) all() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

func setup(t *testing.T, emuOpts ...gotruetest.Option) *env {
	t.Helper()
	clk := &testClock{t: time.Now().Truncate(time.Second)}
	emu := gotruetest.New(append([]gotruetest.Option{gotruetest.WithClock(clk.Now)}, emuOpts...)...)
	mux := http.NewServeMux()
	mux.Handle("/.netlify/identity/", http.StripPrefix("/.netlify/identity", emu))
	site := httptest.NewServer(mux)
	t.Cleanup(site.Close)
	nt := stdTransport{&nethttp.Transport{Base: site.URL}}
	e := &env{t: t, emu: emu, site: site, clock: clk, rec: &recorder{next: nt}, store: &MemoryStorage{}, logs: &logSink{}, nethttp: nt}
	e.realm = NewRealm(WithStorage(e.store), WithClock(clk.Now), WithLogger(e.logs.logf), WithRealmTransport(e.rec), WithRaceGrace(50*time.Millisecond))
	e.client = e.newClient(Options{})
	return e
}

func (e *env) newClient(o Options) *Client {
	o.Transport = e.rec
	return New(e.realm, o)
}

// signup creates and confirms a user with the password "secret".
func (e *env) signup(email string, data string) {
	e.t.Helper()
	ctx := context.Background()
	var raw []byte
	if data != "" {
		raw = []byte(data)
	}
	_, err := e.client.Signup(ctx, email, "secret", raw)
	require.NoError(e.t, err)
	m, ok := e.emu.LastMail(email)
	require.True(e.t, ok)
	other := New(NewRealm(), Options{Transport: e.nethttp})
	_, err = other.Confirm(ctx, m.Token, false)
	require.NoError(e.t, err)
}

func (e *env) login(email string, remember bool) *User {
	e.t.Helper()
	u, err := e.client.Login(context.Background(), email, "secret", remember)
	require.NoError(e.t, err)
	return u
}

func (e *env) stored() string {
	v, _, _ := e.store.Get(StorageKey)
	return v
}

func jsonResponse(status int, text, body string) *Response {
	return &Response{Status: status, StatusText: text, Header: Header{{"Content-Type", "application/json"}}, Body: []byte(body)}
}

// stdTransport is a nethttp.Transport as the core's Transport: a Context
// that is not a context.Context (a refresh's own) keeps its cancellation.
type stdTransport struct{ t *nethttp.Transport }

func (s stdTransport) Do(ctx Context, req *Request) (*Response, error) {
	c, ok := ctx.(context.Context)
	if !ok {
		var cancel context.CancelFunc
		c, cancel = context.WithCancel(context.Background())
		defer cancel()
		go func() {
			select {
			case <-ctx.Done():
				cancel()
			case <-c.Done():
			}
		}()
	}
	return s.t.Do(c, req)
}
