//go:build !js

package e2e

import (
	"testing"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
)

// endScenarios are the objects-to-the-end family: the JavaScript objects
// are the state through a whole call, not only when it starts. What lands
// in storage is the object as it is when a save happens (a logout or an
// update made meanwhile included), logout clears whatever happened, a
// page's override of a step is the step that runs, a detached method
// throws or rejects as gotrue-js's does, and every path that processes a
// token computes its expiry alike. Each ran on gotrue-js 1.0.1 and on
// gotrue-wasm, and the tables must be equal.
func endScenarios() []scenario {
	two := func(t *testing.T, s *site) {
		s.confirmedUser(t, "a@example.com", nil)
		s.confirmedUser(t, "b@example.com", nil)
	}
	return []scenario{
		{name: "end: logout during a slow call", setup: two, js: `
			const auth = new GoTrue();
			const a = await auth.login('a@example.com', 'secret', true);
			window.__delay = (path, init) => path.endsWith('/user') && !init.method ? 400 : 0;
			const late = a.getUserData().then((u) => u === a, (e) => 'rejected: ' + e.message);
			await step('A logs out while getUserData waits', () => a.logout());
			window.__delay = null;
			await step('B logs in, remembered', () => auth.login('b@example.com', 'secret', true));
			await step('A\'s getUserData lands', () => late);
			await step('stored', () => JSON.parse(localStorage.getItem('gotrue.user')));`,
			reload: `
			await step('after a reload, nobody', () => new GoTrue().currentUser());`},
		{name: "end: update during a slow refresh", setup: withUser("theme@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('theme@example.com', 'secret', true);
			window.__delay = (path, init) => typeof init.body === 'string' && init.body.startsWith('grant_type=refresh_token') ? 400 : 0;
			const refreshing = user.jwt(true);
			await new Promise((r) => setTimeout(r, 100)); // the refresh is on the wire
			await step('update while the refresh waits', () => user.update({ data: { theme: 'dark' } }));
			await step('the refresh lands', async () => (await refreshing) === user.token.access_token);
			window.__delay = null;
			await step('stored', () => JSON.parse(localStorage.getItem('gotrue.user')).user_metadata);`,
			reload: `
			await step('after a reload', () => new GoTrue().currentUser().user_metadata);`},
		{name: "end: two calls racing a refresh", site: []gotruetest.Option{gotruetest.WithJWTExp(30 * time.Second)},
			setup: withUser("race@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('race@example.com', 'secret', true);
			await step('getUserData and update at once', async () => {
				// the update changes nothing, so the two answers may land in either order
				const [a, b] = await Promise.all([user.getUserData(), user.update({ data: { full_name: 'Ada' } })]);
				return a === user && b === user;
			});
			await step('the stored refresh token is the user\'s', () => JSON.parse(localStorage.getItem('gotrue.user')).token.refresh_token === user.token.refresh_token);`,
			reload: `
			await step('after a reload, jwt(true)', async () => typeof (await new GoTrue().currentUser().jwt(true)));
			await step('and getUserData', () => new GoTrue().currentUser().getUserData());`},
		{name: "end: logout with values JSON cannot write", setup: withUser("odd@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('odd@example.com', 'secret', false);
			user.self = user;
			user.big = 10n;
			await step('not remembered: getUserData', () => user.getUserData().then((u) => u === user));
			await step('not remembered: jwt(true)', () => user.jwt(true).then((t) => t === user.token.access_token));
			await step('not remembered: logout', () => user.logout());
			await step('after', () => ({ current: auth.currentUser(), token: user.token }));
			const kept = await auth.login('odd@example.com', 'secret', true);
			kept.big = 10n;
			await step('remembered: getUserData', () => kept.getUserData().then((u) => u === kept));
			await step('remembered: jwt(true)', () => kept.jwt(true).then((t) => t === kept.token.access_token));
			await step('remembered: after', () => ({ current: auth.currentUser(), token: kept.token }));
			const last = await auth.login('odd@example.com', 'secret', true);
			last.self = last;
			await step('remembered: logout', () => last.logout());
			await step('remembered: after logout', () => ({ current: auth.currentUser(), token: last.token }));`},
		{name: "end: overrides", setup: withUser("over@example.com"), js: `
			const calls = [];
			class Sub extends GoTrue {
				_request(path, options = {}) {
					options.headers = { ...(options.headers || {}), 'X-Extra': 'subclass' };
					calls.push('_request ' + path);
					return super._request(path, options);
				}
				createUser(tokenResponse, remember) {
					calls.push('createUser');
					return super.createUser(tokenResponse, remember);
				}
				verify(type, token, remember) {
					calls.push('verify ' + type);
					return super.verify(type, token, remember);
				}
			}
			const auth = new Sub();
			await step('settings', () => auth.settings());
			const user = await step('login', () => auth.login('over@example.com', 'secret', true));
			await step('confirm', () => auth.confirm('nope', true));
			const User = GoTrue.User;
			const patched = {};
			for (const name of ['_request', '_saveSession', '_refreshSavedSession', '_processTokenResponse', '_refreshToken', 'clearSession', 'jwt', 'tokenDetails', '_saveUserData']) {
				const original = User.prototype[name];
				patched[name] = original;
				User.prototype[name] = function (...args) {
					calls.push('User.' + name);
					if (name === '_request') args[1] = { ...(args[1] || {}), headers: { ...((args[1] || {}).headers || {}), 'X-Extra': 'prototype' } };
					return original.apply(this, args);
				};
			}
			const removed = User.removeSavedSession;
			User.removeSavedSession = function () { calls.push('User.removeSavedSession'); return removed.call(this); };
			const u = auth.currentUser();
			await step('getUserData', () => u.getUserData());
			await step('update', () => u.update({ data: { x: 1 } }));
			await step('jwt(true)', async () => typeof (await u.jwt(true)));
			await step('admin.listUsers', () => u.admin.listUsers());
			await step('logout', () => u.logout());
			await step('the steps that ran', () => calls.splice(0));
			Object.assign(User.prototype, patched);
			User.removeSavedSession = removed;
			const api = new GoTrue().api;
			const API = Object.getPrototypeOf(api);
			const request = API.request, headers = API.headers;
			API.request = function (path, options) { calls.push('API.request ' + path); return request.call(this, path, options); };
			API.headers = function (h) { calls.push('API.headers'); return headers.call(this, h); };
			await step('API.prototype.request and headers', () => new GoTrue().settings());
			await step('the steps that ran after', () => calls.splice(0));
			API.request = request;
			API.headers = headers;
			// The rest of the steps a flow takes through this.
			const G = GoTrue.prototype;
			const saved = { remember: G._setRememberHeaders, current: G.currentUser, getUserData: User.prototype.getUserData,
				details: Object.getOwnPropertyDescriptor(User.prototype, '_details'), recover: User.recoverSession };
			G._setRememberHeaders = function (r) { calls.push('GoTrue._setRememberHeaders ' + r); return saved.remember.call(this, r); };
			G.currentUser = function () { calls.push('GoTrue.currentUser'); return saved.current.call(this); };
			User.prototype.getUserData = function () { calls.push('User.getUserData'); return saved.getUserData.call(this); };
			Object.defineProperty(User.prototype, '_details', { configurable: true, get() { calls.push('User._details'); return saved.details.get.call(this); } });
			User.recoverSession = function (a) { calls.push('User.recoverSession'); return saved.recover.call(this, a); };
			const again = new GoTrue();
			await step('login again', () => again.login('over@example.com', 'secret', true));
			await step('validateCurrentSession', () => again.validateCurrentSession());
			await step('the other steps that ran', () => calls.splice(0));
			Object.assign(G, { _setRememberHeaders: saved.remember, currentUser: saved.current });
			User.prototype.getUserData = saved.getUserData;
			Object.defineProperty(User.prototype, '_details', saved.details);
			User.recoverSession = saved.recover;`},
		{name: "end: a refresh whose request cannot be made", setup: withUser("nohead@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('nohead@example.com', 'secret', true);
			const api = user.api;
			user.api = Object.assign(Object.create(Object.getPrototypeOf(api)), api, { headers() { throw new Error('no headers'); } });
			await step('jwt(true)', () => user.jwt(true));
			await step('after', () => ({ current: auth.currentUser(), token: user.token }));
			user.api = api;
			await step('jwt again', () => user.jwt(true));
			const again = await auth.login('nohead@example.com', 'secret', true);
			again.api = Object.assign(Object.create(Object.getPrototypeOf(api)), api, { headers() { throw new Error('no headers'); } });
			await step('getUserData', () => again.getUserData());`},
		{name: "end: detached methods", setup: withUser("det@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('det@example.com', 'secret', false);
			const how = (f, args) => {
				let r;
				try { r = f(...args); } catch (e) { return 'threw ' + e.name + ': ' + e.message; }
				return r instanceof Promise ? r.then(() => 'resolved', (e) => 'rejected ' + e.name + ': ' + e.message) : 'returned ' + typeof r;
			};
			const args = ['a@example.com', 'pw', true];
			for (const name of ['settings', 'signup', 'login', 'loginExternalUrl', 'confirm', 'requestPasswordRecovery', 'recover', 'acceptInvite',
				'acceptInviteExternalUrl', 'createUser', 'currentUser', 'validateCurrentSession', 'verify', '_request', '_setRememberHeaders']) {
				await step('GoTrue.' + name, () => how(auth[name], args));
			}
			for (const name of ['update', 'jwt', 'logout', '_refreshToken', '_request', 'getUserData', '_saveUserData', '_processTokenResponse',
				'_refreshSavedSession', '_saveSession', 'tokenDetails', 'clearSession']) {
				await step('User.' + name, () => how(user[name], [{ a: 1 }]));
			}
			for (const name of ['listUsers', 'getUser', 'updateUser', 'createUser', 'deleteUser']) {
				await step('Admin.' + name, () => how(user.admin[name], [{ id: 'x' }]));
			}
			await step('API.request', () => how(auth.api.request, ['/settings']));
			await step('User.recoverSession', () => how(GoTrue.User.recoverSession, []));
			await step('get admin', () => how(() => Reflect.get(GoTrue.User.prototype, 'admin', undefined), []));`},
		{name: "end: token expiry on every path", setup: withUser("exp@example.com"), js: `
			const jwt = (claims) => 'eyJhbGciOiJIUzI1NiJ9.' + btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') + '.c2lnbmF0dXJl';
			const fake = (exp) => ({ access_token: jwt({ exp, sub: 'x' }), token_type: 'bearer', expires_in: 3600, refresh_token: 'fake-refresh-token-0001' });
			const answer = (exp) => ({ status: 200, statusText: 'OK', type: 'application/json', body: JSON.stringify(fake(exp)) });
			const expiry = (u) => u && u.token ? String(u.token.expires_at) : 'no token';
			const exps = { '1e306': 1e306, 'the string 1e306': '1e306', '-1': -1, 'none': undefined, '1.5': 1.5, 'an object': { a: 1 }, '2e9': 2e9 };
			const auth = new GoTrue();
			for (const [name, exp] of Object.entries(exps)) {
				window.__respond = (path) => path.endsWith('/token') || path.endsWith('/verify') ? answer(exp) : null;
				await step('login, exp ' + name, () => auth.login('exp@example.com', 'secret', true).then(expiry, () => expiry(auth.currentUser())));
				await step('verify, exp ' + name, () => auth.verify('signup', 't', true).then(expiry, () => expiry(auth.currentUser())));
				await step('acceptInvite, exp ' + name, () => auth.acceptInvite('t', 'pw', true).then(expiry, () => expiry(auth.currentUser())));
				window.__respond = null;
				await step('createUser, exp ' + name, () => auth.createUser(fake(exp), true).then(expiry, () => expiry(auth.currentUser())));
				await step('jwt() after it, exp ' + name, () => (auth.currentUser() ? auth.currentUser().jwt().then((t) => typeof t, (e) => e.message) : 'no user'));
				const made = auth.currentUser();
				if (made) made.clearSession();
				const real = await auth.login('exp@example.com', 'secret', true);
				window.__respond = (path, init) => typeof init.body === 'string' && init.body.startsWith('grant_type=refresh_token') ? answer(exp) : null;
				await step('refresh, exp ' + name, () => real.jwt(true).then(() => expiry(real), (e) => e.message));
				window.__respond = null;
				real.clearSession();
			}
			localStorage.setItem('gotrue.user', JSON.stringify({ token: fake(1e306), url: '/.netlify/identity', audience: '', id: 'x', email: 'exp@example.com' }));`,
			reload: `
			await step('recovered, exp 1e306', () => String(new GoTrue().currentUser().token.expires_at));`},
	}
}
