//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gotrue-wasm/gotrue-wasm/example/devserver"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/stretchr/testify/require"
)

// pages load each entry and publish the library as window.lib, and, where
// the test is to run with Go started, GoTrue.ready as window.libReady
// (asking for ready starts Go; otherwise the first call that needs it does).
var pages = fstest.MapFS{
	"sync.html":          {Data: []byte(`<!doctype html><script src="/dist/gotrue.js"></script><script>window.lib = window.GoTrue; window.libReady = GoTrue.ready;</script>`)},
	"module.html":        {Data: []byte(`<!doctype html><script type="module">import GoTrue from '/dist/gotrue.mjs'; window.lib = GoTrue; window.libReady = GoTrue.ready;</script>`)},
	"inline.html":        {Data: []byte(`<!doctype html><script type="module">import GoTrue from '/dist/gotrue.inline.mjs'; window.lib = GoTrue; window.libReady = GoTrue.ready;</script>`)},
	"inline-script.html": {Data: []byte(`<!doctype html><script src="/dist/gotrue.inline.js"></script><script>window.lib = window.GoTrue; window.libReady = GoTrue.ready;</script>`)},
	"cold.html": {Data: []byte(`<!doctype html><script src="/dist/gotrue.js"></script>` +
		`<script>window.lib = window.GoTrue; window.beforeReady = (() => { try { new GoTrue().currentUser(); return 'no throw'; } catch (e) { return e.message; } })();</script>`)},
	"blank.html": {Data: []byte(`<!doctype html><title>blank</title>`)},
	// idle-never.html keeps Go from starting when idle.
	"idle-never.html": {Data: []byte(`<!doctype html><script>window.requestIdleCallback = () => 0;</script><script src="/dist/gotrue.js"></script><script>window.lib = window.GoTrue;</script>`)},
	// csp/ is served with Content-Security-Policy: script-src 'self', which
	// allows no inline script and no WebAssembly.
	"csp/strict.html": {Data: []byte(`<!doctype html><script src="/csp/before.js"></script><script src="/dist/gotrue.js"></script><script src="/csp/after.js"></script>`)},
	"csp/before.js":   {Data: []byte(`window.loadErrors = []; window.addEventListener('error', (e) => loadErrors.push(String(e.message)));`)},
	"csp/after.js":    {Data: []byte(`window.lib = window.GoTrue;`)},
	"immediate.html": {Data: []byte(`<!doctype html><script src="/dist/gotrue.js"></script>` +
		`<script>window.immediate = new GoTrue().currentUser(); window.lib = window.GoTrue; window.libReady = GoTrue.ready;</script>`)},
	"keep.html": {Data: []byte(`<!doctype html><script>window.GoTrue = 'the widget\'s';</script><script src="/dist/gotrue.js"></script>` +
		`<script>window.kept = window.GoTrue; window.GoTrue = undefined;</script><script src="/dist/gotrue.js" data-overwrite></script><script>window.lib = window.GoTrue; window.libReady = GoTrue.ready;</script>`)},
	"blocked.html": {Data: []byte(`<!doctype html><script>Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });</script>` +
		`<script src="/dist/gotrue.js"></script><script>window.lib = window.GoTrue; window.libReady = GoTrue.ready;</script>`)},
	"full.html": {Data: []byte(`<!doctype html><script>Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };</script>` +
		`<script src="/dist/gotrue.js"></script><script>window.lib = window.GoTrue; window.libReady = GoTrue.ready;</script>`)},
}

// site is one emulator served same-origin, on its own port (so its own
// localStorage). It keeps the requests for a .wasm file, and a test can
// answer them itself (onWasm).
type site struct {
	emu *gotruetest.Server
	srv *httptest.Server

	mu     sync.Mutex
	wasm   []wasmRequest
	onWasm func(w http.ResponseWriter, r *http.Request) bool
}

// wasmRequest is a request for a .wasm file: its path and when it came.
type wasmRequest struct {
	path string
	at   time.Time
}

func newSite(t *testing.T, opts ...gotruetest.Option) *site {
	t.Helper()
	emu := gotruetest.New(opts...)
	handler := devserver.New(devserver.Config{Pages: pages, Dist: distDir, Emulator: emu})
	s := &site{emu: emu}
	mux := http.NewServeMux()
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") && s.wasmRequest(w, r) {
			return
		}
		handler.ServeHTTP(w, r)
	}))
	mux.Handle("/csp/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "script-src 'self'")
		handler.ServeHTTP(w, r)
	}))
	tools := toolsHandler()
	mux.Handle("/ref/", tools)
	mux.Handle("/widget/", tools)
	mux.Handle("/tools/", tools)
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// wasmRequest notes a request for a .wasm file and reports whether the
// test's onWasm answered it.
func (s *site) wasmRequest(w http.ResponseWriter, r *http.Request) bool {
	s.mu.Lock()
	s.wasm = append(s.wasm, wasmRequest{path: r.URL.Path, at: time.Now()})
	hook := s.onWasm
	s.mu.Unlock()
	return hook != nil && hook(w, r)
}

// wasmRequests returns the requests for .wasm files so far.
func (s *site) wasmRequests() []wasmRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]wasmRequest(nil), s.wasm...)
}

// answerWasm sets how the site answers requests for .wasm files (nil: as
// the dev server does).
func (s *site) answerWasm(hook func(w http.ResponseWriter, r *http.Request) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onWasm = hook
}

// tab is a page in its own browser context.
type tab struct {
	t       *testing.T
	ctx     context.Context
	site    *site
	base    string // the origin pages load from
	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// open loads path in a fresh browser context and waits for window.lib.
func (s *site) open(t *testing.T, path string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, site: s, base: s.srv.URL}
	require.NoError(t, chromedp.Do(ctx))
	go tb.collect(chromedp.Console(ctx))
	tb.navigate(path)
	return tb
}

// openAs is open under another host name (a *.test name Chromium maps to
// 127.0.0.1), for pages that must not look like localhost.
func (s *site) openAs(t *testing.T, host, path string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	_, port, _ := strings.Cut(strings.TrimPrefix(s.srv.URL, "http://"), ":")
	tb := &tab{t: t, ctx: ctx, site: s, base: "http://" + host + ":" + port}
	require.NoError(t, chromedp.Do(ctx))
	go tb.collect(chromedp.Console(ctx))
	tb.navigate(path)
	return tb
}

// openIn loads path in a new tab of the same browser context (shared
// localStorage), like a second tab of the same site.
func (tb *tab) openIn(path string) *tab {
	ctx, cancel := chromedp.NewContext(tb.ctx)
	tb.t.Cleanup(cancel)
	other := &tab{t: tb.t, ctx: ctx, site: tb.site, base: tb.base}
	require.NoError(tb.t, chromedp.Do(ctx))
	go other.collect(chromedp.Console(ctx))
	other.navigate(path)
	return other
}

func (tb *tab) collect(msgs func(func(chromedp.ConsoleMessage, error) bool)) {
	for m, err := range msgs {
		if err != nil {
			return
		}
		tb.mu.Lock()
		tb.console = append(tb.console, m)
		tb.mu.Unlock()
	}
}

func (tb *tab) navigate(path string) {
	tb.t.Helper()
	require.NoError(tb.t, chromedp.Do(tb.ctx, chromedp.Navigate(tb.base+path)))
	if path != "/blank.html" {
		tb.waitLib()
	}
}

func (tb *tab) waitLib() {
	tb.t.Helper()
	tb.evalRaw(`new Promise((resolve, reject) => {
		const t0 = Date.now();
		const poll = () => window.lib ? Promise.resolve(window.libReady).then(resolve, reject)
			: Date.now() - t0 > 60000 ? reject(new Error('window.lib never appeared')) : setTimeout(poll, 10);
		poll();
	}).then(() => true)`)
}

func (tb *tab) reload() {
	tb.t.Helper()
	require.NoError(tb.t, chromedp.Do(tb.ctx, chromedp.Reload()))
	tb.waitLib()
}

// evalRaw evaluates an expression (awaiting a Promise) and returns its
// JSON.
func (tb *tab) evalRaw(expr string) json.RawMessage {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 3*time.Minute) // generous: CI runs the server under -race
	defer cancel()
	js := `(async () => JSON.stringify(await (` + expr + `)) ?? "undefined")()`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	require.NoError(tb.t, err, "evaluating %s", expr)
	if out == "undefined" {
		return nil
	}
	return json.RawMessage(out)
}

// run evaluates the body of an async function, with GoTrue in scope as the
// library and helpers describe(err) and inbox(email), and decodes what it
// returns into a map.
func (tb *tab) run(body string) map[string]any {
	tb.t.Helper()
	raw := tb.evalRaw(`(async (GoTrue) => {
		const describe = (e) => e == null ? e : ({ name: e.name, message: e.message, status: e.status, json: e.json, data: e.data,
			isError: e instanceof Error, isHTTPError: e instanceof GoTrue.HTTPError, isJSONHTTPError: e instanceof GoTrue.JSONHTTPError,
			isTextHTTPError: e instanceof GoTrue.TextHTTPError, stringified: JSON.stringify(e), hasStack: typeof e.stack === 'string' });
		const inbox = async (email) => (await (await fetch('/_inbox')).json()).find((m) => m.to.toLowerCase() === email.toLowerCase());
		const settle = (p) => Promise.resolve(p).then((value) => ({ value }), (error) => ({ error: describe(error) }));
		` + body + `
	})(window.lib)`)
	var m map[string]any
	require.NoError(tb.t, json.Unmarshal(raw, &m), string(raw))
	return m
}

// messages returns the console output so far, as text.
func (tb *tab) messages() string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var b strings.Builder
	for _, m := range tb.console {
		b.WriteString(string(m.Type) + ": " + m.Text + "\n")
	}
	return b.String()
}

// confirmedUser makes a confirmed user with the password "secret".
func (s *site) confirmedUser(t *testing.T, email string, data map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"email": email, "password": "secret", "confirm": true, "user_metadata": data})
	req, _ := http.NewRequest("POST", s.srv.URL+"/.netlify/identity/admin/users", strings.NewReader(string(body)))
	req.Header.Set("Authorization", "Bearer "+s.emu.Config().OperatorToken)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, 200, res.StatusCode)
}
