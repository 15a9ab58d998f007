//go:build !js

package e2e

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// @netlify/identity 2.0.0 (Netlify's recommended client, whose only
// dependency is gotrue-js ^1.0.1) runs its browser API over gotrue-js 1.0.1
// and over gotrue-wasm: the bare specifier "gotrue-js" is mapped to each
// by an import map, as a bundler alias or npm overrides would map it.

// identityPage loads @netlify/identity with "gotrue-js" mapped to lib. It
// records every request (the recorder), every onAuthChange event and every
// navigation page code starts (oauthLogin sets location.href), which the
// Navigation API lets the page cancel and keep.
func identityPage(lib string) string {
	return `<!doctype html>` + recorder + `<script type="importmap">{"imports": {"gotrue-js": "` + lib + `", "@netlify/identity": "/tools/@netlify/identity/dist/main.js"}}</script>
<script>
window.__navigations = [];
navigation.addEventListener('navigate', (e) => { if (e.cancelable && !e.destination.sameDocument) { window.__navigations.push(e.destination.url.replace(location.origin, '')); e.preventDefault(); } });
</script>
<script type="module">
import * as id from '@netlify/identity';
window.__events = [];
id.onAuthChange((event, user) => window.__events.push({ event, user }));
window.lib = id;
</script>`
}

func init() {
	pages["identity/ref.html"] = pageFile(identityPage("/ref/gotrue.mjs"))
	pages["identity/ours.html"] = pageFile(identityPage("/dist/gotrue.mjs"))
}

// identityHarness records after each step what a page using
// @netlify/identity can observe: the value or AuthError, the events, the
// cookies, the stored session, the URL hash, navigations and requests.
const identityHarness = `
const record = [];
const cookies = () => Object.fromEntries(document.cookie.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]));
const plain = (v) => v === undefined ? { undefined: true } : { json: JSON.parse(JSON.stringify(v)) };
const showErr = (e) => e instanceof Error ? { name: e.name, message: e.message, status: e.status, isAuthError: e instanceof id.AuthError,
  cause: e.cause instanceof Error ? { name: e.cause.name, message: e.cause.message, status: e.cause.status, json: e.cause.json } : e.cause } : { thrown: String(e) };
const step = async (name, fn) => {
  const out = { name };
  try { out.value = plain(await fn()); } catch (e) { out.error = showErr(e); }
  await new Promise((r) => setTimeout(r, 20)); // events fired right after the call settles
  out.events = window.__events.splice(0);
  out.cookies = cookies();
  out.storage = localStorage.getItem('gotrue.user');
  out.hash = location.hash;
  out.navigations = window.__navigations.splice(0);
  out.requests = window.__requests.splice(0);
  record.push(out);
  return out;
};
const inbox = async (email) => (await (await fetch('/_inbox')).json()).find((m) => m.to.toLowerCase() === email.toLowerCase());
const callback = (hash) => { history.replaceState(null, '', location.pathname + hash); return id.handleAuthCallback(); };
const grant = async (email, password) => (await fetch('/.netlify/identity/token', { method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=' + encodeURIComponent(email) + '&password=' + password })).json();
`

// expiringUser makes a user on a site whose clock runs an hour behind
// while the session is made (the scenario's beforeReload puts it back), so
// that the session's access token expires within refreshSession's 60 s
// margin.
func expiringUser(email string) func(*testing.T, *site) {
	return func(t *testing.T, s *site) {
		s.confirmedUser(t, email, nil)
		s.emu.Advance(-3570 * time.Second)
	}
}

// storeExpiring signs email in with the API directly and stores the
// session as gotrue-js would, with the nf_jwt and nf_refresh cookies
// @netlify/identity writes.
func storeExpiring(email string) string {
	return `
			const t = await grant('` + email + `', 'secret');
			const claims = JSON.parse(atob(t.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
			localStorage.setItem('gotrue.user', JSON.stringify({ token: { ...t, expires_at: claims.exp * 1000 }, url: location.origin + '/.netlify/identity',
				audience: '', id: claims.sub, email: claims.email, app_metadata: claims.app_metadata, user_metadata: claims.user_metadata }));
			document.cookie = 'nf_jwt=' + t.access_token + '; path=/';
			document.cookie = 'nf_refresh=' + t.refresh_token + '; path=/';
			await step('stored', () => null);`
}

// autoconfirm is a site that confirms signups at once.
var autoconfirm = []gotruetest.Option{gotruetest.WithAutoconfirm(true)}

func identityScenarios() []scenario {
	return []scenario{
		{name: "getSettings", js: `
			await step('getSettings', () => id.getSettings());
			await step('getIdentityConfig', () => id.getIdentityConfig());
			await step('getUser signed out', () => id.getUser());
			await step('isAuthenticated signed out', () => id.isAuthenticated());`},
		{name: "signup and confirm", setup: withUser("taken@example.com"), js: `
			await step('signup', () => id.signup('new@example.com', 'secret', { full_name: 'New' }));
			await step('signup taken', () => id.signup('taken@example.com', 'secret'));
			await step('signup bad email', () => id.signup('nope', 'secret'));
			const token = (await inbox('new@example.com')).token;
			await step('handleAuthCallback confirmation', () => callback('#confirmation_token=' + token));
			await step('getUser', () => id.getUser());
			await step('isAuthenticated', () => id.isAuthenticated());
			await step('handleAuthCallback confirmation again', () => callback('#confirmation_token=' + token));
			await step('handleAuthCallback no hash', () => callback(''));
			await step('handleAuthCallback other hash', () => callback('#section-2'));
			await step('logout', () => id.logout());
			await step('signup another', () => id.signup('other@example.com', 'secret'));
			const other = (await inbox('other@example.com')).token;
			await step('confirmEmail', () => id.confirmEmail(other));
			await step('getUser after confirmEmail', () => id.getUser());`},
		{name: "signup autoconfirm", site: autoconfirm, js: `
			await step('signup', () => id.signup('auto@example.com', 'secret', { full_name: 'Auto' }));
			await step('getUser', () => id.getUser());
			await step('confirmEmail bad token', () => id.confirmEmail('nope'));`},
		{name: "login, update and logout", setup: withUser("ada@example.com"), observes: map[string]string{
			"login":           `"nf_jwt":"eyJ`,
			"updateUser data": `"event":"user_updated"`,
			"logout":          `"cookies":{},"events":[{"event":"logout"`,
		}, js: `
			await step('login wrong password', () => id.login('ada@example.com', 'nope'));
			await step('login unknown', () => id.login('nobody@example.com', 'secret'));
			await step('login', () => id.login('ada@example.com', 'secret'));
			await step('getUser', () => id.getUser());
			await step('refreshSession fresh', () => id.refreshSession());
			await step('hydrateSession with a session', () => id.hydrateSession());
			await step('updateUser data', () => id.updateUser({ data: { full_name: 'Ada L' } }));
			await step('updateUser password', () => id.updateUser({ password: 'new-secret' }));
			await step('logout', () => id.logout());
			await step('getUser after logout', () => id.getUser());
			await step('updateUser signed out', () => id.updateUser({ data: { x: 1 } }));
			await step('login old password', () => id.login('ada@example.com', 'secret'));
			await step('login new password', () => id.login('ada@example.com', 'new-secret'));
			await step('logout again', () => id.logout());
			await step('logout signed out', () => id.logout());`},
		{name: "email change", setup: withUser("old@example.com"), js: `
			await step('login', () => id.login('old@example.com', 'secret'));
			await step('updateUser email', () => id.updateUser({ email: 'new@example.com' }));
			const first = (await inbox('new@example.com')).token;
			await step('handleAuthCallback email change', () => callback('#email_change_token=' + first));
			await step('updateUser email again', () => id.updateUser({ email: 'newer@example.com' }));
			const second = (await inbox('newer@example.com')).token;
			await step('verifyEmailChange bad token', () => id.verifyEmailChange('nope'));
			await step('verifyEmailChange', () => id.verifyEmailChange(second));
			await step('getUser', () => id.getUser());`},
		{name: "recovery", setup: func(t *testing.T, s *site) {
			s.confirmedUser(t, "rec@example.com", nil)
			s.confirmedUser(t, "rec2@example.com", nil)
		}, js: `
			await step('requestPasswordRecovery', () => id.requestPasswordRecovery('rec@example.com'));
			await step('requestPasswordRecovery unknown', () => id.requestPasswordRecovery('nobody@example.com'));
			const first = (await inbox('rec@example.com')).token;
			await step('handleAuthCallback recovery', () => callback('#recovery_token=' + first));
			await step('logout', () => id.logout());
			await step('requestPasswordRecovery second user', () => id.requestPasswordRecovery('rec2@example.com'));
			const second = (await inbox('rec2@example.com')).token;
			await step('recoverPassword bad token', () => id.recoverPassword('nope', 'x'));
			await step('recoverPassword', () => id.recoverPassword(second, 'recovered'));
			await step('login with it', () => id.login('rec2@example.com', 'recovered'));`},
		{name: "invite", setup: func(t *testing.T, s *site) {
			s.operator(t, "POST", "/invite", `{"email":"inv@example.com","data":{"full_name":"Inv"}}`)
		}, js: `
			const token = (await inbox('inv@example.com')).token;
			await step('handleAuthCallback invite', () => callback('#invite_token=' + token));
			await step('acceptInvite without password', () => id.acceptInvite(token, ''));
			await step('acceptInvite', () => id.acceptInvite(token, 'secret'));
			await step('acceptInvite again', () => id.acceptInvite(token, 'secret'));
			await step('getUser', () => id.getUser());`},
		{name: "oauth", setup: withUser("oauth@example.com"), observes: map[string]string{
			"oauthLogin":                      `"navigations":["/.netlify/identity/authorize?provider=github"]`,
			"handleAuthCallback access_token": `"event":"login"`,
		}, js: `
			await step('oauthLogin', () => id.oauthLogin('github'));
			const t = await grant('oauth@example.com', 'secret');
			await step('handleAuthCallback access_token', () => callback('#access_token=' + t.access_token + '&refresh_token=' + t.refresh_token + '&expires_in=3600&token_type=bearer'));
			await step('getUser', () => id.getUser());
			await step('handleAuthCallback bad access_token', () => callback('#access_token=not-a-jwt'));`},
		{name: "hydrate from cookies", setup: withUser("cookie@example.com"), observes: map[string]string{
			"hydrateSession": `"event":"login"`,
		}, js: `
			await step('hydrateSession without cookies', () => id.hydrateSession());
			const t = await grant('cookie@example.com', 'secret');
			document.cookie = 'nf_jwt=' + t.access_token + '; path=/';
			document.cookie = 'nf_refresh=' + t.refresh_token + '; path=/';
			await step('hydrateSession', () => id.hydrateSession());
			await step('getUser', () => id.getUser());
			document.cookie = 'nf_jwt=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
			await step('getUser without the jwt cookie', () => id.getUser());
			document.cookie = 'nf_jwt=bad.jwt.cookie; path=/';
			await step('getUser with a bad jwt cookie', () => id.getUser());`},
		{name: "refreshSession expired", setup: expiringUser("exp@example.com"), js: storeExpiring("exp@example.com"),
			beforeReload: func(t *testing.T, s *site) { s.emu.Advance(3570 * time.Second) },
			observes:     map[string]string{"refreshSession": `"event":"token_refresh"`},
			reload: `
			await step('refreshSession', async () => typeof await id.refreshSession());
			await step('refreshSession again', () => id.refreshSession());
			await step('getUser', () => id.getUser());`},
		// The same, refreshed while the network is down, then back (D8).
		{name: "refreshSession offline", setup: expiringUser("off@example.com"), js: storeExpiring("off@example.com"),
			beforeReload: func(t *testing.T, s *site) { s.emu.Advance(3570 * time.Second) },
			reload: `
			window.__fail = () => true;
			await step('refreshSession offline', () => id.refreshSession());
			await step('getUser offline', () => id.getUser());
			await step('isAuthenticated offline', () => id.isAuthenticated());
			window.__fail = null;
			await step('refreshSession back online', async () => typeof await id.refreshSession());
			await step('getUser back online', () => id.getUser());`},
		{name: "network failure", setup: withUser("net@example.com"), js: `
			window.__fail = () => true;
			await step('getSettings', () => id.getSettings());
			await step('login', () => id.login('net@example.com', 'secret'));
			await step('signup', () => id.signup('x@example.com', 'secret'));
			await step('requestPasswordRecovery', () => id.requestPasswordRecovery('net@example.com'));
			window.__fail = null;
			await step('login', () => id.login('net@example.com', 'secret'));
			window.__fail = () => true;
			await step('updateUser', () => id.updateUser({ data: { a: 1 } }));
			await step('logout', () => id.logout());
			window.__fail = null;`},
	}
}

func init() {
	for _, step := range []string{"refreshSession offline", "getUser offline", "isAuthenticated offline", "refreshSession back online", "getUser back online"} {
		allowed["@netlify/identity refreshSession offline/"+step] = d8Keeps + ": signed in offline, refreshed once back online, where gotrue-js logs out"
	}
	allowed["@netlify/identity oauth/handleAuthCallback bad access_token"] = "D5: a failed refresh removes the stored session only if storage still holds the refresh token that failed (here the previous login's stays)"
}

// TestNetlifyIdentity runs each scenario on @netlify/identity over
// gotrue-js and over gotrue-wasm and compares every step.
func TestNetlifyIdentity(t *testing.T) {
	requireTools(t)
	for _, sc := range identityScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			ref := runIdentity(t, sc, "/identity/ref.html")
			for step, want := range sc.observes {
				observed(t, ref, step, want)
			}
			compare(t, "@netlify/identity "+sc.name, ref, runIdentity(t, sc, "/identity/ours.html"))
		})
	}
	t.Run("onAuthChange in a second tab", func(t *testing.T) {
		ref := runSecondTab(t, "/identity/ref.html")
		observed(t, ref, "second tab after id.login('tabs@example.com', 'secret')", `"event":"login"`)
		observed(t, ref, "second tab after id.logout()", `"event":"logout"`)
		compare(t, "@netlify/identity second tab", ref, runSecondTab(t, "/identity/ours.html"))
	})
	writeTable(t)
}

// observed checks that the reference run saw what a scenario is about (a
// navigation, an event, a cookie), so that two empty records cannot pass
// as equal.
func observed(t *testing.T, steps []map[string]any, step, want string) {
	t.Helper()
	for _, s := range steps {
		if s["name"] == step {
			b, _ := json.Marshal(s)
			assert.Contains(t, string(b), want, "step %q on gotrue-js", step)
			return
		}
	}
	t.Errorf("no step %q", step)
}

func runIdentity(t *testing.T, sc scenario, page string) []map[string]any {
	t.Helper()
	return runActs(t, sc, page, "id", identityHarness)
}

// runSecondTab logs in and out in one tab and records what a second tab of
// the same site hears through onAuthChange (the storage event).
func runSecondTab(t *testing.T, page string) []map[string]any {
	t.Helper()
	s := newSite(t)
	s.confirmedUser(t, "tabs@example.com", map[string]any{"full_name": "Tabs"})
	first := s.open(t, page)
	second := first.openIn(page)
	var steps []map[string]any
	for _, action := range []string{`id.login('tabs@example.com', 'secret')`, `id.updateUser({ data: { full_name: 'Tabs 2' } })`, `id.logout()`} {
		steps = append(steps, decodeSteps(t, first.evalRaw(`(async (id) => {`+identityHarness+`await step(`+jsQuote(action)+`, () => `+action+`); return record; })(window.lib)`))...)
		heard := decodeSteps(t, second.evalRaw(`(async (id) => {`+identityHarness+`
			const t0 = Date.now();
			while (window.__events.length === 0 && Date.now() - t0 < 2000) await new Promise((r) => setTimeout(r, 20));
			await step('second tab after '+`+jsQuote(action)+`, () => id.getUser());
			return record; })(window.lib)`))
		steps = append(steps, heard...)
	}
	require.NotEmpty(t, steps)
	return steps
}
