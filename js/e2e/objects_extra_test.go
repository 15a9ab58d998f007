//go:build !js

package e2e

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func init() {
	pages["nowasm.html"] = pageFile(`<!doctype html>` + recorder + `<script src="/dist/gotrue.js" data-wasm="/missing/gotrue.wasm"></script><script>window.lib = window.GoTrue;</script>`)
}

// TestLogoutWithoutTheModule: logout resolves and clears the session
// whatever happens, as gotrue-js's does, even when gotrue.wasm cannot be
// had (here a 404): clearing needs no Go. Side by side with gotrue-js,
// whose request the page makes fail, the outcome, the storage and the
// objects are the same.
func TestLogoutWithoutTheModule(t *testing.T) {
	requireTools(t)
	script := `
		const t = await (await fetch('/.netlify/identity/token', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=password&username=gone%40example.com&password=secret' })).json();
		localStorage.setItem('gotrue.user', JSON.stringify({ token: t, url: '/.netlify/identity', audience: '', email: 'gone@example.com' }));
		window.__fail = (path) => path.endsWith('/logout');
		const auth = new GoTrue();
		const user = auth.currentUser();
		const logout = await settle(user.logout());
		return { logout, current: auth.currentUser(), token: user.token, stored: localStorage.getItem('gotrue.user'), email: user.email };`
	var results []map[string]any
	for _, page := range []string{"/ref.html", "/nowasm.html"} {
		s := newSite(t)
		s.confirmedUser(t, "gone@example.com", nil)
		s.answerWasm(func(w http.ResponseWriter, r *http.Request) bool {
			http.NotFound(w, r)
			return true
		})
		results = append(results, s.open(t, page).run(script))
	}
	require.Len(t, results, 2)
	assert.Equal(t, map[string]any{}, results[1]["logout"], "resolves undefined (no error)")
	assert.Nil(t, results[1]["stored"])
	assert.Equal(t, results[0], results[1], "as gotrue-js")
}

// TestGoKeepsNoPageValues: Go works on the objects page code passes only
// while the call is under way, so an options object given to _request can
// be collected once the calls of the moment have settled and Go's
// collector has run (Go runs one after each burst of calls; the test runs
// one more, since the last call's values may still be on its stack at the
// first), without waiting for Go's collector to run on its own (it runs
// on Go's heap growth, not JavaScript's). Side by side with
// gotrue-js: after 100 calls with an 8 MB option, none of the options is
// alive after one collection of the page's heap.
func TestGoKeepsNoPageValues(t *testing.T) {
	requireTools(t)
	for _, page := range []string{"/ref.html", "/ours.html"} {
		s := newSite(t)
		tb := s.open(t, page)
		r := tb.run(`
			const auth = new GoTrue();
			window.refs = [];
			for (let i = 0; i < 100; i++) {
				const options = { payload: { big: 'x'.repeat(8 << 20) + i } };
				window.refs.push(new WeakRef(options.payload));
				await auth._request('/settings', options);
			}
			const stats = GoTrue[Symbol.for('gotrue-wasm.stats')];
			for (let i = 0; i < 100 && stats && stats().releasing; i++) await new Promise((r) => setTimeout(r, 20));
			const released = !(stats && stats().releasing);
			if (stats) stats(true); // a collection of Go's own, as the next burst of calls would run
			return { calls: window.refs.length, released };`)
		assert.Equal(t, 100.0, r["calls"])
		assert.Equal(t, true, r["released"], "%s: Go released what the calls handed it", page)
		tb.collectGarbage()
		alive := tb.run(`return { alive: window.refs.filter((r) => r.deref() !== undefined).length };`)
		assert.Equal(t, 0.0, alive["alive"], "%s: options still referenced after the calls", page)
	}
}
