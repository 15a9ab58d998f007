// gotrue-wasm glue: the classes GoTrue, User, Admin and API, whose objects
// are the state, and what the flows need of the platform.
//
// Every flow that talks to the server is Go's (gotrue.wasm, over the core
// in gotrue/internal/core, the code Go programs run): it works on these
// objects through get, set, delete and apply below, calls a step page code
// replaced through the object, and runs the library's own in Go. What stays
// here cannot wait for the module:
// - the synchronous methods, which answer at once (the constructors,
//   currentUser and recoverSession, tokenDetails, clearSession, the URL
//   builders, _saveUserData, _details, _saveSession, jwt() for a token that
//   is not due, ...): gotrue-js's API, each step taken through `this`, over
//   the session's rules below (the stored session, a JWT's expiry, the
//   fields a save keeps), which the core's pair tests hold to the core;
// - the start of each flow: what gotrue-js throws at once (must, and the
//   JSON or text of an argument its request body takes);
// - createUser and logout, whose synchronous steps start work before they
//   return; _refreshToken's one refresh per token, the Web Lock around it
//   (D9), the refresh's outcome applied with the object's steps, and its
//   request sent before Go runs when the stored session is due;
// - adapters for storage (memory when localStorage fails, D4), fetch, Web
//   Locks and Promises; and the loader (D2).
// Where they differ from gotrue-js on purpose, the comment names the
// difference by its D-number (the contract's section 16): X-Nf-Client goes
// only to the page's own origin (D3); console output never quotes a token
// (D6). The browser suites hold them to gotrue-js (js/e2e: the conformance
// suite, @netlify/identity, the hostile suite).
//
// createGoTrue(Go, loader) returns the module's exports. gotrue.wasm is
// fetched and compiled when it will be used, and Go started at the first
// call that needs it, or once the page is idle after the module arrived
// (D2; see "Loading" below). loader.prefetch(priority) starts the fetch and
// compile and returns the Promise of the compiled module; loader.instantiate
// (importObject) returns the Promise of the instance, fetching first if
// nothing has; Go then calls the boot function named in go.argv[1] with its
// bridge before go.run returns.
// eslint-disable-next-line no-unused-vars
function createGoTrue(Go, loader) {
  'use strict';
  const isBrowser = () => typeof window !== 'undefined';

  // The stored session: the JSON of a User's fields under storageKey.
  //
  // store is localStorage, or memory for the rest of the page once
  // localStorage has failed (blocked, sandboxed, full): D4, where gotrue-js
  // throws. Without window there is no storage at all, as in gotrue-js.
  const storageKey = 'gotrue.user';
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
  const storedSession = () => store.get(storageKey);

  // held is the User this page holds: the last one made, which
  // currentUser() answers without reading storage again, until it is
  // cleared or another tab changes the stored session.
  let held = null;
  let watching = false;
  const watchOtherTabs = () => {
    if (watching || !isBrowser()) return;
    watching = true;
    window.addEventListener('storage', (event) => {
      if (event.key === storageKey) held = null;
    });
  };

  // A session's rules, which the core has too (gotrue/internal/core): the
  // core is the reference, and its pair tests (pair_js_test.go) hold these
  // to it and to gotrue-js.
  //
  // An access token is due for a refresh a minute before it expires.
  const ExpiryMargin = 60 * 1e3;
  const isDue = (expiresAt) => expiresAt - ExpiryMargin < Date.now();

  // jwtClaims is the payload of a JWT: its second segment, base64url-encoded
  // UTF-8 JSON (the core's jwtExp). It throws what reading it meets.
  const jwtClaims = (jwt) => JSON.parse(utf8(binaryOf(padded(jwt.split('.')[1]))));
  const padded = (base64url) => {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    if (base64.length % 4 === 1) throw new Error('Illegal base64url string!');
    return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  };
  const binaryOf = (base64) => (typeof atob === 'function' ? atob(base64) : Buffer.from(base64, 'base64').toString('binary'));
  // utf8 reads a binary string's bytes as UTF-8, or gives it as it is
  // where the runtime has no TextDecoder.
  const utf8 = (binary) => {
    try {
      return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    } catch {
      return binary;
    }
  };

  // copyFields sets on to each enumerable field of from, inherited ones
  // too, but those named as a User's methods are (its prototype's names)
  // and those in skip; it returns to. A User keeps api, token, audience and
  // url from its user data (ownFields), and a save leaves out api
  // (unsaved): the core's reservedKeys, prototypeKeys and Details.
  const ownFields = new Set(['api', 'token', 'audience', 'url']);
  const unsaved = new Set(['api']);
  const copyFields = (from, to, skip) => {
    for (const key in from) {
      if (!(key in User.prototype) && !skip.has(key)) to[key] = from[key];
    }
    return to;
  };

  // unanswered holds the errors that mean the server gave no answer that
  // settles the request: fetch rejected, the refresh timed out, a 5xx, or
  // gotrue.wasm could not be loaded. Go decides which (gotrue.Unanswered).
  // Such an error keeps the session where gotrue-js would clear it (D8).
  const unanswered = new WeakSet();
  const isObject = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');
  const noAnswer = (error) => {
    if (isObject(error)) unanswered.add(error);
    return error;
  };

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

  class API {
    constructor(apiURL, options) {
      this.apiURL = apiURL || '';
      this._sameOrigin = /^\/(?!\/)/.test(this.apiURL);
      this.defaultHeaders = (options && options.defaultHeaders) || {};
    }
    headers(headers = {}) {
      return { ...this.defaultHeaders, 'Content-Type': 'application/json', ...headers };
    }
    // request is the core's (browser.Send): it reads this API's URL and
    // headers step, and composes, sends and reads the request in Go.
    async request(path, options = {}) {
      return outcome(await goCall('apiRequest', () => [this, path, options]));
    }
  }

  // must throws, at once, the TypeError of gotrue-js's call of
  // self[name]() where self has no such method (self is named as).
  const must = (self, name, as = 'this') => {
    if (typeof self[name] !== 'function') throw new TypeError(`${as}.${name} is not a function`);
  };

  // flow runs the core's flow name on self with args: the Promise of its
  // value.
  const flow = (name, self, ...args) => goCall(name, () => [self, ...args]).then(outcome);

  // outcome is the value of a Go outcome, [true, value, ...], or throws its
  // error, [false, error, unanswered, ...].
  const outcome = ([ok, value, unanswered]) => {
    if (ok) return value;
    throw unanswered ? noAnswer(value) : value;
  };

  // signed runs the core's admin flow name (browser.AdminListUsers, ...)
  // with args, signed by admin.user's _request.
  const signed = (admin, name, ...args) => {
    must(admin.user, '_request', 'this.user');
    return flow(name, admin.user, ...args);
  };

  class Admin {
    constructor(user) { this.user = user; }
    listUsers(aud) { return signed(this, 'adminListUsers', aud); }
    getUser(user) { return signed(this, 'adminGetUser', `${user.id}`); }
    updateUser(user, attributes = {}) {
      const id = `${user.id}`;
      return signed(this, 'adminUpdateUser', id, JSON.stringify(attributes));
    }
    createUser(email, password, attributes = {}) {
      attributes.email = email;
      attributes.password = password;
      return signed(this, 'adminCreateUser', JSON.stringify(attributes));
    }
    deleteUser(user) { return signed(this, 'adminDeleteUser', `${user.id}`); }
  }

  // quiet is `${error}` for console output, except where the engine's
  // message would quote a token or a stored session (JSON.parse's does): D6.
  const quiet = (error, what) => (error instanceof SyntaxError ? `SyntaxError: ${what} is not valid JSON` : `${error}`);

  // restore makes the User of the stored session, on api or, without one,
  // on an API of the session's url: null when none is stored, or when it
  // has no url or token; a session that cannot be read is logged.
  const restore = (api) => {
    const json = storedSession();
    if (!json) return null;
    try {
      const fields = JSON.parse(json);
      const { url, token, audience } = fields;
      if (!url || !token) return null;
      return new User(api || new API(url, {}), token, audience)._saveUserData(fields, true);
    } catch (error) {
      console.error(new Error(`Gotrue-js: Error recovering session: ${quiet(error, 'the stored session')}`));
      return null;
    }
  };

  // A User is a session: its token, its API, and the user's fields as
  // the server last gave them. Every method goes through `this`, so that a
  // page's subclass or patch of one step takes effect in the others.
  class User {
    constructor(api, tokenResponse, audience) {
      this.token = null;
      this.api = api;
      this.url = api.apiURL;
      this.audience = audience;
      this._processTokenResponse(tokenResponse);
      held = this;
      watchOtherTabs();
    }
    static removeSavedSession() {
      store.remove(storageKey);
    }
    static recoverSession(apiInstance) {
      watchOtherTabs();
      return held || restore(apiInstance);
    }
    get admin() { return new Admin(this); }
    // update and getUserData are the core's (browser.Update, GetUserData).
    async update(attributes) {
      return flow('update', this, JSON.stringify(attributes));
    }
    // jwt answers the access token at once while it is not due, and
    // otherwise (or when forced) refreshes it.
    jwt(forceRefresh) {
      const token = this.tokenDetails();
      if (token === null || token === undefined) {
        return Promise.reject(new Error('Gotrue-js: failed getting jwt access token'));
      }
      const { expires_at, refresh_token, access_token } = token;
      return forceRefresh || isDue(expires_at) ? this._refreshToken(refresh_token) : Promise.resolve(access_token);
    }
    // logout is the core's (browser.Logout): the request, then the session
    // cleared whatever the server answered; when gotrue.wasm cannot be had,
    // it is cleared here (clearing needs no Go). As in gotrue-js, a User
    // without clearSession throws once the request has started.
    logout() {
      must(this, '_request');
      let clear;
      try {
        clear = this.clearSession.bind(this);
      } catch (error) {
        this._request('/logout', { method: 'POST' }); // gotrue-js has sent it when it fails here
        throw error;
      }
      const done = flow('logout', this);
      return done.catch((error) => {
        if (B) throw error;
        return clear();
      });
    }
    // _refreshToken shares one refresh per refresh token, as gotrue-js's
    // does; the refresh's decisions are Go's (refreshed, below). Its request
    // goes to this.api, as gotrue-js's goes to this.api.request.
    _refreshToken(refresh_token) {
      const shared = refreshPromises[refresh_token];
      if (shared) return shared;
      if (typeof this.api.request !== 'function') this.api.request(); // gotrue-js's own TypeError, at once
      const promise = refreshed(this, refresh_token, this.api);
      refreshPromises[refresh_token] = promise;
      promise.catch(() => { if (refreshPromises[refresh_token] === promise) delete refreshPromises[refresh_token]; });
      return promise;
    }
    // _request is the core's (UserRequest), run on this User.
    async _request(path, options = {}) {
      return outcome(await goCall('userRequest', () => [this, path, options]));
    }
    async getUserData() {
      return flow('getUserData', this);
    }
    // _saveUserData takes the user's fields from attributes (those from
    // storage marked so); it keeps its own api, token, audience and url.
    _saveUserData(attributes, fromStorage) {
      copyFields(attributes, this, ownFields);
      if (fromStorage) this._fromStorage = true;
      return this;
    }
    // _processTokenResponse takes tokenResponse as this User's token, with
    // its expiry in ms (expires_at) from the access token's exp claim; a
    // token whose claims cannot be read is logged and kept as it is.
    _processTokenResponse(tokenResponse) {
      this.token = tokenResponse;
      try {
        const claims = jwtClaims(tokenResponse.access_token);
        this.token.expires_at = claims.exp * 1e3;
      } catch (error) {
        console.error(new Error(`Gotrue-js: Failed to parse tokenResponse claims: ${quiet(error, 'the JWT payload')}`));
      }
    }
    // _refreshSavedSession saves this User where a session is stored.
    _refreshSavedSession() {
      if (storedSession()) this._saveSession();
      return this;
    }
    // _details are the fields a save stores: all but api.
    get _details() {
      return copyFields(this, {}, unsaved);
    }
    _saveSession() {
      store.set(storageKey, JSON.stringify(this._details));
      return this;
    }
    tokenDetails() { return this.token; }
    clearSession() {
      User.removeSavedSession();
      this.token = null;
      held = null;
    }
  }

  // refreshPromises holds the refresh under way for each refresh token.
  const refreshPromises = {};

  const toNumber = (v) => {
    try { return Number(v); } catch { return NaN; }
  };
  const stringOrNull = (v) => (typeof v === 'string' ? v : null);

  // refreshTokenOf is tokenResponse.refresh_token, a string, or null.
  const refreshTokenOf = (tokenResponse) => {
    try {
      return stringOrNull(tokenResponse.refresh_token);
    } catch {
      return null; // not a token object
    }
  };

  // storedRefreshToken is the refresh token of the stored session, or null.
  const storedRefreshToken = () => {
    try {
      return stringOrNull(JSON.parse(storedSession()).token.refresh_token);
    } catch {
      return null;
    }
  };

  // D9: a refresh runs under an origin-wide Web Lock where the page has
  // them, so that of several tabs needing one at once, one sends it and the
  // others adopt what it stored (D5), instead of each rotating the token
  // and the server's answer to the losers clearing the nf_jwt cookie. A tab
  // that holds the lock and hangs keeps the others waiting no longer than
  // gotrue-js's own refresh timeout: they then go on without it.
  const RefreshTimeout = 30 * 1e3;
  const lockName = 'gotrue-wasm refresh';
  const busy = {};
  const underRefreshLock = (refresh_token, fn) => {
    const asked = storedRefreshToken();
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks || typeof locks.request !== 'function') return fn(false, asked);
    let granted = false;
    const locked = (waited) => {
      granted = true;
      return (waited ? storageSettled(`${refresh_token}`) : Promise.resolve()).then(() => fn(true, asked));
    };
    const options = typeof AbortSignal === 'function' && AbortSignal.timeout ? { signal: AbortSignal.timeout(RefreshTimeout) } : {};
    return locks.request(lockName, { ifAvailable: true }, (lock) => (lock ? locked(false) : busy))
      .then((result) => (result === busy ? locks.request(lockName, options, () => locked(true)) : result))
      .catch((error) => {
        if (granted) throw error;
        return fn(false, asked);
      });
  };

  // storageSettled waits, after the lock was held by another tab, until
  // this tab has seen what that tab stored. Each tab reads localStorage
  // from its own copy, which the browser updates after a write elsewhere,
  // and the lock can be granted before the update arrives: while storage
  // still shows the very token this tab is about to send, it waits for the
  // storage event (at most half a second, when the other tab stored
  // nothing).
  const storageSettled = (rt) => new Promise((resolve) => {
    if (!isBrowser() || storedRefreshToken() !== rt) {
      resolve();
      return;
    }
    const done = () => {
      window.removeEventListener('storage', changed);
      clearTimeout(timer);
      resolve();
    };
    const changed = (event) => { if (event.key === storageKey || event.key === null) done(); };
    const timer = setTimeout(done, 500);
    window.addEventListener('storage', changed);
  });

  // The answers of refreshes sent before Go ran, by body, until Go reads
  // them.
  const unread = new Map();

  // sendEarly sends a refresh's request as API.request would, before Go
  // runs: the core composes it the same way (gotrue/internal/core Send and
  // RefreshCall; the conformance suite holds the two to gotrue-js).
  const sendEarly = (api, body) => {
    const options = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body };
    const headers = api.headers(options.headers);
    const credentials = api._sameOrigin ? 'same-origin' : '';
    return glue.fetch(api.apiURL + '/token', options, headers, credentials);
  };

  // refreshed is the refresh behind user.jwt(), under the refresh lock
  // (D9): the core's (browser.RefreshUser), which decides it (D5, D8, D9),
  // sends it through api.request and applies it to user, as gotrue-js's
  // _refreshToken does once the answer is in.
  //
  // While gotrue.wasm still loads, a refresh of the very token storage
  // holds is sent at once: no other tab has rotated it, so D5 has nothing
  // to adopt, and Go, once it runs, sends exactly that request; it is given
  // the answer already on its way. If Go cannot run, the server's answer
  // (a rotated token) is kept for the next refresh of that token, which
  // reads it instead of sending a token the server has revoked.
  const refreshed = (user, refresh_token, api) => underRefreshLock(refresh_token, async (locked, asked) => {
    const rt = `${refresh_token}`;
    const body = `grant_type=refresh_token&refresh_token=${rt}`;
    if (!B && !unread.has(body) && storedRefreshToken() === rt) {
      try {
        const early = sendEarly(api, body);
        unread.set(body, early);
        early.catch(() => { if (unread.get(body) === early) unread.delete(body); }); // no answer: nothing to keep
      } catch {
        // the request cannot be made: Go's meets the same error
      }
    }
    const landed = () => { delete refreshPromises[refresh_token]; };
    return outcome(await goCall('refresh', () => {
      const token = user.token;
      const expiresAt = token === null || token === undefined ? NaN : toNumber(token.expires_at);
      return [rt, stringOrNull(user.id), expiresAt, locked, asked, api, user, landed];
    }));
  });

  const plainHTTP = /^http:\/\//;

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

  class GoTrue {
    constructor({ APIUrl = '/.netlify/identity', audience = '', setCookie = false, clientName = 'gotrue-js' } = {}) {
      if (plainHTTP.test(APIUrl)) {
        console.warn('Warning:\n\nDO NOT USE HTTP IN PRODUCTION FOR GOTRUE EVER!\nGoTrue REQUIRES HTTPS to work securely.');
      }
      if (audience) this.audience = audience;
      this.setCookie = setCookie;
      this.api = new API(APIUrl, { defaultHeaders: sameOrigin(APIUrl) ? { 'X-Nf-Client': clientName } : {} });
    }
    // _request is the core's (ClientRequest), run on this GoTrue.
    async _request(path, options = {}) {
      return outcome(await goCall('clientRequest', () => [this, path, options]));
    }
    // The flows are the core's (browser.Settings, Signup, Login, ...), run
    // on this GoTrue. Each method first throws what gotrue-js throws at once
    // (must, and the JSON or string its request body takes of an argument).
    settings() {
      must(this, '_request');
      return flow('settings', this);
    }
    signup(email, password, data) {
      must(this, '_request');
      return flow('signup', this, JSON.stringify(email), JSON.stringify(password), JSON.stringify(data));
    }
    login(email, password, remember) {
      must(this, '_setRememberHeaders');
      const username = `${email}`, pass = `${password}`;
      [username, pass].forEach(encodeURIComponent); // gotrue-js's URIError for a lone surrogate, at once
      must(this, '_request');
      return flow('login', this, username, pass, remember);
    }
    loginExternalUrl(provider) { return `${this.api.apiURL}/authorize?provider=${provider}`; }
    confirm(token, remember) {
      must(this, '_setRememberHeaders');
      const json = JSON.stringify(token);
      must(this, 'verify');
      return flow('confirm', this, json, remember, token);
    }
    requestPasswordRecovery(email) {
      must(this, '_request');
      return flow('requestPasswordRecovery', this, JSON.stringify(email));
    }
    recover(token, remember) {
      must(this, '_setRememberHeaders');
      const json = JSON.stringify(token);
      must(this, 'verify');
      return flow('recover', this, json, remember, token);
    }
    acceptInvite(token, password, remember) {
      must(this, '_setRememberHeaders');
      const body = [JSON.stringify(token), JSON.stringify(password)];
      must(this, '_request');
      return flow('acceptInvite', this, ...body, remember);
    }
    acceptInviteExternalUrl(provider, token) {
      return `${this.api.apiURL}/authorize?provider=${provider}&invite_token=${token}`;
    }
    createUser(tokenResponse, remember = false) {
      this._setRememberHeaders(remember);
      const user = new User(this.api, tokenResponse, this.audience || '');
      must(user, 'getUserData', 'user');
      return flow('established', user, remember, refreshTokenOf(tokenResponse)); // the core's (browser.Established)
    }
    currentUser() {
      const user = User.recoverSession(this.api);
      if (user) this._setRememberHeaders(user._fromStorage);
      return user;
    }
    // validateCurrentSession resolves null on any failure, as gotrue-js's;
    // it clears the session only when the server answered, not offline or
    // when gotrue.wasm could not load (D8). With no session to validate, it
    // answers before gotrue.wasm is fetched (D2).
    async validateCurrentSession() {
      if (!B && held === null && storedSession() === null && this.currentUser === GoTrue.prototype.currentUser) return null;
      try {
        return await flow('validateCurrentSession', this);
      } catch (error) {
        if (unanswered.has(error)) return null;
        throw error;
      }
    }
    verify(type, token, remember) {
      must(this, '_setRememberHeaders');
      const body = [JSON.stringify(type), JSON.stringify(token)];
      must(this, '_request');
      return flow('verify', this, ...body, remember);
    }
    // _setRememberHeaders asks a server that sets the nf_jwt cookie
    // (setCookie) for a lasting one (remember) or one for the browser
    // session.
    _setRememberHeaders(remember) {
      if (!this.setCookie) return;
      this.api.defaultHeaders = this.api.defaultHeaders || {};
      this.api.defaultHeaders['X-Use-Cookie'] = remember ? '1' : 'session';
    }
  }

  // What Go needs from this side: the HTTP error classes, storage, the
  // refresh's request, a way to wait for a Promise, fetch, the library's
  // own steps, and the operations on the page's objects, done as
  // JavaScript's expressions do them (their errors are the engine's).
  const glue = {
    store,
    JSONHTTPError,
    unanswered: (e) => unanswered.has(e),
    request: API.prototype.request,
    clientRequest: GoTrue.prototype._request,
    verify: GoTrue.prototype.verify,
    userRequest: User.prototype._request,
    getUserData: User.prototype.getUserData,
    removeSavedSession: User.removeSavedSession,
    User,
    str: (v) => `${v}`,
    get: (o, k) => o[k],
    set: (o, k, v) => { o[k] = v; },
    del: (o, k) => { delete o[k]; },
    apply: (f, self, expr, ...args) => {
      if (typeof f !== 'function') throw new TypeError(`${expr} is not a function`);
      return Reflect.apply(f, self, args);
    },
    // fetch is the fetch of API.request, made with the page's fetch of the
    // moment; it gives the Promise of [status, statusText, Content-Type,
    // body text].
    fetch(url, options, headers, credentials) {
      const init = { ...options, headers };
      if (credentials) init.credentials = options.credentials || credentials;
      return fetch(url, init).then(async (response) => [response.status, response.statusText, response.headers.get('Content-Type'), await response.text()]);
    },
    // httpError makes the error gotrue-js's API.request throws for an HTTP
    // status: TextHTTPError with the body, or JSONHTTPError with it parsed.
    httpError(status, statusText, isJSON, body) {
      const response = { status, statusText };
      return isJSON ? new JSONHTTPError(response, JSON.parse(body)) : new TextHTTPError(response, body);
    },
    // await reports to Go when a Promise it waits for settles.
    await(p, id) {
      Promise.resolve(p).then((v) => { if (B) B.settled(id, true, v); }, (e) => { if (B) B.settled(id, false, e); });
    },
    // early is the Promise of the answer to the refresh request with body
    // sent before Go ran, which Go reads instead of sending it again.
    early(body) {
      const answer = unread.get(body);
      unread.delete(body);
      return answer;
    },
  };

  // Loading (D2). gotrue.wasm is fetched when it will be used: at once when
  // a session is stored (the page will validate or refresh it), otherwise
  // on the first call that needs Go, or ahead of need when the page asks
  // (GoTrue.prefetch(), data-prefetch, GoTrue.ready), then after the page's
  // own content (its load event) and at low priority. Go starts on the
  // first call that needs it, or when the page is idle after the module has
  // arrived. A failure to fetch fails the calls waiting on it, and the next
  // call tries again; a failure to compile (a Content-Security-Policy
  // without 'wasm-unsafe-eval') is for good. Either way the synchronous
  // methods keep working, and no session is cleared for it (D8).
  let B = null; // the Go bridge, once running
  let starting = null; // the Promise of B while Go is being started
  let memoryOf = null;
  const bootName = `__gotrueBoot${Math.random().toString(36).slice(2)}`;
  const mark = (name) => { if (typeof performance !== 'undefined' && performance.mark) performance.mark(name); };

  const run = (goInstance, instance) => {
    mark('gotrue-wasm:run');
    goInstance.argv = ['gotrue.wasm', bootName];
    globalThis[bootName] = (bridge) => {
      B = bridge;
      return glue;
    };
    memoryOf = instance.exports.mem;
    try {
      goInstance.run(instance).then(() => { B = null; });
    } finally {
      delete globalThis[bootName];
    }
    if (!B) throw new Error('gotrue-wasm: gotrue.wasm started but did not register its bridge');
    mark('gotrue-wasm:running');
    return B;
  };

  // start runs Go, once; it returns the Promise of the bridge.
  const start = () => {
    if (B) return Promise.resolve(B);
    if (!starting) {
      const goInstance = new Go();
      starting = Promise.resolve()
        .then(() => loader.instantiate(goInstance.importObject))
        .then((instance) => run(goInstance, instance));
      starting.catch(() => { starting = null; });
    }
    return starting;
  };

  // goCall calls a bridge function with the Promise's resolve and reject
  // and the arguments args() gives then: at once while Go runs (Go then
  // takes a flow's first steps before the call returns, as gotrue-js's
  // code does), else once Go runs, starting it if need be. When Go cannot
  // start, it rejects with the one Error that says why.
  const goCall = (fn, args) => {
    const call = (bridge) => new Promise((resolve, reject) => bridge[fn](resolve, reject, ...args()));
    if (B) return call(B);
    return start().then(call, (error) => { throw noAnswer(error); });
  };

  // Ahead of need: after the load event, at low priority, then Go when idle.
  const whenLoaded = (fn) => {
    if (document.readyState === 'complete') fn();
    else window.addEventListener('load', fn, { once: true });
  };
  const whenIdle = (fn) => whenLoaded(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn) : setTimeout(fn, 0)));
  const startWhenIdle = (compiled) => compiled.then(() => whenIdle(() => start().catch(() => {})), () => {});
  const inPage = typeof window !== 'undefined' && typeof document !== 'undefined' && !!loader.prefetch;
  let prefetchAsked = false;
  const prefetch = () => {
    if (!inPage || prefetchAsked) return;
    prefetchAsked = true;
    whenLoaded(() => startWhenIdle(loader.prefetch('low')));
  };
  if (inPage) {
    // With a session stored, the page will validate or refresh it: the
    // fetch starts as the entry runs (a fetch call, which costs the page
    // nothing to speak of; compiling is the engine's, streamed).
    if (storedSession()) {
      // A page's first Web Lock takes Chromium some 20 ms to set up: start
      // that now, so that a refresh the page asks for (D9) need not; and
      // fetch the module once it is set up, so that compiling a cached
      // module does not hold the lock's grant back.
      const locks = typeof navigator !== 'undefined' && navigator.locks && typeof navigator.locks.query === 'function' ? navigator.locks.query() : Promise.resolve();
      locks.catch(() => {}).then(() => startWhenIdle(loader.prefetch()));
    }
    if (loader.prefetchRequested) prefetch();
  }

  GoTrue.default = GoTrue;
  GoTrue.GoTrue = GoTrue;
  GoTrue.User = User;
  GoTrue.Admin = Admin;
  GoTrue.HTTPError = HTTPError;
  GoTrue.TextHTTPError = TextHTTPError;
  GoTrue.JSONHTTPError = JSONHTTPError;
  // ready resolves when Go runs; asking for it starts Go (and fetches
  // gotrue.wasm first, if need be). After a failure, asking again tries
  // again.
  Object.defineProperty(GoTrue, 'ready', {
    get() {
      const ready = start().then(() => undefined);
      ready.catch(() => {}); // reported to whoever awaits it
      return ready;
    },
    enumerable: true,
  });
  // prefetch asks for gotrue.wasm ahead of need, for a page that knows a
  // sign-in is coming: it is fetched after the page's load event, at low
  // priority, and Go started when the page is idle.
  Object.defineProperty(GoTrue, 'prefetch', { value: prefetch, enumerable: true });
  // Diagnostics for leak tests and benchmarks, under a symbol so no
  // gotrue-js surface changes: calls under way in Go, js.Funcs, goroutines,
  // memory. stats(true) runs Go's collector first.
  Object.defineProperty(GoTrue, Symbol.for('gotrue-wasm.stats'), {
    value: (collect) => {
      if (!B) return { started: !!starting };
      const [calls, goroutines, funcs, awaits, releasing] = B.stats(collect);
      return { calls, goroutines, funcs, awaits, releasing, refreshes: Object.keys(refreshPromises).length, wasmMemory: memoryOf ? memoryOf.buffer.byteLength : 0 };
    },
  });
  return GoTrue;
}
