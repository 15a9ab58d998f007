//go:build !js

package e2e

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileJS calls every exported constructor, method and getter with random
// and hostile arguments and this values, from a fixed seed, and reports
// what it saw.
const hostileJS = `
const User = GoTrue.User, Admin = GoTrue.Admin;
let s = SEED >>> 0;
const rand = () => { s = (s + 0x6D2B79F5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (a) => a[Math.floor(rand() * a.length)];
const trap = () => { throw new Error('trap'); };
const proxy = () => new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, set: trap, defineProperty: trap, getPrototypeOf: trap });
const getters = () => { const o = {}; for (const k of ['APIUrl', 'audience', 'setCookie', 'clientName', 'id', 'apiURL', 'defaultHeaders', 'access_token', 'refresh_token', 'method', 'headers', 'body', 'email', 'password', 'toJSON'])
  Object.defineProperty(o, k, { get() { throw new Error('getter ' + k); }, enumerable: true }); return o; };
const huge = 'x'.repeat(1 << 20);
const auth = new GoTrue();
const real = await auth.login('hostile@example.com', 'secret', true);
const value = () => pick([undefined, null, 0, -1, NaN, Infinity, 1e308, '', 'a@b.c', huge, true, false, Symbol('s'), () => 1, [], [1, 2], {},
  { APIUrl: 'http://127.0.0.1:9/x' }, { APIUrl: '/.netlify/identity', setCookie: true, audience: 'a' }, proxy(), getters(), new Date(0), 10n, Object.create(null),
  { toString() { throw new Error('toString'); } }, { access_token: 'x.y.z', refresh_token: 'r' }, { id: 'not-a-uuid' }, auth, real, real.token]);
const self = (good) => pick([good, good, good, undefined, null, {}, value(), auth, real, new Admin(real), Object.create(User.prototype)]);
const args = () => Array.from({ length: Math.floor(rand() * 5) }, value);
const gotrueMethods = ['settings', 'signup', 'login', 'loginExternalUrl', 'confirm', 'requestPasswordRecovery', 'recover', 'acceptInvite',
  'acceptInviteExternalUrl', 'createUser', 'currentUser', 'validateCurrentSession', 'verify', '_request', '_setRememberHeaders'];
const userMethods = ['update', 'jwt', 'logout', '_refreshToken', '_request', 'getUserData', '_saveUserData', '_processTokenResponse',
  '_refreshSavedSession', '_saveSession', 'tokenDetails', 'clearSession'];
const adminMethods = ['listUsers', 'getUser', 'updateUser', 'createUser', 'deleteUser'];
const targets = [
  ...gotrueMethods.map((m) => ['GoTrue.' + m, () => GoTrue.prototype[m].apply(self(auth), args())]),
  // A string given to _saveUserData becomes one property per character of
  // the User, in gotrue-js as here; a megabyte of them would make every
  // later call on it serialise a million properties, which measures that
  // page's patience rather than the library. So strings reach it whole.
  ...userMethods.map((m) => ['User.' + m, () => User.prototype[m].apply(self(real), m === '_saveUserData' ? args().map((a) => typeof a === 'string' ? { a } : a) : args())]),
  ...adminMethods.map((m) => ['Admin.' + m, () => Admin.prototype[m].apply(self(new Admin(pick([real, real, value()]))), args())]),
  ['new GoTrue', () => new GoTrue(...args())],
  ['new User', () => new User(...args())],
  ['new Admin', () => new Admin(...args())],
  ['User.recoverSession', () => User.recoverSession(...args())],
  ['User.removeSavedSession', () => User.removeSavedSession(...args())],
  ['get admin', () => Reflect.get(User.prototype, 'admin', self(real))],
  ['get _details', () => Reflect.get(User.prototype, '_details', self(real))],
];
const stats = { calls: 0, returned: 0, threw: 0, resolved: 0, rejected: 0, badErrors: [], internal: 0, exited: 0, unsettled: 0, unhandled: 0, unhandledReasons: [] };
window.addEventListener('unhandledrejection', (e) => {
  stats.unhandled++;
  if (stats.unhandledReasons.length < 10) stats.unhandledReasons.push(String(e.reason && e.reason.stack || e.reason));
});
const check = (e, name) => {
  if (!(e instanceof Error) || typeof e.message !== 'string' || (e.message === '' && !(e instanceof GoTrue.HTTPError))) {
    if (stats.badErrors.length < 10) stats.badErrors.push(name + ': ' + String(e && e.name) + ': ' + String(e && e.message));
    return;
  }
  if (/internal error/.test(e.message)) { stats.internal++; if (stats.badErrors.length < 10) stats.badErrors.push(name + ': ' + e.message); }
  if (/exited|failed to start|not ready/.test(e.message)) stats.exited++;
};
const timeout = (p, ms) => Promise.race([p.then(() => 'resolved', () => 'rejected'), new Promise((r) => setTimeout(() => r('unsettled'), ms))]);
for (let batch = 0; stats.calls < CALLS; batch++) {
  const pending = [];
  for (let i = 0; i < 100; i++) {
    const [name, call] = pick(targets);
    stats.calls++;
    let r;
    try { r = call(); stats.returned++; } catch (e) { stats.threw++; check(e, name); continue; }
    let thenable = false;
    try { thenable = r instanceof Promise; } catch { /* a trap of the Proxy a method returned (its this) */ }
    if (thenable) {
      r.catch((e) => check(e, name));
      pending.push(timeout(r, 15000).then((k) => { stats[k]++; }));
    }
  }
  await Promise.all(pending);
}
const after = new GoTrue();
stats.normal = {};
stats.normal.signup = !!(await after.signup('after-' + SEED + '@example.com', 'pw'));
stats.normal.login = (await after.login('hostile@example.com', 'secret', true)).email;
stats.normal.logout = (await after.currentUser().logout()) === undefined && after.currentUser() === null;
stats.bridge = GoTrue.ready instanceof Promise;
stats.secrets = [real.token && real.token.access_token, real.token && real.token.refresh_token].filter(Boolean);
return stats;`

// TestHostileInput: 10,000 calls with hostile arguments never stop the Go
// runtime, every Promise settles, every failure is a real Error, and a
// normal session works afterwards. The same calls on gotrue-js 1.0.1 throw,
// resolve and reject as many times, and leave as many rejections unhandled
// (gotrue-js's own: logout's .then(this.clearSession.bind(this)) throws on
// an object without clearSession after _request has started, say). The
// seed is in the failure message.
func TestHostileInput(t *testing.T) {
	requireTools(t)
	seed := int64(20261127)
	if v := os.Getenv("GOTRUE_HOSTILE_SEED"); v != "" {
		seed, _ = strconv.ParseInt(v, 10, 64)
	}
	s := newSite(t)
	s.confirmedUser(t, "hostile@example.com", nil)
	js := hostileJS
	js = strings.ReplaceAll(js, "SEED", strconv.FormatInt(seed, 10))
	calls := "10000"
	if v := os.Getenv("GOTRUE_HOSTILE_CALLS"); v != "" { // for a short run while debugging
		calls = v
	}
	js = strings.ReplaceAll(js, "CALLS", calls)
	ref := s.open(t, "/ref.html").run(js)
	tb := s.open(t, "/sync.html")
	r := tb.run(js)
	msg := fmt.Sprintf("seed %d (rerun with GOTRUE_HOSTILE_SEED=%d)", seed, seed)
	for _, k := range []string{"threw", "resolved", "rejected", "unhandled"} {
		assert.Equal(t, ref[k], r[k], "%s, as on gotrue-js, %s", k, msg)
	}
	t.Logf("hostile input, %s: %v", msg, r)
	n, _ := strconv.ParseFloat(calls, 64)
	require.GreaterOrEqual(t, r["calls"].(float64), n, msg)
	assert.Equal(t, 0.0, r["exited"], "runtime exits, %s", msg)
	assert.Equal(t, 0.0, r["internal"], "recovered panics, %s", msg)
	assert.Equal(t, 0.0, r["unsettled"], "Promises that never settled, %s", msg)
	assert.Empty(t, r["badErrors"], "failures that are not Errors with a message, %s", msg)
	assert.Equal(t, map[string]any{"signup": true, "login": "hostile@example.com", "logout": true}, r["normal"], msg)
	for _, secret := range r["secrets"].([]any) {
		assert.NotContains(t, tb.messages(), secret.(string), "no token in the console (D6)")
	}
	report("hostile input", fmt.Sprintf("calls %v (threw %v, resolved %v, rejected %v, unhandled %v, each as on gotrue-js), runtime exits %v, recovered panics %v, unsettled %v",
		r["calls"], r["threw"], r["resolved"], r["rejected"], r["unhandled"], r["exited"], r["internal"], r["unsettled"]))
}

// TestGuardedPropertyAccess hits each place where Go reads or writes an
// object page code can reach (the API object's defaultHeaders, a User's
// token, a GoTrue's api) with a throwing accessor or a throwing Proxy. A
// JavaScript exception thrown through an unguarded access unwinds Go's
// stack; through the guarded path it becomes a plain error. Each call must
// return, throw or settle with a real Error that is not an internal one,
// and the library must work normally afterwards.
func TestGuardedPropertyAccess(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "guard@example.com", nil)
	tb := s.open(t, "/sync.html")
	r := tb.run(`
		const outcome = async (f) => {
			try { const v = await f(); return 'ok:' + (v === undefined ? 'undefined' : typeof v); }
			catch (e) { return (e instanceof Error ? e.name : 'non-Error ' + typeof e) + ': ' + (e && e.message); }
		};
		const stats = GoTrue[Symbol.for('gotrue-wasm.stats')];
		const warm = new GoTrue(); await warm.settings(); await new Promise((r) => setTimeout(r, 50));
		const before = stats();
		const cases = {};
		cases.defaultHeadersGetter = await outcome(() => {
			const a = new GoTrue({ setCookie: true });
			Object.defineProperty(a.api, 'defaultHeaders', { get() { throw new Error('defaultHeaders getter'); }, configurable: true });
			return a.login('guard@example.com', 'secret', true);
		});
		cases.defaultHeadersSetter = await outcome(() => {
			const a = new GoTrue({ setCookie: true });
			a.api.defaultHeaders = new Proxy({}, { set() { throw new Error('defaultHeaders setter'); }, defineProperty() { throw new Error('defineProperty'); } });
			return a.login('guard@example.com', 'secret', false);
		});
		cases.defaultHeadersFrozen = await outcome(() => {
			const a = new GoTrue({ setCookie: true });
			Object.freeze(a.api.defaultHeaders);
			return a.login('guard@example.com', 'secret', true);
		});
		cases.tokenSetter = await outcome(() => {
			const u = new GoTrue.User(new GoTrue().api, { access_token: 'a.b.c' }, '');
			Object.defineProperty(u, 'token', { get() { return null; }, set() { throw new Error('token setter'); } });
			return u._processTokenResponse({ access_token: 'd.e.f' });
		});
		cases.apiSetter = await outcome(() => {
			class Strict extends GoTrue { set api(v) { throw new Error('api setter'); } }
			return new Strict();
		});
		await new Promise((r) => setTimeout(r, 50));
		cases.goroutines = [before.goroutines, stats().goroutines];
		const after = new GoTrue();
		const user = await after.login('guard@example.com', 'secret', true);
		cases.afterwards = (await user.jwt()) === user.token.access_token && (await after.settings()) !== null;
		return cases;`)
	t.Logf("%v", r)
	for name, v := range r {
		if name == "afterwards" || name == "goroutines" {
			continue
		}
		got := v.(string)
		assert.NotContains(t, got, "internal error", name)
		assert.NotContains(t, got, "exited", name)
		assert.NotContains(t, got, "non-Error", name)
	}
	assert.Equal(t, true, r["afterwards"], "a normal session after the hostile ones")
	g := r["goroutines"].([]any)
	assert.Equal(t, g[0], g[1], "goroutines: a call unwound by an exception leaves its goroutine behind")
	assert.Contains(t, r["tokenSetter"], "token setter", "the page's own error reaches it")
	assert.Contains(t, r["defaultHeadersGetter"], "defaultHeaders getter", "as gotrue-js's _setRememberHeaders fails")
	assert.Contains(t, r["defaultHeadersSetter"], "defaultHeaders setter", "as gotrue-js's _setRememberHeaders fails")
	assert.Contains(t, r["apiSetter"], "api setter", "the page's own error reaches it")
}
