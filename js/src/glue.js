// gotrue-wasm glue: the gotrue-js 1.0.1 classes, as thin shells over the Go
// bridge in gotrue.wasm. Every behaviour lives in Go; this file only gives
// the objects their JavaScript shape (classes, prototypes, getters, real
// Error subclasses), turns Go's "throw this" markers into throws, and holds
// calls made before the module is running (the non-blocking entries, D2).
//
// createGoTrue(Go, instantiate) returns the module's exports.
// instantiate(importObject) returns the WebAssembly.Instance of gotrue.wasm,
// or a Promise of it; the Go program then calls the boot function named in
// go.argv[1] with its bridge before go.run returns.
// eslint-disable-next-line no-unused-vars
function createGoTrue(Go, instantiate) {
  'use strict';
  const handles = new WeakMap(); // GoTrue and User instances -> Go handle
  const pendingClients = []; // GoTrue instances made before ready
  const refreshing = new Map(); // refresh token -> the Promise of its refresh
  let B = null; // the Go bridge, once running
  let failure = null; // why gotrue.wasm could not start
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // reported through every call instead
  const registry = typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((id) => { if (B) B.release(id); })
    : null;

  // The error classes of gotrue-js 1.0.1, verbatim: own enumerable name,
  // status, then data or json; message and stack as on any Error.
  class HTTPError extends Error {
    constructor(response) {
      super(response.statusText);
      this.name = 'HTTPError';
      this.status = response.status;
    }
  }
  class TextHTTPError extends HTTPError {
    constructor(response, data) {
      super(response);
      this.name = 'TextHTTPError';
      this.data = data;
    }
  }
  class JSONHTTPError extends HTTPError {
    constructor(response, json) {
      super(response);
      this.name = 'JSONHTTPError';
      this.json = json;
    }
  }

  // Throw marks a value a synchronous Go function wants thrown.
  class Throw {
    constructor(error) { this.error = error; }
  }

  // API is gotrue-js's internal API object; Go makes the instances.
  class API {
    constructor(apiURL, options) {
      this.apiURL = apiURL || '';
      this._sameOrigin = /^\/(?!\/)/.test(this.apiURL);
      this.defaultHeaders = (options && options.defaultHeaders) || {};
    }
  }

  const notReady = (name) => new Error(failure
    ? `gotrue-wasm: ${name}() cannot run: gotrue.wasm failed to start (${failure.message})`
    : `gotrue-wasm: ${name}() was called before gotrue.wasm was ready; await GoTrue.ready first`);

  const unwrap = (r) => {
    if (r instanceof Throw) throw r.error;
    return r;
  };

  // sync runs a synchronous method, which needs the module running.
  const sync = (name, fn) => {
    if (!B) throw notReady(name);
    return unwrap(fn());
  };

  // later runs a Promise-returning method, after ready if need be.
  const later = (name, fn) => {
    try {
      if (B) return unwrap(fn());
      if (failure) return Promise.reject(notReady(name));
      return ready.then(fn);
    } catch (e) {
      return Promise.reject(e);
    }
  };

  // call runs an asynchronous Go function, which receives the Promise's
  // resolve and reject first and settles them from a goroutine.
  const call = (f, ...args) => new Promise((resolve, reject) => { f(resolve, reject, ...args); });

  // listen adds gotrue-js 1.0.1's cross-tab listener, once, where it does:
  // when another tab writes the session, the next currentUser() re-reads it.
  let listening = false;
  const listen = () => {
    if (listening || typeof window === 'undefined') return;
    listening = true;
    window.addEventListener('storage', (event) => {
      if (event.key === 'gotrue.user' && B) B.forgetCurrent();
    });
  };

  // bindClient registers a GoTrue instance's handle; Go releases its client
  // once the page has collected the instance.
  const bindClient = (self, id) => {
    handles.set(self, id);
    if (registry) registry.register(self, id);
  };

  const handleOf = (self, kind, name) => {
    const h = self !== null && (typeof self === 'object' || typeof self === 'function') ? handles.get(self) : undefined;
    if (h === undefined) {
      throw new TypeError(`${name}: this is not a ${kind}; call it on a ${kind} or bind it first`);
    }
    return h;
  };

  class GoTrue {
    // The options are read as gotrue-js reads them, by destructuring (its
    // defaults for APIUrl and clientName are applied in Go). Go adds api.
    constructor({ APIUrl, audience, setCookie = false, clientName } = {}) {
      if (!B && failure) throw notReady('GoTrue');
      if (audience) this.audience = audience;
      this.setCookie = setCookie;
      const args = [this, APIUrl, audience, setCookie, clientName];
      if (B) {
        bindClient(this, sync('GoTrue', () => B.newClient(...args)));
      } else {
        pendingClients.push(args);
      }
    }
    _request(path, options) { return later('_request', () => call(B.request, handleOf(this, 'GoTrue', '_request'), this, path, options)); }
    settings() { return later('settings', () => call(B.settings, handleOf(this, 'GoTrue', 'settings'), this)); }
    signup(email, password, data) { return later('signup', () => call(B.signup, handleOf(this, 'GoTrue', 'signup'), this, email, password, data)); }
    login(email, password, remember) { return later('login', () => call(B.login, handleOf(this, 'GoTrue', 'login'), this, email, password, remember)); }
    loginExternalUrl(provider) { return `${this.api.apiURL}/authorize?provider=${provider}`; }
    confirm(token, remember) { return later('confirm', () => call(B.confirm, handleOf(this, 'GoTrue', 'confirm'), this, token, remember)); }
    requestPasswordRecovery(email) { return later('requestPasswordRecovery', () => call(B.requestPasswordRecovery, handleOf(this, 'GoTrue', 'requestPasswordRecovery'), this, email)); }
    recover(token, remember) { return later('recover', () => call(B.recover, handleOf(this, 'GoTrue', 'recover'), this, token, remember)); }
    acceptInvite(token, password, remember) { return later('acceptInvite', () => call(B.acceptInvite, handleOf(this, 'GoTrue', 'acceptInvite'), this, token, password, remember)); }
    acceptInviteExternalUrl(provider, token) { return `${this.api.apiURL}/authorize?provider=${provider}&invite_token=${token}`; }
    createUser(tokenResponse, remember) { return later('createUser', () => call(B.createUser, handleOf(this, 'GoTrue', 'createUser'), this, tokenResponse, remember)); }
    currentUser() { listen(); return sync('currentUser', () => B.currentUser(handleOf(this, 'GoTrue', 'currentUser'))); }
    validateCurrentSession() { listen(); return later('validateCurrentSession', () => call(B.validateCurrentSession, handleOf(this, 'GoTrue', 'validateCurrentSession'), this)); }
    verify(type, token, remember) { return later('verify', () => call(B.verify, handleOf(this, 'GoTrue', 'verify'), this, type, token, remember)); }
    _setRememberHeaders(remember) { return sync('_setRememberHeaders', () => B.setRememberHeaders(handleOf(this, 'GoTrue', '_setRememberHeaders'), this, remember)); }
  }

  const userCall = (self, name, fn) => later(name, () => fn(handleOf(self, 'User', name)));
  const userSync = (self, name, fn) => sync(name, () => fn(handleOf(self, 'User', name)));

  class User {
    constructor(api, tokenResponse, audience) {
      listen();
      handles.set(this, sync('User', () => B.newUser(this, api, handles.get(api), tokenResponse, audience)));
    }
    static removeSavedSession() { return sync('removeSavedSession', () => B.removeSavedSession()); }
    static recoverSession(apiInstance) { listen(); return sync('recoverSession', () => B.recoverSession(apiInstance, handles.get(apiInstance))); }
    get admin() { return new Admin(this); }
    update(attributes) { return userCall(this, 'update', (h) => call(B.update, h, this, attributes)); }
    // jwt resolves a fresh token at once and shares one refresh Promise per
    // refresh token among its callers, as gotrue-js's refreshPromises does.
    jwt(forceRefresh) {
      return userCall(this, 'jwt', (h) => {
        const [fresh, value] = unwrap(B.jwt(h, this, forceRefresh));
        if (fresh) return Promise.resolve(value);
        let p = value ? refreshing.get(value) : undefined;
        if (!p) {
          p = call(B.jwtRefresh, h, this, forceRefresh);
          if (value) {
            refreshing.set(value, p);
            const done = () => { if (refreshing.get(value) === p) refreshing.delete(value); };
            p.then(done, done);
          }
        }
        return p;
      });
    }
    logout() { return userCall(this, 'logout', (h) => call(B.logout, h, this)); }
    _refreshToken(refreshToken) { return userCall(this, '_refreshToken', (h) => call(B.refreshToken, h, this, refreshToken)); }
    _request(path, options) { return userCall(this, '_request', (h) => call(B.userRequest, h, this, path, options)); }
    getUserData() { return userCall(this, 'getUserData', (h) => call(B.getUserData, h, this)); }
    _saveUserData(attributes, fromStorage) { return userSync(this, '_saveUserData', (h) => B.saveUserData(h, this, attributes, fromStorage)); }
    _processTokenResponse(tokenResponse) { return userSync(this, '_processTokenResponse', (h) => B.processTokenResponse(h, this, tokenResponse)); }
    _refreshSavedSession() { return userSync(this, '_refreshSavedSession', (h) => B.refreshSavedSession(h, this)); }
    get _details() { return userSync(this, '_details', (h) => B.details(h, this)); }
    _saveSession() { return userSync(this, '_saveSession', (h) => B.saveSession(h, this)); }
    tokenDetails() { return this.token; }
    clearSession() { return userSync(this, 'clearSession', (h) => B.clearSession(h, this)); }
  }

  const adminCall = (self, name, fn) => later(name, () => {
    const user = self && self.user;
    return fn(handleOf(user, 'User', `admin.${name}`), user);
  });

  class Admin {
    constructor(user) { this.user = user; }
    listUsers(aud) { return adminCall(this, 'listUsers', (h, u) => call(B.listUsers, h, u, aud)); }
    getUser(user) { return adminCall(this, 'getUser', (h, u) => call(B.getUser, h, u, user)); }
    updateUser(user, attributes = {}) { return adminCall(this, 'updateUser', (h, u) => call(B.updateUser, h, u, user, attributes)); }
    createUser(email, password, attributes = {}) { return adminCall(this, 'createUser', (h, u) => call(B.adminCreateUser, h, u, email, password, attributes)); }
    deleteUser(user) { return adminCall(this, 'deleteUser', (h, u) => call(B.deleteUser, h, u, user)); }
  }

  // What Go needs from this side. bind registers a User object Go made.
  const glue = {
    origin: typeof location !== 'undefined' && typeof location.origin === 'string' && location.origin !== 'null'
      ? location.origin : '',
    GoTrue, User, Admin, API, Throw, HTTPError, TextHTTPError, JSONHTTPError,
    bind(obj, id) {
      handles.set(obj, id);
      if (registry) registry.register(obj, id);
    },
    // api gives obj (a new API when null) the handle id. Go keeps API
    // objects while a GoTrue or User handle uses them, so they are not
    // registered for collection.
    api(obj, url, defaultHeaders, id) {
      if (obj === null) obj = new API(url, { defaultHeaders });
      handles.set(obj, id);
      return obj;
    },
    // httpError makes the error gotrue-js rejects with for an HTTP status:
    // TextHTTPError with the body, or JSONHTTPError with the parsed body and
    // gotrue-js's message for it.
    httpError(status, statusText, isJSON, body, message) {
      const res = { status, statusText };
      if (!isJSON) return new TextHTTPError(res, body);
      const e = new JSONHTTPError(res, JSON.parse(body));
      if (message !== statusText) e.message = message;
      return e;
    },
    // log prints what gotrue-js prints: console.warn(text), and
    // console.error(new Error(text)).
    log(level, text) {
      if (level === 'warn') console.warn(text);
      else console.error(new Error(text));
    },
    // user fills u (a new User when null) with gotrue-js's own keys in its
    // order (token, api, url, audience), applies what Go reports (see
    // mirror) and registers it under id.
    user(u, id, token, api, url, audience, newToken, tokenJSON, nanExpiry, fields) {
      if (u === null) u = Object.create(User.prototype);
      u.token = token;
      u.api = api;
      u.url = url;
      u.audience = audience;
      glue.mirror(u, newToken, tokenJSON, nanExpiry, fields);
      glue.bind(u, id);
      return u;
    },
    // mirror applies what changed in Go: a new token (JSON, or null for
    // none; nanExpiry for a JWT without exp, which JSON cannot carry) and
    // the fields, assigned in place as _saveUserData does.
    mirror(u, newToken, token, nanExpiry, fields) {
      if (newToken) {
        u.token = token === null ? null : JSON.parse(token);
        if (nanExpiry) u.token.expires_at = NaN;
      }
      if (fields !== null) Object.assign(u, JSON.parse(fields));
    },
    // await reports to Go when a Promise it waits for settles.
    await(p, id) {
      p.then((v) => { if (B) B.settled(id, true, v); }, (e) => { if (B) B.settled(id, false, e); });
    },
    // request is every fetch of the library: Go lays the request out flat
    // (headers as name, value, ...) and gets [status, statusText,
    // Content-Type, body text]. fetch is looked up at call time, as
    // gotrue-js does, so a page's wrapper or polyfill is used.
    async request(url, method, headers, body, credentials) {
      const init = { method, headers: {} };
      for (let i = 0; i < headers.length; i += 2) init.headers[headers[i]] = headers[i + 1];
      if (typeof body === 'string') init.body = body;
      if (credentials) init.credentials = credentials;
      const res = await fetch(url, init);
      return [res.status, res.statusText, res.headers.get('Content-Type'), await res.text()];
    },
  };

  const bootName = `__gotrueBoot${Math.random().toString(36).slice(2)}`;
  globalThis[bootName] = (bridge) => {
    delete globalThis[bootName];
    B = bridge;
    return glue;
  };

  const exited = () => {
    B = null;
    failure = new Error('the Go program exited');
  };
  let memory = null;
  const run = (go, instance) => {
    memory = instance.exports.mem;
    go.run(instance).then(exited, exited);
    if (!B) throw new Error('gotrue-wasm: gotrue.wasm started but did not register its bridge');
    for (const args of pendingClients.splice(0)) {
      try {
        bindClient(args[0], unwrap(B.newClient(...args)));
      } catch (e) {
        console.error(e);
      }
    }
    resolveReady();
  };
  const failed = (e) => {
    failure = e instanceof Error ? e : new Error(String(e));
    delete globalThis[bootName];
    rejectReady(failure);
  };

  try {
    const go = new Go();
    go.argv = ['gotrue.wasm', bootName];
    const r = instantiate(go.importObject);
    if (r && typeof r.then === 'function') {
      r.then((instance) => run(go, instance)).catch(failed);
    } else {
      run(go, r);
    }
  } catch (e) {
    failed(e);
  }

  GoTrue.default = GoTrue;
  GoTrue.GoTrue = GoTrue;
  GoTrue.User = User;
  GoTrue.Admin = Admin;
  GoTrue.HTTPError = HTTPError;
  GoTrue.TextHTTPError = TextHTTPError;
  GoTrue.JSONHTTPError = JSONHTTPError;
  GoTrue.ready = ready;
  // Diagnostics for leak tests and benchmarks, under a symbol so no
  // gotrue-js surface changes: live handles, js.Funcs, goroutines, memory.
  Object.defineProperty(GoTrue, Symbol.for('gotrue-wasm.stats'), {
    value: (collect) => {
      if (!B) return null;
      const [clients, users, goroutines, funcs, awaits, apis] = B.stats(collect);
      return { clients, users, apis, goroutines, funcs, awaits, wasmMemory: memory ? memory.buffer.byteLength : 0 };
    },
  });
  return GoTrue;
}
