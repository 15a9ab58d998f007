// The gotrue-wasm playground: one section per gotrue-js method, the
// emulator's inbox, and the mail-link flows that netlify-identity-widget
// runs on #confirmation_token=…, #recovery_token=…, #invite_token=…,
// #email_change_token=… and #access_token=….
const $ = (sel, root = document) => root.querySelector(sel);
const ENDPOINT_KEY = 'playground.endpoint';
const DEFAULT_ENDPOINT = '/.netlify/identity';

let GoTrue = null;
let auth = null;

const endpoint = () => localStorage.getItem(ENDPOINT_KEY) || DEFAULT_ENDPOINT;
const current = () => (auth ? auth.currentUser() : null);
const pretty = (v) => (v === undefined ? 'undefined' : JSON.stringify(v, null, 2));

// describeError shows what page code sees of a rejection.
const describeError = (e) => {
  if (!(e instanceof Error)) return { thrown: e };
  const out = { name: e.name, message: e.message };
  if (e.status !== undefined) out.status = e.status;
  if (e.json !== undefined) out.json = e.json;
  if (e.data !== undefined) out.data = e.data;
  return out;
};

const needUser = () => {
  const u = current();
  if (!u) throw new Error('Log in first: this method is on a User (auth.currentUser()).');
  return u;
};

const methods = [
  { group: 'GoTrue', name: 'settings', doc: 'The server settings, verbatim: providers, autoconfirm, disable_signup.',
    example: 'auth.settings()', response: '{ "external": { "github": true, "email": true, … }, "autoconfirm": false, … }',
    fields: [], run: () => auth.settings() },
  { group: 'GoTrue', name: 'signup', doc: 'Registers a user. Resolves the server\'s user JSON; a confirmation mail goes to the inbox unless autoconfirm is on.',
    example: "auth.signup(email, password, { full_name: 'Ada Lovelace' })", response: '{ "id": "…", "email": "…", "confirmation_sent_at": "…", … }',
    fields: [['email', 'email', 'ada@example.com'], ['password', 'password', 'correct horse'], ['full_name', 'text', 'Ada Lovelace']],
    run: (v) => auth.signup(v.email, v.password, { full_name: v.full_name }) },
  { group: 'GoTrue', name: 'confirm', doc: 'Confirms a signup with the token of a #confirmation_token= link, and logs in. Following the link in the inbox does this for you.',
    example: 'auth.confirm(token, true)', response: 'User { token, api, url, audience, id, email, confirmed_at, … }',
    fields: [['token', 'text', ''], ['remember', 'checkbox', true]], run: (v) => auth.confirm(v.token, v.remember) },
  { group: 'GoTrue', name: 'login', doc: 'Logs in with a password. With remember, the session is saved in localStorage and survives a reload.',
    example: "auth.login(email, password, true)", response: 'User { token: { access_token, expires_at, … }, email, user_metadata, … }',
    fields: [['email', 'email', 'ada@example.com'], ['password', 'password', 'correct horse'], ['remember', 'checkbox', true]],
    run: (v) => auth.login(v.email, v.password, v.remember) },
  { group: 'GoTrue', name: 'requestPasswordRecovery', doc: 'Mails a #recovery_token= link. Answers {} for unknown addresses too.',
    example: 'auth.requestPasswordRecovery(email)', response: '{}', fields: [['email', 'email', 'ada@example.com']],
    run: (v) => auth.requestPasswordRecovery(v.email) },
  { group: 'GoTrue', name: 'recover', doc: 'Logs in with a recovery token; set a new password next with user.update({ password }).',
    example: 'auth.recover(token, true)', response: 'User { … }', fields: [['token', 'text', ''], ['remember', 'checkbox', true]],
    run: (v) => auth.recover(v.token, v.remember) },
  { group: 'GoTrue', name: 'acceptInvite', doc: 'Sets the password of an invited user (token from #invite_token=) and logs in.',
    example: 'auth.acceptInvite(token, password, true)', response: 'User { … }',
    fields: [['token', 'text', ''], ['password', 'password', ''], ['remember', 'checkbox', true]],
    run: (v) => auth.acceptInvite(v.token, v.password, v.remember) },
  { group: 'GoTrue', name: 'verify', doc: 'The call behind confirm and recover: type "signup" or "recovery".',
    example: "auth.verify('signup', token, true)", response: 'User { … }',
    fields: [['type', 'text', 'signup'], ['token', 'text', ''], ['remember', 'checkbox', true]],
    run: (v) => auth.verify(v.type, v.token, v.remember) },
  { group: 'GoTrue', name: 'loginExternalUrl', doc: 'The URL that starts an OAuth login. The emulator shows a stand-in consent page, then comes back here with #access_token=….',
    example: "location.href = auth.loginExternalUrl('github')", response: '"/.netlify/identity/authorize?provider=github"',
    fields: [['provider', 'text', 'github'], ['go', 'checkbox', true, 'open it']],
    run: async (v) => { const url = auth.loginExternalUrl(v.provider); if (v.go) setTimeout(() => { location.href = url; }, 600); return url; } },
  { group: 'GoTrue', name: 'currentUser', doc: 'The logged-in user, synchronously, from memory or localStorage. No request.',
    example: 'auth.currentUser()', response: 'User { … } or null', fields: [], run: async () => auth.currentUser() },
  { group: 'GoTrue', name: 'validateCurrentSession', doc: 'Checks the current session with the server; clears it and resolves null if the server refuses it.',
    example: 'auth.validateCurrentSession()', response: 'User { … } or null', fields: [], run: () => auth.validateCurrentSession() },
  { group: 'User', name: 'update', doc: 'Changes the current user: data merges into user_metadata (null deletes a key); email starts a two-step change; password takes effect at once.',
    example: "user.update({ data: { full_name: 'Ada King' } })", response: 'the same User, updated',
    fields: [['full_name', 'text', 'Ada King'], ['email', 'email', ''], ['password', 'password', '']],
    run: (v) => { const attrs = {}; if (v.full_name) attrs.data = { full_name: v.full_name }; if (v.email) attrs.email = v.email; if (v.password) attrs.password = v.password; return needUser().update(attrs); } },
  { group: 'User', name: 'jwt', doc: 'The access token, refreshed when it expires within a minute (or always, with force). Concurrent calls share one refresh.',
    example: 'user.jwt(force)', response: '"eyJhbGciOiJIUzI1NiIs…"', fields: [['force', 'checkbox', false]],
    run: (v) => needUser().jwt(v.force) },
  { group: 'User', name: 'getUserData', doc: 'Fetches the user again and merges it in.', example: 'user.getUserData()', response: 'the same User',
    fields: [], run: () => needUser().getUserData() },
  { group: 'User', name: 'tokenDetails', doc: 'The token object: access_token, refresh_token, expires_at (ms).', example: 'user.tokenDetails()',
    response: '{ "access_token": "…", "token_type": "bearer", "expires_in": 3600, "refresh_token": "…", "expires_at": 1795756596000 }',
    fields: [], run: async () => needUser().tokenDetails() },
  { group: 'User', name: 'logout', doc: 'Ends the session on the server and always clears it here.', example: 'user.logout()', response: 'undefined',
    fields: [], run: () => needUser().logout() },
  { group: 'Admin', name: 'admin.listUsers', doc: 'Admin calls need an admin: a user whose role is "admin" (grant it below with the operator token, or from an admin).',
    example: 'user.admin.listUsers()', response: '{ "aud": "", "users": [ … ] }', fields: [], run: () => needUser().admin.listUsers() },
  { group: 'Admin', name: 'admin.createUser', doc: 'Creates a user; confirm skips the mail.', example: "user.admin.createUser(email, password, { confirm: true })",
    response: '{ "id": "…", "email": "…", … }', fields: [['email', 'email', 'bob@example.com'], ['password', 'password', 'hunter2'], ['confirm', 'checkbox', true]],
    run: (v) => needUser().admin.createUser(v.email, v.password, { confirm: v.confirm }) },
  { group: 'Admin', name: 'admin.updateUser', doc: 'Changes any user by id: role, app_metadata, user_metadata, email, password.',
    example: "user.admin.updateUser({ id }, { app_metadata: { roles: ['editor'] } })", response: '{ "id": "…", "app_metadata": { … }, … }',
    fields: [['id', 'text', ''], ['attributes', 'textarea', '{"app_metadata": {"roles": ["editor"]}}']],
    run: (v) => needUser().admin.updateUser({ id: v.id }, JSON.parse(v.attributes)) },
  { group: 'Admin', name: 'admin.deleteUser', doc: 'Deletes a user by id.', example: 'user.admin.deleteUser({ id })', response: '{}',
    fields: [['id', 'text', '']], run: (v) => needUser().admin.deleteUser({ id: v.id }) },
  { group: 'Admin', name: 'make me admin', doc: 'Playground helper, not gotrue-js: gives the current user role "admin" with the emulator\'s operator token, then refreshes the session.',
    example: "fetch('/.netlify/identity/admin/users/' + id, { method: 'PUT', headers: { Authorization: 'Bearer <operator token>' }, body: '{\"role\":\"admin\"}' })",
    response: 'User { role: "admin", … }', fields: [['operator_token', 'text', 'gotruetest-operator-token']],
    run: async (v) => { const u = needUser(); const r = await fetch(`${endpoint()}/admin/users/${u.id}`, { method: 'PUT', headers: { Authorization: `Bearer ${v.operator_token}` }, body: '{"role":"admin"}' }); if (!r.ok) throw new Error(`operator call failed: ${r.status} ${await r.text()}`); return u.getUserData(); } },
];

const slug = (name) => name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

function buildField([name, type, value, label]) {
  const l = document.createElement('label');
  const input = document.createElement(type === 'textarea' ? 'textarea' : 'input');
  input.name = name;
  if (type === 'checkbox') {
    l.className = 'check';
    input.type = 'checkbox';
    input.checked = !!value;
    l.append(input, document.createTextNode(label || name));
  } else {
    if (type !== 'textarea') input.type = type;
    input.value = value;
    if (type === 'textarea') input.rows = 2;
    l.append(document.createTextNode(name), input);
  }
  return l;
}

function formValues(form) {
  const v = {};
  for (const el of form.elements) {
    if (el.name) v[el.name] = el.type === 'checkbox' ? el.checked : el.value;
  }
  return v;
}

function showResult(section, ok, value) {
  const box = $('.result', section);
  box.hidden = false;
  box.dataset.ok = ok;
  $('.result-head', box).textContent = ok ? 'Resolved' : 'Rejected';
  $('.result-body', box).textContent = ok ? pretty(value) : pretty(describeError(value));
}

async function runMethod(m, section, values) {
  const button = $('button[type=submit]', section);
  button.disabled = true;
  try {
    showResult(section, true, await m.run(values));
  } catch (e) {
    showResult(section, false, e);
  } finally {
    button.disabled = false;
    refreshStatus();
    refreshInbox();
  }
}

function buildSections() {
  const tpl = $('#section-tpl');
  const toc = $('#toc');
  let group = '';
  for (const m of methods) {
    if (m.group !== group) {
      group = m.group;
      const h = document.createElement('h3');
      h.textContent = group;
      toc.append(h);
    }
    const section = tpl.content.firstElementChild.cloneNode(true);
    section.id = slug(m.name);
    $('.name', section).textContent = m.name;
    $('.doc', section).textContent = m.doc;
    $('.example', section).textContent = m.example;
    $('.response', section).textContent = m.response;
    for (const f of m.fields) $('.fields', section).append(buildField(f));
    $('form', section).addEventListener('submit', (ev) => {
      ev.preventDefault();
      runMethod(m, section, formValues(ev.target));
    });
    $('#sections').append(section);
    const a = document.createElement('a');
    a.href = `#${section.id}`;
    a.textContent = m.name;
    a.addEventListener('click', (ev) => { ev.preventDefault(); section.scrollIntoView({ behavior: 'smooth' }); });
    toc.append(a);
  }
}

function refreshStatus() {
  const el = $('#status');
  let u = null;
  try { u = current(); } catch (e) { u = null; }
  if (!u || !u.token) {
    el.dataset.state = 'out';
    $('#status-text').textContent = 'Not logged in';
    return;
  }
  const remembered = !!localStorage.getItem('gotrue.user');
  const exp = u.token.expires_at ? new Date(u.token.expires_at) : null;
  el.dataset.state = 'in';
  $('#status-text').textContent = `Logged in as ${u.email || '(loading…)'} · ${remembered ? 'remembered' : 'this page only'}`
    + (exp ? ` · token expires ${exp.toLocaleTimeString()}` : '');
}

let inboxAvailable = true;
async function refreshInbox() {
  if (!inboxAvailable) return;
  let mails;
  try {
    const res = await fetch('/_inbox', { cache: 'no-store' });
    if (!res.ok) throw new Error(res.statusText);
    mails = await res.json();
  } catch {
    inboxAvailable = false;
    $('#inbox-note').textContent = 'No inbox here: this server proxies a real GoTrue, which sends real mail.';
    return;
  }
  const list = $('#mails');
  list.replaceChildren(...mails.map((m) => {
    const li = document.createElement('li');
    li.className = 'mail';
    li.dataset.kind = m.kind;
    const link = document.createElement('a');
    link.className = 'follow';
    link.href = m.link;
    link.textContent = `Follow link (${m.kind.replace('_', ' ')})`;
    li.innerHTML = '<div class="subject"></div><div class="meta"></div>';
    $('.subject', li).textContent = m.subject;
    $('.meta', li).textContent = `to ${m.to} · ${new Date(m.sent_at).toLocaleTimeString()}`;
    li.append(link);
    return li;
  }));
  if (!mails.length) list.innerHTML = '<li class="note">No mail yet. Sign up to get one.</li>';
}

// The flows netlify-identity-widget runs on a mail or OAuth link.
function flowBox(title) {
  const box = $('#flow');
  box.hidden = false;
  box.innerHTML = '<h2></h2><div class="body"></div><pre class="out" hidden></pre>';
  $('h2', box).textContent = title;
  return box;
}

function flowResult(box, ok, value) {
  const out = $('.out', box);
  out.hidden = false;
  out.textContent = `${ok ? 'Resolved' : 'Rejected'}: ${pretty(ok ? value : describeError(value))}`;
  box.dataset.ok = ok;
  refreshStatus();
  refreshInbox();
}

function passwordForm(box, label, onSubmit) {
  const form = document.createElement('form');
  form.innerHTML = '<div class="fields"><label>new password<input name="password" type="password" required></label></div><button type="submit"></button>';
  $('button', form).textContent = label;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try { flowResult(box, true, await onSubmit(form.elements.password.value)); } catch (e) { flowResult(box, false, e); }
  });
  $('.body', box).append(form);
}

async function runHashRoute() {
  const hash = location.hash.replace(/^#/, '');
  if (!hash || !hash.includes('=')) return;
  const params = Object.fromEntries(hash.split('&').map((kv) => kv.split('=')));
  history.replaceState(null, '', location.pathname + location.search);
  if (params.confirmation_token) {
    const box = flowBox('Confirming your signup…');
    try { flowResult(box, true, await auth.confirm(params.confirmation_token, true)); } catch (e) { flowResult(box, false, e); }
  } else if (params.recovery_token) {
    const box = flowBox('Recovering your account');
    try {
      const user = await auth.recover(params.recovery_token, true);
      $('.body', box).textContent = `Logged in as ${user.email}. Choose a new password:`;
      passwordForm(box, 'Set password', (pw) => user.update({ password: pw }));
    } catch (e) { flowResult(box, false, e); }
  } else if (params.invite_token) {
    const box = flowBox('You have been invited');
    $('.body', box).textContent = 'Choose a password to accept the invite:';
    passwordForm(box, 'Accept invite', (pw) => auth.acceptInvite(params.invite_token, pw, true));
  } else if (params.email_change_token) {
    const box = flowBox('Confirming your new email');
    const user = current();
    if (!user) {
      $('.body', box).textContent = 'Log in first, then follow the link again.';
      return;
    }
    try { flowResult(box, true, await user.update({ email_change_token: params.email_change_token })); } catch (e) { flowResult(box, false, e); }
  } else if (params.access_token) {
    const box = flowBox('Completing the external login…');
    try { flowResult(box, true, await auth.createUser(params, true)); } catch (e) { flowResult(box, false, e); }
  } else if (params.error) {
    const box = flowBox('The external login failed');
    $('.body', box).textContent = `${params.error}: ${decodeURIComponent((params.error_description || '').replace(/\+/g, ' '))}`;
  }
}

function setupEndpoint() {
  const input = $('#endpoint');
  input.value = endpoint();
  const apply = (value) => {
    if (value && value !== DEFAULT_ENDPOINT) localStorage.setItem(ENDPOINT_KEY, value);
    else localStorage.removeItem(ENDPOINT_KEY);
    location.reload();
  };
  $('#endpoint-save').addEventListener('click', () => apply(input.value.trim()));
  $('#endpoint-reset').addEventListener('click', () => apply(''));
  if (endpoint() !== DEFAULT_ENDPOINT) $('#endpoint-note').textContent = 'Remembered in this browser.';
}

function fatal(err) {
  $('#loading').innerHTML = '';
  const box = document.createElement('div');
  box.className = 'fatal';
  box.textContent = `gotrue-wasm could not start: ${err && err.message ? err.message : err}. Run make demo, which builds js/dist.`;
  $('#loading').append(box);
  $('#status').dataset.state = 'error';
  $('#status-text').textContent = 'Failed to load';
}

async function start() {
  setupEndpoint();
  refreshInbox();
  setInterval(refreshInbox, 2000);
  try {
    GoTrue = (await import('/dist/gotrue.mjs')).default;
    auth = new GoTrue({ APIUrl: endpoint() });
    window.auth = auth; // for the console
    GoTrue.prefetch(); // every button here needs gotrue.wasm: fetch it once the page has loaded
  } catch (e) {
    fatal(e);
    return;
  }
  $('#loading').remove();
  buildSections();
  refreshStatus();
  setInterval(refreshStatus, 5000);
  window.addEventListener('storage', refreshStatus);
  window.addEventListener('hashchange', runHashRoute); // a mail link to this very page
  await runHashRoute();
  document.body.dataset.ready = 'true';
}

start();
