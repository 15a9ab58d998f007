// gotrue-wasm glue: gotrue-js 1.0.1's classes, whose objects are the state.
//
// gotrue-js keeps its state in plain, writable properties and reads them
// when a method runs; page code edits them (forces a refresh by setting
// expires_at in the past, restores a token, adds a header), and the next
// call follows the edit. So here the objects are the state, and Go makes the
// decisions:
// - The synchronous half of gotrue-js is written here as gotrue-js writes
//   it: the constructors, currentUser() and the stored session, the
//   underscore methods that only move properties, and jwt()'s expiry test.
//   It must answer before gotrue.wasm runs, and it decides nothing gotrue-js
//   does not decide in the same expression.
// - Every request is Go's (gotrue.wasm, over the core in gotrue/): each
//   Promise-returning method reads the state below when it is called, in
//   one crossing, and Go writes each change back to the objects as gotrue-js
//   would, as it makes it (the bridge's mirror).
//
// What a call reads, and when (the live state):
//
//   object   property              read by
//   GoTrue   api                   every GoTrue method (its apiURL, _sameOrigin, defaultHeaders)
//            audience              settings, signup, login, verify/confirm/recover, acceptInvite,
//                                  requestPasswordRecovery, _request (X-JWT-AUD); createUser (the User's)
//            setCookie             _setRememberHeaders: login, confirm, recover, verify, acceptInvite,
//                                  createUser, currentUser
//   API      apiURL                every request (apiURL + path); loginExternalUrl, acceptInviteExternalUrl
//            _sameOrigin           every request (credentials: 'same-origin')
//            defaultHeaders        every request, with every header page code added
//   User     token                 jwt (null: no session), tokenDetails, and every user method's request
//            token.expires_at      jwt and every user method: refresh when it is within 60 s
//            token.refresh_token   the refresh request, and the key refreshes are shared by
//            token.access_token    what jwt resolves with, and the Bearer of every user request
//            api                   every user method's request (as API above)
//            url, audience, the    the stored session (_details); audience also X-JWT-AUD of user
//            fields, _fromStorage  requests, _fromStorage currentUser()'s X-Use-Cookie
//
// createGoTrue(Go, loader) returns the module's exports. Go starts when a
// call first needs it, or when the page is idle, whichever comes first
// (D2): loader.instantiate(importObject) returns a Promise of gotrue.wasm's
// instance, and the Go program then calls the boot function named in
// go.argv[1] with its bridge before go.run returns. In a page,
// loader.prefetch() starts fetching and compiling at once, off the main
// thread; outside one (Node, Deno) nothing starts before the first call.
// eslint-disable-next-line no-unused-vars
function createGoTrue(Go, loader) {
  'use strict';
  const storageKey = 'gotrue.user';
  const ExpiryMargin = 60 * 1000;
  const refreshPromises = new Map(); // `${refresh_token}` -> the Promise of its refresh
  let currentUser = null;
  let B = null; // the Go bridge, once running
  let failure = null; // why gotrue.wasm could not start
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // reported through every call instead
  let started = false;

  const isBrowser = () => typeof window !== 'undefined';

  // store is localStorage, or memory for the rest of the page once
  // localStorage has failed (blocked, sandboxed, full): D4. Go's session
  // writes come through it too. Without window there is no storage at all,
  // as in gotrue-js.
  const memory = new Map();
  let inMemory = false;
  const store = {
    get(key) {
      if (!isBrowser()) return null;
      if (!inMemory) {
        try { return localStorage.getItem(key); } catch { inMemory = true; }
      }
      return memory.has(key) ? memory.get(key) : null;
    },
    set(key, value) {
      if (!isBrowser()) return;
      if (!inMemory) {
        try { localStorage.setItem(key, value); return; } catch { inMemory = true; }
      }
      memory.set(key, value);
    },
    remove(key) {
      if (!isBrowser()) return;
      if (!inMemory) {
        try { localStorage.removeItem(key); } catch { inMemory = true; }
      }
      memory.delete(key);
    },
  };

  let storageListenerActive = false;
  const ensureStorageListener = () => {
    if (!storageListenerActive && isBrowser()) {
      storageListenerActive = true;
      window.addEventListener('storage', (event) => {
        if (event.key === storageKey) currentUser = null;
      });
    }
  };

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

  // API is gotrue-js's internal API object.
  class API {
    constructor(apiURL, options) {
      this.apiURL = apiURL || '';
      this._sameOrigin = /^\/(?!\/)/.test(this.apiURL);
      this.defaultHeaders = (options && options.defaultHeaders) || {};
    }
  }

  // sameOrigin is D3: X-Nf-Client goes only to the page's own origin (a
  // self-hosted GoTrue's CORS refuses it cross-origin). Outside a page it
  // is always sent, as gotrue-js sends it.
  const sameOrigin = (url) => {
    if (typeof location === 'undefined' || typeof location.origin !== 'string' || location.origin === 'null') return true;
    try {
      return new URL(`${url}`, location.href).origin === location.origin;
    } catch {
      return true;
    }
  };

  // urlBase64Decode is gotrue-js's.
  const urlBase64Decode = (str) => {
    let output = str.replace(/-/g, '+').replace(/_/g, '/');
    switch (output.length % 4) {
      case 0: break;
      case 2: output += '=='; break;
      case 3: output += '='; break;
      default: throw new Error('Illegal base64url string!');
    }
    const binary = typeof atob === 'function' ? atob(output) : Buffer.from(output, 'base64').toString('binary');
    try {
      return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.codePointAt(0) ?? 0));
    } catch {
      return binary;
    }
  };

  // quiet is `${error}` for console output, except where the engine's
  // message would quote a token or a stored session (JSON.parse's does): D6.
  const quiet = (error, what) => (error instanceof SyntaxError ? `SyntaxError: ${what} is not valid JSON` : `${error}`);

  // go calls an asynchronous bridge function with the Promise's resolve and
  // reject and args, once Go runs, starting it if need be; args are read
  // when the method is called. When Go cannot start, every call rejects
  // with the one Error that says why.
  const go = (name, fn, args) => new Promise((resolve, reject) => {
    const run = () => B[fn](resolve, reject, ...args);
    if (B) run();
    else if (failure) reject(failure);
    else start().then(run, reject);
  });

  // apiState is what a request reads of an API object, as one string.
  const apiState = (api) => {
    if (api === null || api === undefined) return api.request; // gotrue-js's own TypeError
    const list = [];
    const headers = api.defaultHeaders;
    if (headers !== null && headers !== undefined) {
      for (const [name, value] of Object.entries(Object(headers))) list.push(name, `${value}`);
    }
    return JSON.stringify([`${api.apiURL}`, !!api._sameOrigin, list]);
  };

  // Bad arguments throw, or reject, a TypeError that names the method.
  const isObject = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');
  const typeName = (v) => (v === null ? 'null' : typeof v);
  const mustBe = (self, kind, name) => {
    if (!isObject(self)) {
      throw new TypeError(`${name}: this is not a ${kind}; call it on a ${kind} or bind it first`);
    }
    return self;
  };
  // later is a Promise-returning method: what it throws, it rejects with.
  const later = (fn) => {
    try {
      return fn();
    } catch (e) {
      return Promise.reject(e);
    }
  };

  // client is what a GoTrue method reads of its GoTrue object.
  const client = (g, name) => {
    mustBe(g, 'GoTrue', name);
    return [g, apiState(g.api), g.audience ? `${g.audience}` : '', !!g.setCookie];
  };

  // details is gotrue-js's _details: what is stored of a user.
  const details = (u) => {
    const copy = {};
    for (const key in u) {
      if (key in User.prototype || key === 'api') continue;
      copy[key] = u[key];
    }
    return copy;
  };

  // user is what a User method reads of its User object: its stored form,
  // Number(token.expires_at), which decides a refresh, and its API.
  const user = (u, name) => {
    mustBe(u, 'User', name);
    const t = u.token;
    return [u, JSON.stringify(details(u)), t === null || t === undefined ? NaN : t.expires_at - 0, apiState(u.api)];
  };

  // audienceHeader is how both _request methods start in gotrue-js: the
  // caller's options get headers, and X-JWT-AUD from options.audience or
  // the object's audience.
  const audienceHeader = (options, audience) => {
    options.headers = options.headers || {};
    const aud = options.audience || audience;
    if (aud) options.headers['X-JWT-AUD'] = aud;
    return options;
  };

  const HTTPRegexp = /^http:\/\//;

  class GoTrue {
    constructor({ APIUrl = '/.netlify/identity', audience = '', setCookie = false, clientName = 'gotrue-js' } = {}) {
      if (HTTPRegexp.test(APIUrl)) {
        console.warn('Warning:\n\nDO NOT USE HTTP IN PRODUCTION FOR GOTRUE EVER!\nGoTrue REQUIRES HTTPS to work securely.');
      }
      if (audience) this.audience = audience;
      this.setCookie = setCookie;
      this.api = new API(APIUrl, { defaultHeaders: sameOrigin(APIUrl) ? { 'X-Nf-Client': clientName } : {} });
    }
    _request(path, options = {}) {
      return later(() => go('_request', 'request', [...client(this, '_request'), path, audienceHeader(options, this.audience)]));
    }
    settings() { return later(() => go('settings', 'settings', client(this, 'settings'))); }
    signup(email, password, data) { return later(() => go('signup', 'signup', [...client(this, 'signup'), email, password, JSON.stringify(data)])); }
    login(email, password, remember) {
      return later(() => {
        mustBe(this, 'GoTrue', 'login');
        this._setRememberHeaders(remember);
        return go('login', 'login', [...client(this, 'login'), email, password, !!remember]);
      });
    }
    loginExternalUrl(provider) {
      mustBe(this, 'GoTrue', 'loginExternalUrl');
      return `${this.api.apiURL}/authorize?provider=${provider}`;
    }
    confirm(token, remember) {
      return later(() => {
        mustBe(this, 'GoTrue', 'confirm');
        this._setRememberHeaders(remember);
        return this.verify('signup', token, remember);
      });
    }
    requestPasswordRecovery(email) {
      return later(() => go('requestPasswordRecovery', 'requestPasswordRecovery', [...client(this, 'requestPasswordRecovery'), email]));
    }
    recover(token, remember) {
      return later(() => {
        mustBe(this, 'GoTrue', 'recover');
        this._setRememberHeaders(remember);
        return this.verify('recovery', token, remember);
      });
    }
    acceptInvite(token, password, remember) {
      return later(() => {
        mustBe(this, 'GoTrue', 'acceptInvite');
        this._setRememberHeaders(remember);
        return go('acceptInvite', 'acceptInvite', [...client(this, 'acceptInvite'), token, password, !!remember]);
      });
    }
    acceptInviteExternalUrl(provider, token) {
      mustBe(this, 'GoTrue', 'acceptInviteExternalUrl');
      return `${this.api.apiURL}/authorize?provider=${provider}&invite_token=${token}`;
    }
    createUser(tokenResponse, remember = false) {
      return later(() => {
        mustBe(this, 'GoTrue', 'createUser');
        this._setRememberHeaders(remember);
        if (!isObject(tokenResponse)) throw new TypeError(`createUser: tokenResponse must be an object, not ${typeName(tokenResponse)}`);
        const u = new User(this.api, tokenResponse, this.audience || '');
        return u.getUserData().then((userData) => {
          if (remember) userData._saveSession();
          return userData;
        });
      });
    }
    currentUser() {
      mustBe(this, 'GoTrue', 'currentUser');
      const u = User.recoverSession(this.api);
      u && this._setRememberHeaders(u._fromStorage);
      return u;
    }
    async validateCurrentSession() {
      const u = this.currentUser();
      if (!u) return null;
      try {
        return await u.getUserData();
      } catch {
        u.clearSession();
        return null;
      }
    }
    verify(type, token, remember) {
      return later(() => {
        mustBe(this, 'GoTrue', 'verify');
        this._setRememberHeaders(remember);
        return go('verify', 'verify', [...client(this, 'verify'), type, token, !!remember]);
      });
    }
    _setRememberHeaders(remember) {
      mustBe(this, 'GoTrue', '_setRememberHeaders');
      if (this.setCookie) {
        this.api.defaultHeaders = this.api.defaultHeaders || {};
        this.api.defaultHeaders['X-Use-Cookie'] = remember ? '1' : 'session';
      }
    }
  }

  class User {
    constructor(api, tokenResponse, audience) {
      this.token = null;
      this.api = api;
      this.url = api.apiURL;
      this.audience = audience;
      this._processTokenResponse(tokenResponse);
      currentUser = this;
      ensureStorageListener();
    }
    static removeSavedSession() { store.remove(storageKey); }
    static recoverSession(apiInstance) {
      ensureStorageListener();
      if (currentUser) return currentUser;
      const json = store.get(storageKey);
      if (json) {
        try {
          const data = JSON.parse(json);
          const { url, token, audience } = data;
          if (!url || !token) return null;
          const api = apiInstance || new API(url, {});
          return new User(api, token, audience)._saveUserData(data, true);
        } catch (error) {
          console.error(new Error(`Gotrue-js: Error recovering session: ${quiet(error, 'the stored session')}`));
          return null;
        }
      }
      return null;
    }
    get admin() {
      mustBe(this, 'User', 'admin');
      return new Admin(this);
    }
    update(attributes) { return later(() => go('update', 'update', [...user(this, 'update'), JSON.stringify(attributes)])); }
    // jwt answers a token that is not within a minute of expiry at once,
    // and shares one refresh per refresh token, exactly as gotrue-js.
    jwt(forceRefresh) {
      mustBe(this, 'User', 'jwt');
      const token = this.tokenDetails();
      if (token === null || token === undefined) {
        return Promise.reject(new Error('Gotrue-js: failed getting jwt access token'));
      }
      const { expires_at, refresh_token, access_token } = token;
      if (forceRefresh || expires_at - ExpiryMargin < Date.now()) return this._refreshToken(refresh_token);
      return Promise.resolve(access_token);
    }
    logout() { return later(() => go('logout', 'logout', user(this, 'logout'))); }
    _refreshToken(refresh_token) {
      const key = `${refresh_token}`;
      const existing = refreshPromises.get(key);
      if (existing) return existing;
      const promise = later(() => go('_refreshToken', 'refresh', [...user(this, '_refreshToken'), key]));
      refreshPromises.set(key, promise);
      const done = () => { if (refreshPromises.get(key) === promise) refreshPromises.delete(key); };
      promise.then(done, done);
      return promise;
    }
    _request(path, options = {}) {
      return later(() => go('_request', 'userRequest', [...user(this, '_request'), path, audienceHeader(options, this.audience)]));
    }
    getUserData() { return later(() => go('getUserData', 'getUserData', user(this, 'getUserData'))); }
    _saveUserData(attributes, fromStorage) {
      for (const key in attributes) {
        if (key in User.prototype || key === 'api' || key === 'token' || key === 'audience' || key === 'url') continue;
        this[key] = attributes[key];
      }
      if (fromStorage) this._fromStorage = true;
      return this;
    }
    _processTokenResponse(tokenResponse) {
      this.token = tokenResponse;
      try {
        const claims = JSON.parse(urlBase64Decode(tokenResponse.access_token.split('.')[1]));
        this.token.expires_at = claims.exp * 1e3;
      } catch (error) {
        console.error(new Error(`Gotrue-js: Failed to parse tokenResponse claims: ${quiet(error, 'the JWT payload')}`));
      }
    }
    _refreshSavedSession() {
      if (store.get(storageKey)) this._saveSession();
      return this;
    }
    get _details() { return details(this); }
    _saveSession() {
      store.set(storageKey, JSON.stringify(this._details));
      return this;
    }
    tokenDetails() {
      mustBe(this, 'User', 'tokenDetails');
      return this.token;
    }
    clearSession() {
      mustBe(this, 'User', 'clearSession');
      User.removeSavedSession();
      this.token = null;
      currentUser = null;
    }
  }

  // Admin is gotrue-js's: every call is the user's _request.
  const adminOf = (self, name) => {
    if (!isObject(self) || !isObject(self.user)) throw new TypeError(`admin.${name}: this is not an Admin; use user.admin`);
    return self.user;
  };
  const idOf = (u, name) => {
    if (!isObject(u)) throw new TypeError(`admin.${name}: user must be an object with an id, not ${typeName(u)}`);
    return u.id;
  };
  class Admin {
    constructor(u) { this.user = u; }
    listUsers(aud) { return later(() => adminOf(this, 'listUsers')._request('/admin/users', { method: 'GET', audience: aud })); }
    getUser(u) { return later(() => adminOf(this, 'getUser')._request(`/admin/users/${idOf(u, 'getUser')}`)); }
    updateUser(u, attributes = {}) {
      return later(() => adminOf(this, 'updateUser')._request(`/admin/users/${idOf(u, 'updateUser')}`, { method: 'PUT', body: JSON.stringify(attributes) }));
    }
    createUser(email, password, attributes = {}) {
      return later(() => {
        const u = adminOf(this, 'createUser');
        if (!isObject(attributes)) throw new TypeError(`admin.createUser: attributes must be an object, not ${typeName(attributes)}`);
        attributes.email = email;
        attributes.password = password;
        return u._request('/admin/users', { method: 'POST', body: JSON.stringify(attributes) });
      });
    }
    deleteUser(u) { return later(() => adminOf(this, 'deleteUser')._request(`/admin/users/${idOf(u, 'deleteUser')}`, { method: 'DELETE' })); }
  }

  // token is a token object Go wrote as JSON; JSON has no NaN, so Go says
  // when expires_at is NaN (a JWT without exp).
  const token = (json, nanExpiry) => {
    if (json === null) return null;
    const t = JSON.parse(json);
    if (nanExpiry) t.expires_at = NaN;
    return t;
  };

  // What Go needs from this side: the classes and storage, and the writes
  // of its mirror, each the assignment gotrue-js makes.
  const glue = {
    HTTPError, TextHTTPError, JSONHTTPError, store,
    // started is `new User(g.api, tokenResponse, g.audience || '')` in a
    // flow of g (login, verify): Go has processed the token.
    started(g, tokenJSON, nanExpiry) {
      const u = Object.create(User.prototype);
      u.token = token(tokenJSON, nanExpiry);
      u.api = g.api;
      u.url = g.api.apiURL;
      u.audience = g.audience || '';
      currentUser = u;
      ensureStorageListener();
      return u;
    },
    setToken(u, tokenJSON, nanExpiry) { u.token = token(tokenJSON, nanExpiry); },
    // assign is _saveUserData for the keys Go has kept.
    assign(u, fields) {
      const attributes = JSON.parse(fields);
      for (const key in attributes) u[key] = attributes[key];
    },
    setHeader(g, name, value) {
      g.api.defaultHeaders = g.api.defaultHeaders || {};
      g.api.defaultHeaders[name] = value;
    },
    clearCurrent() { currentUser = null; },
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
  let memoryOf = null;
  const failed = (e) => {
    failure = e instanceof Error ? e : new Error(String(e));
    delete globalThis[bootName];
    rejectReady(failure);
  };
  // start instantiates gotrue.wasm and runs Go, once; it returns ready.
  const start = () => {
    if (started) return ready;
    started = true;
    const goInstance = new Go();
    goInstance.argv = ['gotrue.wasm', bootName];
    globalThis[bootName] = (bridge) => {
      delete globalThis[bootName];
      B = bridge;
      return glue;
    };
    Promise.resolve().then(() => loader.instantiate(goInstance.importObject)).then((instance) => {
      // The marks time Go's start on the main thread, for make bench.
      if (typeof performance !== 'undefined' && performance.mark) performance.mark('gotrue-wasm:run');
      memoryOf = instance.exports.mem;
      goInstance.run(instance).then(() => { B = null; failure = new Error('gotrue-wasm: the Go program exited'); });
      if (!B) throw new Error('gotrue-wasm: gotrue.wasm started but did not register its bridge');
      if (typeof performance !== 'undefined' && performance.mark) performance.mark('gotrue-wasm:running');
      resolveReady();
    }).catch(failed);
    return ready;
  };

  // In a page, fetching and compiling start once the document is parsed
  // and the page's own first scripts have run (spawning the worker takes the
  // main thread some 10 ms; an ES module entry runs after parsing, so it
  // waits for the next task), off the main thread, and Go itself once the
  // page has loaded and is idle, unless a call needs it first.
  if (typeof window !== 'undefined' && typeof document !== 'undefined') {
    if (loader.prefetch) {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => loader.prefetch(), { once: true });
      else setTimeout(() => loader.prefetch(), 0);
    }
    const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => start()) : setTimeout(() => start(), 0));
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  }

  GoTrue.default = GoTrue;
  GoTrue.GoTrue = GoTrue;
  GoTrue.User = User;
  GoTrue.Admin = Admin;
  GoTrue.HTTPError = HTTPError;
  GoTrue.TextHTTPError = TextHTTPError;
  GoTrue.JSONHTTPError = JSONHTTPError;
  // ready resolves when Go runs; asking for it starts Go.
  Object.defineProperty(GoTrue, 'ready', { get: start, enumerable: true });
  // Diagnostics for leak tests and benchmarks, under a symbol so no
  // gotrue-js surface changes: calls under way in Go, js.Funcs, goroutines,
  // memory. stats(true) runs Go's collector first.
  Object.defineProperty(GoTrue, Symbol.for('gotrue-wasm.stats'), {
    value: (collect) => {
      if (!B) return { started };
      const [flows, goroutines, funcs, awaits] = B.stats(collect);
      return { flows, goroutines, funcs, awaits, refreshes: refreshPromises.size, wasmMemory: memoryOf ? memoryOf.buffer.byteLength : 0 };
    },
  });
  return GoTrue;
}
