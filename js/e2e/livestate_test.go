//go:build !js

package e2e

// liveScenarios are the live-state family: page code changes a property
// gotrue-js reads when a method runs (to another valid value, a stale one,
// a wrong type, or deletes it), then calls each method that reads it. Every
// step is recorded as in the other scenarios (value or rejection, storage,
// requests with their headers, credentials and refresh token) and must be
// equal on both libraries. The table at the top of js/src/glue.js lists
// what each method reads.
func liveScenarios() []scenario {
	login := func(email string) string {
		return `const auth = new GoTrue();
			const user = await auth.login('` + email + `', 'secret', true);
			const past = () => { user.token.expires_at = Date.now() - 1000; };
			`
	}
	return []scenario{
		{name: "live: expires_at", setup: withUser("exp@example.com"), js: login("exp@example.com") + `
			past();
			await step('past, getUserData', () => user.getUserData());
			past();
			await step('past, update', () => user.update({ data: { a: 1 } }));
			past();
			await step('past, jwt', async () => (await user.jwt()) === user.token.access_token);
			past();
			await step('past, admin.listUsers', () => user.admin.listUsers());
			user.token.expires_at = Date.now() + 3600e3;
			await step('future, jwt', async () => (await user.jwt()) === user.token.access_token);
			user.token.expires_at = 'soon';
			await step('a string, jwt', async () => (await user.jwt()) === user.token.access_token);
			user.token.expires_at = null;
			await step('null, getUserData', () => user.getUserData());
			delete user.token.expires_at;
			await step('deleted, getUserData', () => user.getUserData());
			past();
			await step('past, logout', () => user.logout());`},
		{name: "live: refresh_token", setup: withUser("rt@example.com"), js: login("rt@example.com") + `
			const first = user.token.refresh_token;
			await step('jwt(true) rotates', async () => (await user.jwt(true)) === user.token.access_token && user.token.refresh_token !== first);
			const second = user.token.refresh_token;
			user.token.refresh_token = first;
			await step('stale one put back, jwt(true)', () => user.jwt(true));
			await step('after', () => ({ current: auth.currentUser(), token: user.token }));
			const again = await auth.login('rt@example.com', 'secret', true);
			again.token.refresh_token = 12345;
			await step('a number, jwt(true)', () => again.jwt(true));
			const third = await auth.login('rt@example.com', 'secret', true);
			delete third.token.refresh_token;
			await step('deleted, jwt(true)', () => third.jwt(true));
			const fourth = await auth.login('rt@example.com', 'secret', false);
			const kept = fourth.token.refresh_token;
			await step('not remembered, jwt(true)', () => fourth.jwt(true));
			fourth.token.refresh_token = kept;
			fourth.token.expires_at = 0;
			await step('not remembered, stale, getUserData', () => fourth.getUserData());`},
		{name: "live: access_token", setup: withUser("at@example.com"), js: login("at@example.com") + `
			user.token.access_token = 'x.y.z';
			await step('changed, jwt', () => user.jwt());
			await step('changed, getUserData', () => user.getUserData());
			const again = await auth.login('at@example.com', 'secret', true);
			delete again.token.access_token;
			await step('deleted, jwt', () => again.jwt());
			await step('deleted, getUserData', () => again.getUserData());
			const third = await auth.login('at@example.com', 'secret', true);
			third.token.access_token = 42;
			await step('a number, jwt', () => third.jwt());`},
		{name: "live: token", setup: withUser("tok@example.com"), js: login("tok@example.com") + `
			const saved = user.token;
			user.token = null;
			await step('null, jwt', () => user.jwt());
			await step('null, getUserData', () => user.getUserData());
			await step('null, logout', () => user.logout());
			const again = await auth.login('tok@example.com', 'secret', true);
			again.token = 'abc';
			await step('a string, jwt', () => again.jwt());
			await step('a string, getUserData', () => again.getUserData());
			const third = await auth.login('tok@example.com', 'secret', true);
			third.token = { ...saved, expires_at: Date.now() + 3600e3 };
			await step('an older session object, getUserData', () => third.getUserData());
			delete third.token;
			await step('deleted, jwt', () => third.jwt());`},
		{name: "live: api", setup: withUser("api@example.com"), js: `
			const auth = new GoTrue();
			auth.api.defaultHeaders['X-Extra'] = 'page';
			await step('header added, settings', () => auth.settings());
			const user = await step('header added, login', () => auth.login('api@example.com', 'secret', true));
			await step('header added, getUserData', () => auth.currentUser().getUserData());
			auth.api.defaultHeaders = null;
			await step('defaultHeaders null, settings', () => auth.settings());
			delete auth.api.defaultHeaders;
			await step('defaultHeaders deleted, requestPasswordRecovery', () => auth.requestPasswordRecovery('api@example.com'));
			auth.api._sameOrigin = false;
			await step('_sameOrigin false, settings', () => auth.settings());
			auth.api._sameOrigin = 'yes';
			await step('_sameOrigin a string, settings', () => auth.settings());
			auth.api.apiURL = location.origin + '/.netlify/identity';
			await step('apiURL absolute, settings', () => auth.settings());
			await step('apiURL absolute, loginExternalUrl', () => auth.loginExternalUrl('github') === location.origin + '/.netlify/identity/authorize?provider=github');
			auth.api.apiURL = '/nowhere';
			await step('apiURL elsewhere, settings', () => auth.settings());
			await step('user.api is the same object, getUserData', () => auth.currentUser().getUserData());
			auth.api.apiURL = '/.netlify/identity';
			const u = auth.currentUser();
			u.api = null;
			await step('user.api null, getUserData', () => u.getUserData());
			await step('gotrue.api null, settings', () => { const g = new GoTrue(); g.api = null; return g.settings(); });`},
		{name: "live: audience", setup: withUser("aud@example.com"), js: `
			const auth = new GoTrue();
			auth.audience = 'shop';
			await step('set on the instance, settings', () => auth.settings());
			await step('set on the instance, signup', () => auth.signup('shop@example.com', 'secret'));
			await step('set on the instance, login', () => auth.login('aud@example.com', 'secret', true));
			delete auth.audience;
			const user = await step('deleted, login', () => auth.login('aud@example.com', 'secret', true));
			const u = auth.currentUser();
			u.audience = 'shop';
			await step('user.audience changed, getUserData', () => u.getUserData());
			u.audience = 7;
			await step('user.audience a number, getUserData', () => u.getUserData());
			u.audience = '';
			await step('user.audience empty, getUserData', () => u.getUserData());`},
		{name: "live: setCookie", setup: withUser("sc@example.com"), js: `
			const auth = new GoTrue();
			auth.setCookie = true;
			await step('turned on, login', () => auth.login('sc@example.com', 'secret', true));
			await step('headers', () => auth.api.defaultHeaders);
			await step('turned on, currentUser', () => auth.currentUser() && auth.api.defaultHeaders);
			auth.setCookie = false;
			await step('turned off, login not remembered', () => auth.login('sc@example.com', 'secret'));
			await step('headers after', () => auth.api.defaultHeaders);
			auth.setCookie = 'yes';
			await step('a string, login', () => auth.login('sc@example.com', 'secret', false));
			await step('headers last', () => auth.api.defaultHeaders);`},
		{name: "live: fields", setup: withUser("fields@example.com"), js: login("fields@example.com") + `
			user.custom = { kept: true };
			user.email = 'edited@example.com';
			delete user.user_metadata;
			user.url = '/changed';
			await step('edited, getUserData', () => user.getUserData());
			delete user._fromStorage;
			user.id = 'not-an-id';
			await step('id edited, update', () => user.update({ data: { b: 2 } }));`},
		{name: "live: copies", setup: withUser("copy@example.com"), js: login("copy@example.com") + `
			const copy = Object.assign(Object.create(GoTrue.User.prototype), user);
			copy.token = { ...user.token, expires_at: 0 };
			await step('Object.assign into a User, getUserData', () => copy.getUserData());
			await step('the original keeps its token', () => user.token !== copy.token && user.token.refresh_token !== copy.token.refresh_token);
			await step('copy, jwt', async () => (await copy.jwt()) === copy.token.access_token);
			const spread = { ...user };
			await step('spread, has no methods', () => typeof spread.jwt);
			await step('spread, jwt called on it', () => GoTrue.User.prototype.jwt.call(spread));
			await step('spread, tokenDetails called on it', () => GoTrue.User.prototype.tokenDetails.call(spread));`},
	}
}
