//go:build !js

package e2e

import (
	"testing"
)

// faultsJS runs every network method against every fault, on whichever
// library the page loaded, resetting the session between cells. A cell is
// one step: the rejection (or value), then the session as the contract
// says it must be.
const faultsJS = `
const faults = {
  'refused': 'refused',
  '500 HTML': { status: 500, statusText: 'Internal Server Error', type: 'text/html', body: '<html><body>Internal Server Error</body></html>' },
  '500 JSON': { status: 500, statusText: 'Internal Server Error', type: 'application/json', body: '{"code":500,"msg":"Internal server error","error_id":"e"}' },
  '200 malformed JSON': { status: 200, statusText: 'OK', type: 'application/json', body: '{"access_token":"eyJhbGciOiJIUzI1NiJ9' },
  '200 wrong shape': { status: 200, statusText: 'OK', type: 'application/json', body: '{"unexpected":true}' },
  '401 expired token': { status: 401, statusText: 'Unauthorized', type: 'application/json', body: '{"code":401,"msg":"Invalid token: token is expired by 1h0m0s"}' },
  '429': { status: 429, statusText: 'Too Many Requests', type: 'application/json', body: '{"code":429,"msg":"Rate limit exceeded"}' },
};
const auth = new GoTrue();
const methods = {
  settings: () => auth.settings(),
  signup: () => auth.signup('x@example.com', 'pw'),
  login: () => auth.login('fault@example.com', 'secret', true),
  confirm: () => auth.confirm('token', true),
  recover: () => auth.recover('token', true),
  verify: () => auth.verify('signup', 'token', true),
  acceptInvite: () => auth.acceptInvite('token', 'pw', true),
  requestPasswordRecovery: () => auth.requestPasswordRecovery('fault@example.com'),
  createUser: (u) => auth.createUser({ access_token: u.token.access_token, refresh_token: u.token.refresh_token }, true),
  validateCurrentSession: () => auth.validateCurrentSession(),
  update: (u) => u.update({ data: { n: 1 } }),
  getUserData: (u) => u.getUserData(),
  'jwt(true)': (u) => u.jwt(true),
  logout: (u) => u.logout(),
  'admin.listUsers': (u) => u.admin.listUsers(),
};
let faultsInjected = 0;
for (const [mname, call] of Object.entries(methods)) {
  for (const [fname, fault] of Object.entries(faults)) {
    window.__fault = null; window.__fail = null;
    const old = auth.currentUser(); if (old) old.clearSession();
    const user = await auth.login('fault@example.com', 'secret', true);
    window.__requests.splice(0);
    if (fault === 'refused') window.__fail = () => true; else window.__fault = fault;
    faultsInjected++;
    await step(mname + ' / ' + fname, async () => {
      let outcome;
      try { outcome = { value: show(await call(user)) }; } catch (e) { outcome = { error: showErr(e) }; }
      window.__fault = null; window.__fail = null;
      const cur = auth.currentUser();
      return { outcome, session: { current: !!cur, token: !!(cur && cur.token), stored: !!localStorage.getItem('gotrue.user'), userToken: !!user.token } };
    });
  }
}
window.__fault = null; window.__fail = null;
record.push({ name: 'faults injected', value: { json: faultsInjected } });
`

// TestNetworkFaults runs the fault matrix on gotrue-js 1.0.1 and on
// gotrue-wasm: each cell must give the same error class, message and
// session state, except where a D-number allows.
func TestNetworkFaults(t *testing.T) {
	requireTools(t)
	sc := scenario{name: "network faults", setup: withUser("fault@example.com"), js: faultsJS}
	ref := runScenario(t, sc, "/ref.html")
	ours := runScenario(t, sc, "/ours.html")
	compare(t, sc.name, ref, ours)
	last := ours[len(ours)-1]
	report("network faults", "faults injected "+summary(last)+", runtime exits 0 (every cell settled and the page kept working)")
	writeTable(t)
}
