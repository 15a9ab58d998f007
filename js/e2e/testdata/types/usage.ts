// The examples of gotrue-js's README, written against gotrue-wasm's types.
import GoTrue, { User, JSONHTTPError, TextHTTPError, HTTPError } from 'gotrue-wasm';
import type { Token, Settings, UserData, GoTrueInit } from 'gotrue-wasm';

const init: GoTrueInit = { APIUrl: 'https://example.netlify.app/.netlify/identity', audience: '', setCookie: false };
const auth = new GoTrue(init);

async function examples(): Promise<void> {
  await GoTrue.ready;
  const settings: Settings = await auth.settings();
  const email: boolean = settings.external.email;

  const created = await auth.signup('ada@example.com', 'pw', { full_name: 'Ada' });
  const id: string = created.id;

  const confirmed: User = await auth.confirm('token', true);
  const user: User = await auth.login('ada@example.com', 'pw', true);
  const url: string = auth.loginExternalUrl('github');
  await auth.requestPasswordRecovery('ada@example.com');
  const recovered = await auth.recover('token', true);
  await recovered.update({ password: 'new' });
  await auth.acceptInvite('token', 'pw', true);
  const invite: string = auth.acceptInviteExternalUrl('github', 'token');
  const fromHash: User = await auth.createUser({ access_token: 'a', refresh_token: 'r', expires_in: 3600, expires_at: 0, token_type: 'bearer' }, true);

  const current: User | null = auth.currentUser();
  if (current) {
    const jwt: string = await current.jwt();
    const forced: string = await current.jwt(true);
    const token: Token | null = current.tokenDetails();
    const updated: User = await current.update({ email: 'new@example.com', data: { full_name: 'Ada King' } });
    const name = current.user_metadata.full_name;
    const roles: string[] | undefined = current.app_metadata.roles;
    const list = await current.admin.listUsers('');
    const one: UserData = await current.admin.getUser(list[0]);
    await current.admin.updateUser(one, { role: 'editor' });
    await current.admin.createUser('bob@example.com', 'pw', { confirm: true });
    await current.admin.deleteUser(one);
    await current.logout();
    void [jwt, forced, token, updated, name, roles];
  }
  const validated: User | null = await auth.validateCurrentSession();

  try {
    await auth.login('ada@example.com', 'wrong');
  } catch (e) {
    if (e instanceof JSONHTTPError) {
      const status: number = e.status;
      const description: string | undefined = e.json.error_description;
      void [status, description];
    } else if (e instanceof TextHTTPError) {
      const body: string = e.data;
      void body;
    } else if (e instanceof HTTPError) {
      void e.status;
    }
  }

  const Global = window.GoTrue;
  const viaDefault = new Global.default();
  const viaNamespace = new Global.User(auth.api, { access_token: 'a', refresh_token: 'r', expires_in: 1, expires_at: 1, token_type: 'bearer' }, '');
  void [email, id, confirmed, user, url, invite, fromHash, validated, viaDefault, viaNamespace];
}

void examples;
