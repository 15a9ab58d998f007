//go:build js && wasm

package main

import (
	"os"
	"testing"

	"github.com/hack-pad/safejs"
)

// jsEval runs JavaScript source in tests (the Node runner has no CSP).
func jsEval(src string) safejs.Value {
	fn, err := safejs.Global().Get("Function")
	if err != nil {
		panic(err)
	}
	f, err := fn.New(src)
	if err != nil {
		panic(err)
	}
	v, err := f.Invoke()
	if err != nil {
		panic(err)
	}
	return v
}

// TestMain installs what the glue would give, and a localStorage shim
// (Node 20 has none).
func TestMain(m *testing.M) {
	if err := lookupGlobals(); err != nil {
		panic(err)
	}
	g := jsEval(`
		class HTTPError extends Error { constructor(r) { super(r.statusText); this.name = 'HTTPError'; this.status = r.status; } }
		class TextHTTPError extends HTTPError { constructor(r, data) { super(r); this.name = 'TextHTTPError'; this.data = data; } }
		class JSONHTTPError extends HTTPError { constructor(r, json) { super(r); this.name = 'JSONHTTPError'; this.json = json; } }
		class Throw { constructor(e) { this.error = e; } }
		class API { constructor(url, o) { this.apiURL = url; this.defaultHeaders = (o && o.defaultHeaders) || {}; } }
		class User {} class Admin {} class GoTrue {}
		globalThis.__bound = new Map();
		// request as in js/src/glue.js (the browser suites run the real one).
		async function request(url, method, headers, body, credentials) {
			const init = { method, headers: {} };
			for (let i = 0; i < headers.length; i += 2) init.headers[headers[i]] = headers[i + 1];
			if (typeof body === 'string') init.body = body;
			if (credentials) init.credentials = credentials;
			const res = await fetch(url, init);
			return [res.status, res.statusText, res.headers.get('Content-Type'), await res.text()];
		}
		function httpError(status, statusText, isJSON, body, message) {
			const res = { status, statusText };
			if (!isJSON) return new TextHTTPError(res, body);
			const e = new JSONHTTPError(res, JSON.parse(body));
			if (message !== statusText) e.message = message;
			return e;
		}
		globalThis.__logged = [];
		const log = (level, text) => { __logged.push([level, text]); };
		function user(u, id, token, api, url, audience, newToken, tokenJSON, nanExpiry, fields) {
			if (u === null) u = Object.create(User.prototype);
			u.token = token; u.api = api; u.url = url; u.audience = audience;
			mirror(u, newToken, tokenJSON, nanExpiry, fields);
			__bound.set(id, u);
			return u;
		}
		function mirror(u, newToken, token, nanExpiry, fields) {
			if (newToken) { u.token = token === null ? null : JSON.parse(token); if (nanExpiry) u.token.expires_at = NaN; }
			if (fields !== null) Object.assign(u, JSON.parse(fields));
		}
		const awaitP = (p, id) => { p.then((v) => __settled(id, true, v), (e) => __settled(id, false, e)); };
		function api(obj, url, defaultHeaders, id) { if (obj === null) obj = new API(url, { defaultHeaders }); __bound.set(id, obj); return obj; }
		return { GoTrue, User, Admin, API, Throw, bind(o, id) { __bound.set(id, o); }, request, httpError, log, await: awaitP, user, mirror, api };`)
	if err := loadGlue(g); err != nil {
		panic(err)
	}
	settledFunc, err := syncFunc("settled", settled)
	if err == nil {
		err = safejs.Global().Set("__settled", settledFunc)
	}
	if err != nil {
		panic(err)
	}
	jsEval(`
		const m = new Map();
		globalThis.localStorage = { getItem: (k) => m.has(k) ? m.get(k) : null, setItem: (k, v) => { m.set(k, String(v)); }, removeItem: (k) => { m.delete(k); } };
		return null;`)
	os.Exit(m.Run())
}
