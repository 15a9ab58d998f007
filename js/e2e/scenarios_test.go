//go:build !js

package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// operator sends an admin request with the operator token.
func (s *site) operator(t *testing.T, method, path, body string) {
	t.Helper()
	req, _ := http.NewRequest(method, s.srv.URL+"/.netlify/identity"+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+s.emu.Config().OperatorToken)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, 200, res.StatusCode)
}

func withUser(email string) func(*testing.T, *site) {
	return func(t *testing.T, s *site) { s.confirmedUser(t, email, map[string]any{"full_name": "Ada"}) }
}

func scenarios() []scenario {
	return []scenario{
		{name: "settings", js: `
			const auth = new GoTrue();
			await step('new GoTrue', () => JSON.parse(JSON.stringify(auth)));
			await step('settings', () => auth.settings());`},
		{name: "signup", setup: withUser("taken@example.com"), js: `
			const auth = new GoTrue();
			await step('signup', () => auth.signup('new@example.com', 'pw', { full_name: 'New' }));
			await step('signup without data', () => auth.signup('nodata@example.com', 'pw'));
			await step('signup taken', () => auth.signup('taken@example.com', 'pw'));
			await step('signup no password', () => auth.signup('x@example.com', ''));
			await step('signup bad email', () => auth.signup('nope', 'pw'));
			await step('signup boolean data', () => auth.signup('bool@example.com', 'pw', true));`},
		{name: "login remembered", setup: withUser("ada@example.com"), js: `
			const auth = new GoTrue();
			const user = (await step('login', () => auth.login('ada@example.com', 'secret', true)));
			await step('currentUser', () => auth.currentUser());
			await step('same object', () => auth.currentUser() === auth.currentUser());
			await step('tokenDetails', () => auth.currentUser().tokenDetails());
			await step('getUserData', () => auth.currentUser().getUserData());`},
		{name: "login not remembered", setup: withUser("ada@example.com"), js: `
			const auth = new GoTrue();
			await step('login remember', () => auth.login('ada@example.com', 'secret', true));
			await step('login again, not remembered', () => auth.login('ada@example.com', 'secret', false));
			await step('getUserData', () => auth.currentUser().getUserData());
			await step('update', () => auth.currentUser().update({ data: { full_name: 'B' } }));`},
		{name: "login errors", setup: func(t *testing.T, s *site) {
			s.confirmedUser(t, "ada@example.com", nil)
			s.operator(t, "POST", "/admin/users", `{"email":"pending@example.com","password":"secret"}`)
		}, js: `
			const auth = new GoTrue();
			await step('wrong password', () => auth.login('ada@example.com', 'nope'));
			await step('unknown user', () => auth.login('nobody@example.com', 'x'));
			await step('unconfirmed', () => auth.login('pending@example.com', 'secret'));
			await step('currentUser', () => auth.currentUser());`},
		{name: "confirm", js: `
			const auth = new GoTrue();
			await step('signup', () => auth.signup('c@example.com', 'secret'));
			const token = (await inbox('c@example.com')).token;
			await step('confirm', () => auth.confirm(token, true));
			await step('confirm again', () => auth.confirm(token, true));
			await step('confirm empty', () => auth.confirm(' '));
			await step('verify bad type', () => auth.verify('invite', 'abc'));`},
		{name: "recover", setup: withUser("rec@example.com"), js: `
			const auth = new GoTrue();
			await step('request unknown', () => auth.requestPasswordRecovery('nobody@example.com'));
			await step('request', () => auth.requestPasswordRecovery('rec@example.com'));
			await step('request again', () => auth.requestPasswordRecovery('rec@example.com'));
			const token = (await inbox('rec@example.com')).token;
			await step('recover', () => auth.recover(token));
			await step('set password', () => auth.currentUser().update({ password: 'new' }));
			await step('login with it', () => auth.login('rec@example.com', 'new'));`},
		{name: "acceptInvite", setup: func(t *testing.T, s *site) {
			s.operator(t, "POST", "/invite", `{"email":"inv@example.com","data":{"full_name":"Inv"}}`)
		}, js: `
			const auth = new GoTrue();
			const token = (await inbox('inv@example.com')).token;
			await step('without password', () => auth.acceptInvite(token, '', true));
			await step('accept', () => auth.acceptInvite(token, 'pw', true));
			await step('external url', () => auth.acceptInviteExternalUrl('github', token) === '/.netlify/identity/authorize?provider=github&invite_token=' + token);
			await step('login external url', () => auth.loginExternalUrl('google'));`},
		{name: "update and email change", setup: withUser("old@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('old@example.com', 'secret', true);
			await step('update data', () => user.update({ data: { full_name: 'New', x: 1 } }));
			await step('delete a key', () => user.update({ data: { x: null } }));
			await step('change email', () => user.update({ email: 'new@example.com' }));
			const token = (await inbox('new@example.com')).token;
			await step('confirm change', () => user.update({ email_change_token: token }));
			await step('app_metadata', () => user.update({ app_metadata: { roles: ['x'] } }));
			await step('no body', () => user.update());`},
		{name: "jwt cached and forced", setup: withUser("jwt@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('jwt@example.com', 'secret', true);
			const first = user.token;
			await step('cached', async () => (await user.jwt()) === first.access_token && user.token === first);
			await step('forced', async () => { const jwt = await user.jwt(true); return user.token !== first && user.token.refresh_token !== first.refresh_token && jwt === user.token.access_token; });
			await step('token after', () => user.tokenDetails());`},
		{name: "expiring token", setup: func(t *testing.T, s *site) {
			s.confirmedUser(t, "exp@example.com", nil)
			s.emu.Advance(-2 * 3600e9)
		}, js: `
			const auth = new GoTrue();
			await step('login', () => auth.login('exp@example.com', 'secret', true));
			const user = auth.currentUser();
			await step('three concurrent jwt', async () => { const a = await Promise.all([user.jwt(), user.jwt(), user.jwt()]); return a.every((j) => j === user.token.access_token); });
			await step('getUserData', () => user.getUserData());
			await step('one shared Promise per refresh', async () => { const a = user.jwt(true), b = user.jwt(true); await a; return a === b; });`},
		{name: "refresh failure", setup: withUser("fail@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('fail@example.com', 'secret', true);
			window.__fail = (path) => path.endsWith('/token');
			await step('jwt(true) offline', () => user.jwt(true));
			await step('after', () => ({ current: auth.currentUser(), token: user.token }));
			await step('jwt again', () => user.jwt());
			window.__fail = null;`},
		{name: "admin", setup: func(t *testing.T, s *site) {
			s.confirmedUser(t, "boss@example.com", nil)
			s.confirmedUser(t, "plain@example.com", nil)
		}, js: `
			const auth = new GoTrue();
			const plain = await auth.login('plain@example.com', 'secret');
			await step('not allowed', () => plain.admin.listUsers());
			const boss = await auth.login('boss@example.com', 'secret');
			await fetch('/.netlify/identity/admin/users/' + boss.id, { method: 'PUT', headers: { Authorization: 'Bearer gotruetest-operator-token' }, body: '{"role":"admin"}' });
			await step('list', () => boss.admin.listUsers());
			const made = (await step('create', () => boss.admin.createUser('made@example.com', 'pw', { user_metadata: { a: 1 } }))).value.json;
			await step('get', () => boss.admin.getUser(made));
			await step('update', () => boss.admin.updateUser(made, { app_metadata: { roles: ['editor'] } }));
			await step('delete', () => boss.admin.deleteUser(made));
			await step('get deleted', () => boss.admin.getUser(made));
			await step('list other aud', () => boss.admin.listUsers('shop'));`},
		{name: "setCookie", setup: withUser("cookie@example.com"), js: `
			const auth = new GoTrue({ setCookie: true });
			await step('login session', () => auth.login('cookie@example.com', 'secret'));
			await step('shape', () => JSON.parse(JSON.stringify(auth)));
			await step('login remembered', () => auth.login('cookie@example.com', 'secret', true));
			await step('jwt(true)', () => auth.currentUser().jwt(true).then(() => auth.api.defaultHeaders));
			await step('cookie set', () => document.cookie.includes('nf_jwt'));`,
			reload: `
			const auth = new GoTrue({ setCookie: true });
			await step('currentUser after reload', () => auth.currentUser());
			await step('headers', () => auth.api.defaultHeaders);`},
		{name: "audience", setup: func(t *testing.T, s *site) {}, js: `
			const auth = new GoTrue({ audience: 'shop' });
			await step('shape', () => JSON.parse(JSON.stringify(auth)));
			await step('signup', () => auth.signup('aud@example.com', 'secret'));
			const token = (await inbox('aud@example.com')).token;
			await step('confirm', () => auth.confirm(token));
			await step('login', () => auth.login('aud@example.com', 'secret'));
			await step('default aud cannot log in', () => new GoTrue().login('aud@example.com', 'secret'));`},
		{name: "createUser from hash params", setup: withUser("hash@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('hash@example.com', 'secret');
			const params = { access_token: user.token.access_token, expires_in: '3600', refresh_token: user.token.refresh_token, token_type: 'bearer', state: 'abc' };
			await step('createUser', () => auth.createUser(params, true));
			await step('by reference', () => ({ same: auth.currentUser().token === params, keys: Object.keys(params) }));
			await step('bad token', () => auth.createUser({ access_token: 'garbage' }));`},
		{name: "logout", setup: withUser("out@example.com"), js: `
			const auth = new GoTrue();
			const user = await auth.login('out@example.com', 'secret', true);
			await step('logout', () => user.logout());
			await step('after', () => ({ current: auth.currentUser(), token: user.tokenDetails(), email: user.email }));
			const again = await auth.login('out@example.com', 'secret', true);
			window.__fail = (path) => path.endsWith('/logout');
			await step('logout offline', () => again.logout());
			await step('after offline', () => auth.currentUser());
			window.__fail = null;`},
		{name: "validateCurrentSession", setup: withUser("val@example.com"), js: `
			const auth = new GoTrue();
			await step('no session', () => auth.validateCurrentSession());
			await auth.login('val@example.com', 'secret', true);
			await step('valid', () => auth.validateCurrentSession());
			window.__fail = () => true;
			await step('offline', () => auth.validateCurrentSession());
			await step('after', () => auth.currentUser());
			window.__fail = null;`},
		{name: "reload persistence", setup: withUser("keep@example.com"), js: `
			await step('login', () => new GoTrue().login('keep@example.com', 'secret', true));`,
			reload: `
			const auth = new GoTrue();
			await step('currentUser', () => auth.currentUser());
			await step('getUserData', () => auth.currentUser().getUserData());
			await step('jwt', async () => typeof (await auth.currentUser().jwt()));`},
		{name: "transport errors", js: `
			await step('text 404', () => new GoTrue({ APIUrl: '/nope' }).settings());
			window.__fail = () => true;
			await step('offline', () => new GoTrue().settings());
			window.__fail = null;
			await step('unknown route', () => new GoTrue()._request('/nope'));`},
	}
}
