//go:build !js

package e2e

import (
	"strings"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/example/devserver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// D1: window.GoTrue is the constructor and carries the named exports; a
// GoTrue the page already has is kept unless the script asks.
func TestD1GlobalConstructor(t *testing.T) {
	s := newSite(t)
	tb := s.open(t, "/sync.html")
	r := tb.run(`return {
		isCtor: typeof window.GoTrue === 'function' && new window.GoTrue() instanceof window.GoTrue,
		viaDefault: new window.GoTrue.default() instanceof window.GoTrue,
		statics: ['default', 'User', 'Admin', 'HTTPError', 'TextHTTPError', 'JSONHTTPError', 'ready'].filter((k) => !(k in window.GoTrue)),
		readyIsPromise: window.GoTrue.ready instanceof Promise,
		noGlobals: ['Go', 'fs', 'path', 'process'].filter((k) => k in globalThis),
	};`)
	assert.Equal(t, true, r["isCtor"])
	assert.Equal(t, true, r["viaDefault"])
	assert.Equal(t, []any{}, r["statics"])
	assert.Equal(t, true, r["readyIsPromise"])
	assert.Equal(t, []any{}, r["noGlobals"], "wasm_exec.js leaves no globals behind")

	keep := s.open(t, "/keep.html")
	r = keep.run(`return { kept: window.kept, overwritten: typeof window.GoTrue };`)
	assert.Equal(t, "the widget's", r["kept"])
	assert.Equal(t, "function", r["overwritten"], "data-overwrite replaces it")
}

func init() {
	// globals.html lists the window properties the classic script adds.
	pages["globals.html"] = pageFile(`<!doctype html><script>window.before = Object.getOwnPropertyNames(window);</script><script src="/dist/gotrue.js"></script>` +
		`<script>window.added = Object.getOwnPropertyNames(window).filter((k) => !before.includes(k) && k !== 'before'); window.lib = GoTrue;</script>`)
}

// The classic script adds GoTrue to the page and nothing else: not
// wasm_exec.js's globals, not the minifier's helpers.
func TestClassicScriptAddsOnlyGoTrue(t *testing.T) {
	tb := newSite(t).open(t, "/globals.html")
	assert.Equal(t, `["GoTrue"]`, string(tb.evalRaw(`window.added`)))
}

// D2: the synchronous methods answer right after the script, before
// gotrue.wasm runs, and the objects they make are the ones Go works on
// once it starts.
func TestD2Loading(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "early@example.com", nil)
	tb := s.open(t, "/immediate.html")
	assert.Equal(t, "null", string(tb.evalRaw(`window.immediate`)), "currentUser() in the next script")
	as := s.open(t, "/cold.html")
	before := string(as.evalRaw(`window.beforeReady`))
	assert.Equal(t, `"no throw"`, before, "the synchronous methods answer before gotrue.wasm runs (D2)")
	r := as.run(`await GoTrue.ready; return { after: new GoTrue().currentUser() };`)
	assert.Nil(t, r["after"])

	// A session stored before the load is recovered before Go runs, and is
	// the same object afterwards.
	cold := s.open(t, "/cold.html")
	cold.run(`await new GoTrue().login('early@example.com', 'secret', true); return {};`)
	cold.navigate("/idle-never.html")
	r = cold.run(`
		const stats = GoTrue[Symbol.for('gotrue-wasm.stats')];
		const auth = new GoTrue();
		const user = auth.currentUser();
		const startedBefore = stats().started;
		const same = await user.getUserData() === user && auth.currentUser() === user;
		return { startedBefore, same, email: user.email, started: !!stats().goroutines };`)
	assert.Equal(t, false, r["startedBefore"], "nothing needed Go until getUserData")
	assert.Equal(t, true, r["same"], "the User made before Go ran is the one it adopted")
	assert.Equal(t, "early@example.com", r["email"])
	assert.Equal(t, true, r["started"], "the first call that needs Go starts it, without waiting for idle")
}

// TestD2BlockedByCSP: under a Content-Security-Policy without
// 'wasm-unsafe-eval', gotrue-js's synchronous surface still works, nothing
// is thrown at load, and every call that needs Go rejects with one Error
// that says what to add.
func TestD2BlockedByCSP(t *testing.T) {
	s := newSite(t)
	tb := s.open(t, "/csp/strict.html")
	r := tb.run(`
		const auth = new GoTrue();
		const sync = { current: auth.currentUser(), url: auth.loginExternalUrl('github') };
		const a = await settle(auth.settings()), b = await settle(auth.login('x@example.com', 'pw'));
		return { sync, loadErrors: window.loadErrors, a: a.error.message, same: a.error.message === b.error.message, ready: await settle(GoTrue.ready) };`)
	assert.Equal(t, map[string]any{"current": nil, "url": "/.netlify/identity/authorize?provider=github"}, r["sync"])
	assert.Empty(t, r["loadErrors"], "nothing thrown at load")
	assert.Contains(t, r["a"], "'wasm-unsafe-eval'")
	assert.Contains(t, r["a"], "script-src")
	assert.Equal(t, true, r["same"], "one Error for every call")
	assert.Contains(t, r["ready"].(map[string]any)["error"].(map[string]any)["message"], "'wasm-unsafe-eval'")
}

// D3: X-Nf-Client goes only to the page's own origin, so a self-hosted
// GoTrue on another origin, whose CORS rejects that header, works.
func TestD3CrossOrigin(t *testing.T) {
	s := newSite(t)
	other := newSite(t)
	other.confirmedUser(t, "far@example.com", nil)
	tb := s.open(t, "/sync.html")
	api := other.srv.URL + devserver.IdentityPath
	r := tb.run(`
		const auth = new GoTrue({ APIUrl: '` + api + `' });
		const user = await auth.login('far@example.com', 'secret');
		const withHeader = await settle(fetch('` + api + `/settings', { headers: { 'X-Nf-Client': 'gotrue-js' } }));
		return { email: user.email, headers: auth.api.defaultHeaders, sameOrigin: auth.api._sameOrigin, withHeader };`)
	assert.Equal(t, "far@example.com", r["email"])
	assert.Equal(t, map[string]any{}, r["headers"])
	assert.Equal(t, false, r["sameOrigin"])
	assert.Equal(t, "TypeError", r["withHeader"].(map[string]any)["error"].(map[string]any)["name"], "what gotrue-js 1.0.1 would meet")
}

// D4: blocked or full storage falls back to memory; currentUser() never throws.
func TestD4StorageFallback(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "mem@example.com", nil)
	for _, page := range []string{"/blocked.html", "/full.html"} {
		t.Run(page, func(t *testing.T) {
			tb := s.open(t, page)
			r := tb.run(`
				const auth = new GoTrue();
				const before = auth.currentUser();
				const user = await auth.login('mem@example.com', 'secret', true);
				await user.update({ data: { n: 1 } });
				return { before, same: auth.currentUser() === user, n: user.user_metadata.n };`)
			assert.Nil(t, r["before"])
			assert.Equal(t, true, r["same"])
			assert.Equal(t, float64(1), r["n"])
		})
	}
}

// D5: a tab adopts the token another tab already rotated, instead of
// sending its own stale one.
func TestD5TwoTabs(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "tabs@example.com", nil)
	s.emu.Advance(-2 * 3600e9) // tokens look expired to the pages at once
	a := s.open(t, "/sync.html")
	a.run(`await new GoTrue().login('tabs@example.com', 'secret', true); return {};`)
	b := a.openIn("/sync.html")
	r := b.run(`const u = new GoTrue().currentUser(); return { email: u && u.email };`)
	require.Equal(t, "tabs@example.com", r["email"])
	s.emu.Advance(5e9) // tabs refresh at different moments: later tokens expire later
	a.run(`await new GoTrue().currentUser().jwt(true); return {};`)
	s.emu.Advance(5e9)
	r = b.run(`
		const u = new GoTrue().currentUser();
		const jwt = await settle(u.jwt());
		return { ok: typeof jwt.value === 'string', stored: !!localStorage.getItem('gotrue.user'), still: !!new GoTrue().currentUser() };`)
	assert.Equal(t, true, r["ok"], "B is not logged out by A's rotation")
	assert.Equal(t, true, r["stored"])
	assert.Equal(t, true, r["still"])
	s.emu.Advance(5e9)
	r = a.run(`const u = new GoTrue().currentUser(); return { a: !!u, jwt: typeof (await u.jwt()) };`)
	assert.Equal(t, true, r["a"])
	assert.Equal(t, "string", r["jwt"])
}

// D6: no token in any console message or error message.
func TestD6NoTokensInOutput(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "quiet@example.com", nil)
	tb := s.open(t, "/sync.html")
	r := tb.run(`
		const user = await new GoTrue().login('quiet@example.com', 'secret', true);
		const token = user.token;
		localStorage.setItem('gotrue.user', '{"token":{"access_token":"' + token.access_token + '"');
		return { access: token.access_token, refresh: token.refresh_token };`)
	access, refresh := r["access"].(string), r["refresh"].(string)
	s.emu.Advance(31 * 24 * 3600e9) // the refresh token expires on the server
	tb.reload()
	r = tb.run(`
		const out = { recovered: new GoTrue().currentUser() };
		const user = await new GoTrue().createUser({ access_token: 'not.a-jwt.` + access[:10] + `', refresh_token: '` + refresh + `' }).catch((e) => e);
		out.failed = describe(await new GoTrue().createUser({ access_token: 'x', refresh_token: '` + refresh + `', expires_at: 1 }).catch((e) => e));
		return out;`)
	assert.Nil(t, r["recovered"], "corrupt storage gives no session")
	msgs := tb.messages()
	assert.Contains(t, msgs, "Gotrue-js: Error recovering session")
	assert.Contains(t, msgs, "Gotrue-js: Failed to parse tokenResponse claims")
	for _, secret := range []string{access, refresh, access[:10]} {
		assert.NotContains(t, msgs, secret)
		assert.NotContains(t, strings.ToLower(r["failed"].(map[string]any)["message"].(string)), strings.ToLower(secret))
	}
}

// The sessions gotrue-js 1.0.1 and 0.9.29 stored load after a reload.
func TestSessionsStoredByGotrueJS(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "old@example.com", map[string]any{"full_name": "Old"})
	tb := s.open(t, "/sync.html")
	tok := tb.run(`const u = await new GoTrue().login('old@example.com', 'secret'); return { token: u.token, id: u.id };`)
	token, id := tok["token"].(map[string]any), tok["id"].(string)
	tokJSON := `{"access_token":"` + token["access_token"].(string) + `","token_type":"bearer","expires_in":3600,"refresh_token":"` + token["refresh_token"].(string) + `","expires_at":1}`
	saved := map[string][]any{"1.0.1": {"token", "url", "audience"}, "0.9.29": {"token", "url", "id"}}
	payloads := map[string]string{
		"1.0.1":  `{"token":` + tokJSON + `,"url":"/.netlify/identity","audience":"","id":"` + id + `","aud":"","role":"","email":"old@example.com","app_metadata":{"provider":"email"},"user_metadata":{"full_name":"Old"},"created_at":"2026-11-27T04:12:48Z","updated_at":"2026-11-27T04:12:48Z"}`,
		"0.9.29": `{"url":"/.netlify/identity","token":` + tokJSON + `,"id":"` + id + `","aud":"","role":"","email":"old@example.com","app_metadata":{"provider":"email"},"user_metadata":{"full_name":"Old"},"created_at":"2026-11-27T04:12:48Z","updated_at":"2026-11-27T04:12:48Z"}`,
	}
	for version, payload := range payloads {
		t.Run(version, func(t *testing.T) {
			tb.evalRaw(`localStorage.setItem('gotrue.user', ` + jsString(payload) + `)`)
			tb.reload()
			r := tb.run(`
				const u = new GoTrue().currentUser();
				const fresh = await u.getUserData();
				return { email: u.email, name: u.user_metadata.full_name, expires: u.token.expires_at > 1, fromStorage: u._fromStorage,
					jwt: typeof (await u.jwt()), saved: Object.keys(JSON.parse(localStorage.getItem('gotrue.user'))).slice(0, 3) };`)
			assert.Equal(t, "old@example.com", r["email"])
			assert.Equal(t, "Old", r["name"])
			assert.Equal(t, true, r["expires"], "expires_at recomputed from the JWT")
			assert.Equal(t, true, r["fromStorage"])
			assert.Equal(t, "string", r["jwt"])
			assert.Equal(t, saved[version], r["saved"], "saved back as 1.0.1 saves it (no audience key when the stored one had none)")
		})
	}
}

func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	b.WriteString(strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s))
	b.WriteByte('\'')
	return b.String()
}
