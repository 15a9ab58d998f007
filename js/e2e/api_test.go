//go:build !js

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConstructorShape(t *testing.T) {
	s := newSite(t)
	tb := s.open(t, "/sync.html")
	r := tb.run(`return {
		plain: JSON.stringify(new GoTrue()),
		aud: JSON.stringify(new GoTrue({ audience: 'shop', setCookie: true, clientName: 'widget' })),
		abs: JSON.stringify(new GoTrue({ APIUrl: location.origin + '/.netlify/identity' })),
		keys: Object.keys(new GoTrue({ audience: 'x' })),
		isClass: new GoTrue() instanceof GoTrue && new GoTrue().constructor === GoTrue,
		apiClass: new GoTrue().api.constructor !== Object,
	};`)
	assert.Equal(t, `{"setCookie":false,"api":{"apiURL":"/.netlify/identity","_sameOrigin":true,"defaultHeaders":{"X-Nf-Client":"gotrue-js"}}}`, r["plain"])
	assert.Equal(t, `{"audience":"shop","setCookie":true,"api":{"apiURL":"/.netlify/identity","_sameOrigin":true,"defaultHeaders":{"X-Nf-Client":"widget"}}}`, r["aud"])
	assert.Contains(t, r["abs"], `"_sameOrigin":false,"defaultHeaders":{"X-Nf-Client":"gotrue-js"}`, "absolute, same origin: header kept (D3)")
	assert.Equal(t, []any{"audience", "setCookie", "api"}, r["keys"])
	assert.Equal(t, true, r["isClass"])
	assert.Equal(t, true, r["apiClass"])
}

func TestLoginUserObject(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "ada@example.com", map[string]any{"full_name": "Ada"})
	tb := s.open(t, "/sync.html")
	r := tb.run(`
		const auth = new GoTrue();
		const user = await auth.login('ada@example.com', 'secret', true);
		const stored = JSON.parse(localStorage.getItem('gotrue.user'));
		return {
			keys: Object.keys(user), tokenKeys: Object.keys(user.token), storedKeys: Object.keys(stored),
			sameApi: user.api === auth.api, url: user.url, audience: user.audience,
			expiresAt: user.token.expires_at, exp: JSON.parse(atob(user.token.access_token.split('.')[1])).exp,
			protoKeys: Object.getOwnPropertyNames(GoTrue.User.prototype).sort(),
			stringified: JSON.stringify(user).startsWith('{"token":{"access_token":"'),
			details: Object.keys(user._details), tokenDetails: user.tokenDetails() === user.token,
			admin: user.admin instanceof GoTrue.Admin && user.admin !== user.admin,
		};`)
	assert.Equal(t, []any{"token", "api", "url", "audience", "id", "aud", "role", "email", "confirmed_at", "app_metadata", "user_metadata", "created_at", "updated_at"}, r["keys"])
	assert.Equal(t, []any{"access_token", "token_type", "expires_in", "refresh_token", "expires_at"}, r["tokenKeys"])
	assert.Equal(t, []any{"token", "url", "audience", "id", "aud", "role", "email", "confirmed_at", "app_metadata", "user_metadata", "created_at", "updated_at"}, r["storedKeys"])
	assert.Equal(t, true, r["sameApi"])
	assert.Equal(t, "/.netlify/identity", r["url"])
	assert.Equal(t, "", r["audience"])
	assert.Equal(t, r["exp"].(float64)*1000, r["expiresAt"])
	assert.Equal(t, []any{"_details", "_processTokenResponse", "_refreshSavedSession", "_refreshToken", "_request", "_saveSession", "_saveUserData",
		"admin", "clearSession", "constructor", "getUserData", "jwt", "logout", "tokenDetails", "update"}, r["protoKeys"], "gotrue-js's prototype members")
	assert.Equal(t, true, r["stringified"])
	assert.Equal(t, r["storedKeys"], r["details"])
	assert.Equal(t, true, r["tokenDetails"])
	assert.Equal(t, true, r["admin"], "a new Admin on every access")
}

func TestErrors(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "err@example.com", nil)
	tb := s.open(t, "/sync.html")
	r := tb.run(`
		const auth = new GoTrue();
		return {
			login: await settle(auth.login('err@example.com', 'wrong')),
			signup: await settle(auth.signup('err@example.com', 'x')),
			text: await settle(new GoTrue({ APIUrl: '/nope' }).settings()),
			string: String(await auth.login('err@example.com', 'wrong').catch((e) => e)),
			detached: (() => { try { auth.login.call(undefined, 'err@example.com', 'wrong'); } catch (e) { return e.name + ': ' + e.message; } })(),
			offline: await settle(new GoTrue({ APIUrl: 'http://127.0.0.1:9/x' }).settings()),
		};`)
	login := r["login"].(map[string]any)["error"].(map[string]any)
	assert.Equal(t, "JSONHTTPError", login["name"])
	assert.Equal(t, "invalid_grant: No user found with that email, or password invalid.", login["message"])
	assert.Equal(t, float64(400), login["status"])
	assert.Equal(t, map[string]any{"error": "invalid_grant", "error_description": "No user found with that email, or password invalid."}, login["json"])
	for _, k := range []string{"isError", "isHTTPError", "isJSONHTTPError", "hasStack"} {
		assert.Equal(t, true, login[k], k)
	}
	assert.Equal(t, `{"name":"JSONHTTPError","status":400,"json":{"error":"invalid_grant","error_description":"No user found with that email, or password invalid."}}`, login["stringified"])
	assert.Equal(t, "JSONHTTPError: invalid_grant: No user found with that email, or password invalid.", r["string"])

	signup := r["signup"].(map[string]any)["error"].(map[string]any)
	assert.Equal(t, "A user with this email address has already been registered", signup["message"])

	text := r["text"].(map[string]any)["error"].(map[string]any)
	assert.Equal(t, "TextHTTPError", text["name"])
	assert.Equal(t, "Not Found", text["message"])
	assert.Equal(t, "404 page not found\n", text["data"])
	assert.Equal(t, true, text["isTextHTTPError"])

	assert.Equal(t, "TypeError: Cannot read properties of undefined (reading '_setRememberHeaders')", r["detached"],
		"a method called without its object throws at once, as gotrue-js's does")

	offline := r["offline"].(map[string]any)["error"].(map[string]any)
	assert.Equal(t, "TypeError", offline["name"], "fetch's own error passes through")
	assert.Equal(t, "Failed to fetch", offline["message"])
}

func TestSignupConfirmAndSession(t *testing.T) {
	s := newSite(t)
	tb := s.open(t, "/module.html")
	r := tb.run(`
		const auth = new GoTrue();
		const signup = await auth.signup('new@example.com', 'secret', { full_name: 'New' });
		const mail = await inbox('new@example.com');
		const user = await auth.confirm(mail.token, true);
		const beforeUpdate = auth.currentUser();
		const updated = await user.update({ data: { full_name: 'Renamed' } });
		const jwt1 = await user.jwt();
		const jwt2 = await user.jwt();
		const forced = await user.jwt(true);
		return {
			signupIsUser: signup instanceof GoTrue.User, signupKeys: Object.keys(signup), meta: user.user_metadata,
			same: beforeUpdate === user && updated === user, cached: jwt1 === jwt2, forced: forced !== jwt1 && forced === user.token.access_token,
			stored: JSON.parse(localStorage.getItem('gotrue.user')).user_metadata,
		};`)
	assert.Equal(t, false, r["signupIsUser"], "signup resolves the raw user JSON")
	assert.Equal(t, []any{"id", "aud", "role", "email", "confirmation_sent_at", "app_metadata", "user_metadata", "created_at", "updated_at"}, r["signupKeys"])
	assert.Equal(t, map[string]any{"full_name": "Renamed"}, r["meta"])
	assert.Equal(t, true, r["same"], "currentUser() and update() give the same object")
	assert.Equal(t, true, r["cached"])
	assert.Equal(t, true, r["forced"])
	assert.Equal(t, map[string]any{"full_name": "Renamed"}, r["stored"])

	tb.reload()
	r = tb.run(`
		const user = new GoTrue().currentUser();
		const fresh = await user.getUserData();
		const out = { email: user.email, fromStorage: user._fromStorage, same: fresh === user };
		out.logout = await user.logout();
		out.after = new GoTrue().currentUser();
		out.stored = localStorage.getItem('gotrue.user');
		out.jwt = await settle(user.jwt());
		return out;`)
	assert.Equal(t, "new@example.com", r["email"], "a reload keeps the session")
	assert.Equal(t, true, r["fromStorage"])
	assert.Equal(t, true, r["same"])
	assert.NotContains(t, r, "logout", "logout resolves undefined")
	assert.Nil(t, r["after"])
	assert.Nil(t, r["stored"])
	assert.Equal(t, "Gotrue-js: failed getting jwt access token", r["jwt"].(map[string]any)["error"].(map[string]any)["message"])
}

func TestRecoverInviteVerifyCreateUser(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "rec@example.com", nil)
	tb := s.open(t, "/sync.html")
	r := tb.run(`
		const auth = new GoTrue();
		const out = {};
		out.request = await auth.requestPasswordRecovery('rec@example.com');
		const user = await auth.recover((await inbox('rec@example.com')).token);
		await user.update({ password: 'new-secret' });
		out.relogin = (await auth.login('rec@example.com', 'new-secret')).email;
		out.stored = localStorage.getItem('gotrue.user');
		const login = await auth.login('rec@example.com', 'new-secret');
		const params = { access_token: login.token.access_token, expires_in: '3600', refresh_token: login.token.refresh_token, token_type: 'bearer', state: 'x' };
		const created = auth.createUser(params, true);
		out.currentBeforeAwait = auth.currentUser().token === params;
		const hashUser = await created;
		out.byReference = hashUser.token === params && typeof params.expires_at === 'number';
		out.tokenKeys = Object.keys(hashUser.token);
		out.verifyBad = await settle(auth.verify('signup', 'nope'));
		out.confirmBad = await settle(auth.confirm('nope'));
		return out;`)
	assert.Equal(t, map[string]any{}, r["request"])
	assert.Equal(t, "rec@example.com", r["relogin"])
	assert.Nil(t, r["stored"], "not remembered")
	assert.Equal(t, true, r["currentBeforeAwait"], "createUser makes the user current at once")
	assert.Equal(t, true, r["byReference"])
	assert.Equal(t, []any{"access_token", "expires_in", "refresh_token", "token_type", "state", "expires_at"}, r["tokenKeys"])
	assert.Equal(t, "User not found", r["verifyBad"].(map[string]any)["error"].(map[string]any)["message"])
	assert.Equal(t, float64(404), r["confirmBad"].(map[string]any)["error"].(map[string]any)["status"])

	op := s.emu.Config().OperatorToken
	r = tb.run(`
		await fetch('/.netlify/identity/invite', { method: 'POST', headers: { Authorization: 'Bearer ` + op + `' }, body: JSON.stringify({ email: 'inv@example.com' }) });
		const auth = new GoTrue();
		const user = await auth.acceptInvite((await inbox('inv@example.com')).token, 'pw', false);
		return { email: user.email, url: auth.acceptInviteExternalUrl('github', 'tok'), ext: auth.loginExternalUrl('github') };`)
	assert.Equal(t, "inv@example.com", r["email"])
	assert.Equal(t, "/.netlify/identity/authorize?provider=github&invite_token=tok", r["url"])
	assert.Equal(t, "/.netlify/identity/authorize?provider=github", r["ext"])
}

func TestValidateCurrentSessionAndAdmin(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "boss@example.com", nil)
	tb := s.open(t, "/sync.html")
	id := tb.run(`const u = await new GoTrue().login('boss@example.com', 'secret', true); return { id: u.id };`)["id"].(string)
	op := s.emu.Config().OperatorToken
	r := tb.run(`
		await fetch('/.netlify/identity/admin/users/` + id + `', { method: 'PUT', headers: { Authorization: 'Bearer ` + op + `' }, body: '{"role":"admin"}' });
		const auth = new GoTrue();
		const user = await auth.validateCurrentSession();
		const admin = user.admin;
		const attrs = { user_metadata: { full_name: 'Made' } };
		const made = await admin.createUser('made@example.com', 'pw', attrs);
		const list = await admin.listUsers();
		const got = await admin.getUser(made);
		const updated = await admin.updateUser(made, { app_metadata: { roles: ['editor'] } });
		const deleted = await admin.deleteUser(made);
		return { valid: user === auth.currentUser(), attrs, madeEmail: made.email, listKeys: Object.keys(list), count: list.users.length,
			got: got.id === made.id, roles: updated.app_metadata.roles, deleted, gone: await settle(admin.getUser(made)),
			badUser: (() => { try { admin.getUser(); } catch (e) { return e.message; } })() };`)
	assert.Equal(t, true, r["valid"])
	assert.Equal(t, map[string]any{"user_metadata": map[string]any{"full_name": "Made"}, "email": "made@example.com", "password": "pw"}, r["attrs"], "createUser mutates attrs, as gotrue-js")
	assert.Equal(t, "made@example.com", r["madeEmail"])
	assert.Equal(t, []any{"aud", "users"}, r["listKeys"])
	assert.Equal(t, float64(2), r["count"])
	assert.Equal(t, true, r["got"])
	assert.Equal(t, []any{"editor"}, r["roles"])
	assert.Equal(t, map[string]any{}, r["deleted"])
	assert.Equal(t, "User not found", r["gone"].(map[string]any)["error"].(map[string]any)["message"])
	assert.Equal(t, "Cannot read properties of undefined (reading 'id')", r["badUser"], "thrown at once, as gotrue-js's")

	s.emu.Advance(2 * 3600e9) // the server now sees an expired token the page thinks fresh
	r = tb.run(`const user = await new GoTrue().validateCurrentSession(); return { user, stored: localStorage.getItem('gotrue.user') };`)
	assert.Nil(t, r["user"], "a rejected session is cleared")
	assert.Nil(t, r["stored"])
}

func TestExpiredTokenRefreshes(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "old@example.com", nil)
	s.emu.Advance(-2 * 3600e9) // tokens are issued already expired, as the page's clock sees them
	tb := s.open(t, "/sync.html")
	r := tb.run(`
		const user = await new GoTrue().login('old@example.com', 'secret', true);
		const before = user.token;
		const jwts = await Promise.all([user.jwt(), user.jwt(), user.jwt()]);
		return { refreshed: user.token !== before && jwts.every((j) => j === user.token.access_token),
			stored: JSON.parse(localStorage.getItem('gotrue.user')).token.refresh_token === user.token.refresh_token };`)
	assert.Equal(t, true, r["refreshed"])
	assert.Equal(t, true, r["stored"], "the stored session follows the refresh")
	// login, the refresh inside its GET /user, then one refresh shared by the three calls
	assert.Equal(t, 3, s.emu.RefreshTokenCount())
}

func TestDetachedMethods(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "bind@example.com", nil)
	tb := s.open(t, "/sync.html")
	r := tb.run(`
		const auth = new GoTrue();
		const login = auth.login.bind(auth);
		const settings = auth.settings.bind(auth);
		const user = await login('bind@example.com', 'secret', true);
		const jwt = user.jwt.bind(user);
		const detached = auth.currentUser;
		return { settings: typeof (await settings()).external, jwt: typeof (await jwt()), wrongThis: (() => { try { detached(); } catch (e) { return e.message; } })(),
			wrongThisAsync: await settle(GoTrue.User.prototype.getUserData.call({})) };`)
	assert.Equal(t, "object", r["settings"])
	assert.Equal(t, "string", r["jwt"])
	// What gotrue-js does, method by method: the conformance suite's
	// "end: detached methods" compares every one.
	assert.Equal(t, "Cannot read properties of undefined (reading 'api')", r["wrongThis"])
	require.Contains(t, r, "wrongThisAsync")
	assert.Equal(t, "TypeError", r["wrongThisAsync"].(map[string]any)["error"].(map[string]any)["name"], "an async method rejects")
}
