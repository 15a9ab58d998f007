//go:build !js

package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// storedSession is a session as gotrue-js stores it, enough for the
// entries to see that one is stored.
const storedSession = `{"token":{"access_token":"a.eyJleHAiOjF9.c","token_type":"bearer","expires_in":3600,"refresh_token":"r","expires_at":1000},"url":"/.netlify/identity","audience":"","id":"x","email":"x@example.com"}`

func init() {
	slowImage := `<img src="/slow.png?ms=MS">`
	// settled marks the page's load event, then waits for an idle period
	// and 1.5 s more: a whole load with nothing asked of the library.
	settled := `<script>window.addEventListener('load', () => { window.loadedAt = Date.now();
		requestIdleCallback(() => setTimeout(() => { window.settled = true; }, 1500)); });</script>`
	pages["load/anon.html"] = pageFile(`<!doctype html>` + settled + `<script src="/dist/gotrue.js"></script><script>window.lib = GoTrue;</script>`)
	pages["load/prefetch.html"] = pageFile(`<!doctype html>` + settled + `<script src="/dist/gotrue.js" data-prefetch></script><script>window.lib = GoTrue;</script>` +
		strings.Replace(slowImage, "MS", "1000", 1))
	pages["load/prefetch-method.html"] = pageFile(`<!doctype html>` + settled + `<script src="/dist/gotrue.js"></script><script>window.lib = GoTrue; GoTrue.prefetch();</script>` +
		strings.Replace(slowImage, "MS", "1000", 1))
	pages["load/early-call.html"] = pageFile(`<!doctype html>` + settled + `<script src="/dist/gotrue.js"></script>` +
		`<script>window.lib = GoTrue; window.early = new GoTrue().settings().then((s) => typeof s.external, (e) => e.message);</script>` +
		strings.Replace(slowImage, "MS", "2000", 1))
	pages["load/relative.html"] = pageFile(`<!doctype html><script src="/dist/gotrue.js" data-wasm="gotrue.wasm"></script><script>window.lib = GoTrue;</script>`)
	pages["load/absolute.html"] = pageFile(`<!doctype html><script>document.write('<script src="/dist/gotrue.js" data-wasm="' + location.origin + '/dist/gotrue.wasm"><\/script>');</script><script>window.lib = GoTrue;</script>`)
	pages["load/html.html"] = pageFile(`<!doctype html><script src="/dist/gotrue.js" data-wasm="/spa/gotrue.wasm"></script><script>window.lib = GoTrue;</script>`)
	pages["load/octet.html"] = pageFile(`<!doctype html><script src="/dist/gotrue.js" data-wasm="/octet/gotrue.wasm"></script><script>window.lib = GoTrue;</script>`)
	pages["load/missing.html"] = pageFile(`<!doctype html><script src="/dist/gotrue.js" data-wasm="/missing/gotrue.wasm"></script><script>window.lib = GoTrue;</script>`)
}

// slowImages serves /slow.png after ?ms= milliseconds, which holds back
// the page's load event, and notes when it answered.
func slowImages(s *site) *atomic.Int64 {
	var done atomic.Int64
	mux := s.srv.Config.Handler.(*http.ServeMux)
	mux.HandleFunc("/slow.png", func(w http.ResponseWriter, r *http.Request) {
		d, _ := time.ParseDuration(r.URL.Query().Get("ms") + "ms")
		time.Sleep(d)
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write([]byte{0x89, 'P', 'N', 'G'})
		done.Store(time.Now().UnixMilli())
	})
	return &done
}

// untilSettled waits for the page's load event, an idle period and 1.5 s.
func (tb *tab) untilSettled() {
	tb.t.Helper()
	tb.evalRaw(`new Promise((r) => { const p = () => (window.settled ? r(true) : setTimeout(p, 20)); p(); })`)
}

// TestD2AnonymousVisitorFetchesNothing: with no session stored, a page that
// calls no Promise-returning method never fetches gotrue.wasm, over a whole
// load and idle period; with one stored, the module is fetched at once and
// Go started when the page is idle, with no call.
func TestD2AnonymousVisitorFetchesNothing(t *testing.T) {
	s := newSite(t)
	tb := s.open(t, "/load/anon.html")
	tb.untilSettled()
	r := tb.run(`return { current: new GoTrue().currentUser(), started: GoTrue[Symbol.for('gotrue-wasm.stats')]().started };`)
	assert.Nil(t, r["current"])
	assert.Equal(t, false, r["started"])
	assert.Empty(t, s.wasmRequests(), "no module for a visitor who never signs in")

	tb.run(`localStorage.setItem('gotrue.user', ` + jsString(storedSession) + `); return {};`)
	tb.navigate("/load/anon.html")
	r = tb.run(`
		const stats = GoTrue[Symbol.for('gotrue-wasm.stats')];
		for (const t0 = Date.now(); !stats().goroutines && Date.now() - t0 < 60000; ) await new Promise((r) => setTimeout(r, 20));
		return { started: !!stats().goroutines };`)
	assert.Equal(t, true, r["started"], "a stored session: Go is ready before the page asks")
	require.Len(t, s.wasmRequests(), 1)
	assert.Regexp(t, `^/dist/gotrue\.[0-9a-f]{10}\.wasm$`, s.wasmRequests()[0].path)
}

// TestD2PrefetchAfterLoad: a page that asks for the module ahead of need
// (data-prefetch, GoTrue.prefetch()) gets it after its own load event; a
// call made while that fetch is in flight waits for it, and resolves.
func TestD2PrefetchAfterLoad(t *testing.T) {
	for _, page := range []string{"/load/prefetch.html", "/load/prefetch-method.html"} {
		t.Run(page, func(t *testing.T) {
			s := newSite(t)
			slowImages(s)
			s.answerWasm(func(http.ResponseWriter, *http.Request) bool {
				time.Sleep(1500 * time.Millisecond) // in flight when the call comes
				return false
			})
			tb := s.open(t, page)
			r := tb.run(`
				for (const t0 = Date.now(); !window.loadedAt && Date.now() - t0 < 60000; ) await new Promise((r) => setTimeout(r, 20));
				await new Promise((r) => setTimeout(r, 300));
				const settings = await new GoTrue().settings();
				return { loadedAt: window.loadedAt, external: typeof settings.external };`)
			assert.Equal(t, "object", r["external"], "the call resolves")
			reqs := s.wasmRequests()
			require.Len(t, reqs, 1, "one fetch: the call waited for the prefetch")
			loaded := int64(r["loadedAt"].(float64))
			assert.GreaterOrEqual(t, reqs[0].at.UnixMilli(), loaded-5, "fetched after the page's load event")
		})
	}
}

// TestD2CallBeforeLoadFetchesAtOnce: a call made while the page still
// loads (its load event held back by a slow image) fetches the module at
// once: it does not wait for the page's content or for idle.
func TestD2CallBeforeLoadFetchesAtOnce(t *testing.T) {
	s := newSite(t)
	imageDone := slowImages(s)
	tb := s.open(t, "/load/early-call.html")
	assert.Equal(t, `"object"`, string(tb.evalRaw(`window.early`)))
	reqs := s.wasmRequests()
	require.Len(t, reqs, 1)
	for imageDone.Load() == 0 {
		time.Sleep(20 * time.Millisecond)
	}
	assert.Less(t, reqs[0].at.UnixMilli(), imageDone.Load(), "the module was asked for before the page's image was done")
}

// TestHashedModule: the entries fetch the content-hashed copy of the
// module, whose name is its bytes' hash, and a repeat visit in the same
// browser makes no request for it at all (the site sends it immutable).
func TestHashedModule(t *testing.T) {
	wasm, err := os.ReadFile(filepath.Join(distDir, "gotrue.wasm"))
	require.NoError(t, err)
	sum := sha256.Sum256(wasm)
	name := "gotrue." + hex.EncodeToString(sum[:5]) + ".wasm"
	hashed, err := os.ReadFile(filepath.Join(distDir, name))
	require.NoError(t, err, "the build writes %s", name)
	assert.Equal(t, wasm, hashed)
	for _, entry := range []string{"gotrue.js", "gotrue.mjs"} {
		b, err := os.ReadFile(filepath.Join(distDir, entry))
		require.NoError(t, err)
		assert.Equal(t, []string{name}, regexp.MustCompile(`gotrue\.[0-9a-f]{10}\.wasm`).FindAllString(string(b), -1), entry)
	}

	s := newSite(t)
	tb := s.open(t, "/blank.html")
	tb.run(`localStorage.setItem('gotrue.user', ` + jsString(storedSession) + `); return {};`)
	for visit := 0; visit < 3; visit++ {
		tb.navigate("/load/anon.html")
		r := tb.run(`
			const stats = GoTrue[Symbol.for('gotrue-wasm.stats')];
			for (const t0 = Date.now(); !stats().goroutines && Date.now() - t0 < 60000; ) await new Promise((r) => setTimeout(r, 20));
			return { started: !!stats().goroutines };`)
		assert.Equal(t, true, r["started"], "visit %d", visit)
	}
	reqs := s.wasmRequests()
	require.Len(t, reqs, 1, "one request over three visits: the repeat visits use the cached module without asking")
	assert.Equal(t, "/dist/"+name, reqs[0].path)
}

// TestD2FailedFetchIsNotForever: a fetch of the module that fails (a 503)
// fails the call waiting on it; the next call fetches again and resolves,
// and so does GoTrue.ready. While the module cannot be had, a stored
// session is kept: validateCurrentSession resolves null without clearing
// it (no answer from the server, D8).
func TestD2FailedFetchIsNotForever(t *testing.T) {
	s := newSite(t)
	var failures atomic.Int64
	failures.Store(1)
	s.answerWasm(func(w http.ResponseWriter, _ *http.Request) bool {
		if failures.Add(-1) >= 0 {
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return true
		}
		return false
	})
	tb := s.open(t, "/load/anon.html")
	r := tb.run(`
		const first = await settle(new GoTrue().settings());
		const second = await settle(new GoTrue().settings());
		return { first: first.error && first.error.message, second: second.value && typeof second.value.external, ready: await settle(GoTrue.ready) };`)
	assert.Contains(t, r["first"], "could not be fetched")
	assert.Contains(t, r["first"], "503")
	assert.Equal(t, "object", r["second"], "the next call fetched again")
	assert.NotContains(t, r["ready"], "error", "GoTrue.ready resolves")
	assert.Len(t, s.wasmRequests(), 2)

	down := newSite(t)
	down.confirmedUser(t, "kept@example.com", nil)
	down.answerWasm(func(w http.ResponseWriter, _ *http.Request) bool {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return true
	})
	tb = down.open(t, "/blank.html")
	tb.run(`
		const t = await (await fetch('/.netlify/identity/token', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=password&username=kept%40example.com&password=secret' })).json();
		localStorage.setItem('gotrue.user', JSON.stringify({ token: t, url: '/.netlify/identity', audience: '', email: 'kept@example.com' }));
		return {};`)
	tb.navigate("/load/anon.html")
	r = tb.run(`
		const auth = new GoTrue();
		const validated = await auth.validateCurrentSession();
		return { validated, current: !!auth.currentUser(), token: !!auth.currentUser().token, stored: !!localStorage.getItem('gotrue.user') };`)
	assert.Nil(t, r["validated"], "resolves null, as gotrue-js when getUserData fails")
	assert.Equal(t, true, r["current"], "the session stays")
	assert.Equal(t, true, r["token"])
	assert.Equal(t, true, r["stored"])
}

// TestDataWasm: data-wasm may be relative to the script (the entry
// resolves it against the script's URL) or absolute; a module sent with
// another Content-Type still loads (compiled from its bytes); a page sent
// instead of the module (a single-page app's fallback) is reported as such,
// and so is a 404.
func TestDataWasm(t *testing.T) {
	s := newSite(t)
	wasm, err := os.ReadFile(filepath.Join(distDir, "gotrue.wasm"))
	require.NoError(t, err)
	s.answerWasm(func(w http.ResponseWriter, r *http.Request) bool {
		switch {
		case strings.HasPrefix(r.URL.Path, "/spa/"):
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte("<!doctype html><title>My app</title>"))
		case strings.HasPrefix(r.URL.Path, "/octet/"):
			w.Header().Set("Content-Type", "application/octet-stream")
			_, _ = w.Write(wasm)
		default:
			return false
		}
		return true
	})
	for _, page := range []string{"/load/relative.html", "/load/absolute.html", "/load/octet.html"} {
		tb := s.open(t, page)
		r := tb.run(`const s = await settle(new GoTrue().settings()); return { external: s.value && typeof s.value.external, error: s.error && s.error.message };`)
		assert.Equal(t, "object", r["external"], "%s: %v", page, r["error"])
	}
	tb := s.open(t, "/load/html.html")
	r := tb.run(`const s = await settle(new GoTrue().settings()); return { error: s.error.message };`)
	assert.Contains(t, r["error"], "text/html")
	assert.Contains(t, r["error"], "not gotrue.wasm")
	assert.NotContains(t, r["error"], "wasm-unsafe-eval", "not a Content-Security-Policy problem")
	tb = s.open(t, "/load/missing.html")
	r = tb.run(`const s = await settle(new GoTrue().settings()); return { error: s.error.message, current: new GoTrue().currentUser() };`)
	assert.Contains(t, r["error"], "could not be fetched")
	assert.Contains(t, r["error"], "HTTP 404")
	assert.Nil(t, r["current"], "the synchronous methods still answer")
	paths := []string{}
	for _, q := range s.wasmRequests() {
		paths = append(paths, q.path)
	}
	assert.Equal(t, []string{"/dist/gotrue.wasm", "/dist/gotrue.wasm", "/octet/gotrue.wasm", "/spa/gotrue.wasm", "/missing/gotrue.wasm"}, paths)
}

// TestRefreshAnswerKeptWhenGoCannotRun: a refresh asked for while the
// module still loads leaves at once, and the server rotates the token; if
// the module then cannot be had, the call rejects (and keeps the session,
// D8), and the next refresh, once the module loads, reads that answer
// instead of sending the revoked token. One refresh request in all, and
// the session goes on.
func TestRefreshAnswerKeptWhenGoCannotRun(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "early@example.com", nil)
	refreshes := refreshCounter(s)
	var down atomic.Bool
	down.Store(true)
	s.answerWasm(func(w http.ResponseWriter, _ *http.Request) bool {
		if down.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return true
		}
		return false
	})
	s.emu.Advance(-2 * time.Hour) // the stored session's token has expired
	tb := s.open(t, "/blank.html")
	tb.run(`
		const t = await (await fetch('/.netlify/identity/token', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=password&username=early%40example.com&password=secret' })).json();
		localStorage.setItem('gotrue.user', JSON.stringify({ token: t, url: '/.netlify/identity', audience: '', email: 'early@example.com' }));
		return {};`)
	s.emu.Advance(2 * time.Hour)
	tb.navigate("/load/anon.html")
	r := tb.run(`
		const user = new GoTrue().currentUser();
		const before = user.token.refresh_token;
		const first = await settle(user.jwt());
		return { first: first.error && first.error.message, kept: user.token && user.token.refresh_token === before };`)
	assert.Contains(t, r["first"], "could not be fetched", "no module: the call rejects")
	assert.Equal(t, true, r["kept"], "and the session stays (D8)")
	assert.Equal(t, int64(1), refreshes.Load(), "the refresh left before the module")

	down.Store(false)
	r = tb.run(`
		const user = new GoTrue().currentUser();
		const jwt = await settle(user.jwt());
		return { ok: typeof jwt.value === 'string' && jwt.value === user.token.access_token, error: jwt.error && jwt.error.message,
			stored: JSON.parse(localStorage.getItem('gotrue.user')).token.refresh_token === user.token.refresh_token };`)
	assert.Equal(t, true, r["ok"], "%v", r["error"])
	assert.Equal(t, true, r["stored"])
	assert.Equal(t, int64(1), refreshes.Load(), "the kept answer was read: no second refresh, no revoked token sent")
}
