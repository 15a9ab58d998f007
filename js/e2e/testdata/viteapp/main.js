// A small app that used gotrue-js: only the import changed.
import GoTrue, { JSONHTTPError } from 'gotrue-wasm';

const auth = new GoTrue();
window.lib = GoTrue;
window.result = (async () => {
  const user = await auth.login('vite@example.com', 'secret', true);
  const failed = await auth.login('vite@example.com', 'wrong').catch((e) => e);
  return { name: user.user_metadata.full_name, same: auth.currentUser() === user, isError: failed instanceof JSONHTTPError };
})();
