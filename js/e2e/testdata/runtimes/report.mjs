// report runs the same calls on whichever entry the runtime loaded and
// prints one line of JSON for the Go test to check.
export async function report(GoTrue, required) {
  const stats = GoTrue[Symbol.for('gotrue-wasm.stats')];
  const api = process.env.GOTRUE_API;
  const out = { startedAtImport: stats().started, sameDefault: required ? required === GoTrue : true };
  const auth = new GoTrue({ APIUrl: api });
  out.current = auth.currentUser();
  out.url = auth.loginExternalUrl('github');
  const user = await auth.login('runtime@example.com', 'secret');
  out.email = user.email;
  out.jwt = typeof (await user.jwt(true));
  out.wrong = await auth.login('runtime@example.com', 'nope').then(() => 'no error', (e) => `${e.name} ${e.status}`);
  out.started = !!stats().goroutines;
  console.log(JSON.stringify(out));
  process.exit(0);
}
