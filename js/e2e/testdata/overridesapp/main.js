// An app on @netlify/identity, installed from the npm registry; its
// package.json overrides gotrue-js with the gotrue-wasm tarball.
import { login, getUser, logout, AuthError } from '@netlify/identity';

window.lib = true;
window.result = (async () => {
  const wrong = await login('app@example.com', 'nope').catch((e) => e);
  const user = await login('app@example.com', 'secret');
  const again = await getUser();
  await logout();
  return {
    name: user.name,
    again: again && again.email,
    after: await getUser(),
    wrong: wrong instanceof AuthError ? `${wrong.name} ${wrong.cause.status} ${wrong.message}` : String(wrong),
  };
})();
