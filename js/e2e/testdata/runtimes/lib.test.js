// A Jest test in the jsdom environment, as an app's own tests require
// gotrue-js (LIB is gotrue-js or gotrue-wasm). jsdom has no fetch: the test
// lends it Node's, as apps do with a polyfill.
const GoTrue = require(process.env.LIB).default;

globalThis.fetch = require('node:vm').runInThisContext('fetch');

test('login in jsdom', async () => {
  const auth = new GoTrue({ APIUrl: process.env.GOTRUE_API });
  expect(auth.currentUser()).toBeNull();
  const user = await auth.login('runtime@example.com', 'secret', true);
  expect(user.email).toBe('runtime@example.com');
  expect(JSON.parse(localStorage.getItem('gotrue.user')).email).toBe('runtime@example.com');
  expect(new GoTrue({ APIUrl: process.env.GOTRUE_API }).currentUser().email).toBe('runtime@example.com');
  await expect(auth.login('runtime@example.com', 'nope')).rejects.toMatchObject({ status: 400 });
  await user.logout();
  expect(localStorage.getItem('gotrue.user')).toBeNull();
});
