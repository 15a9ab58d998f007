//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"maps"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func prop(t *testing.T, v safejs.Value, key string) string {
	t.Helper()
	p, err := v.Get(key)
	require.NoError(t, err)
	return jsString(p)
}

func TestErrToJS(t *testing.T) {
	he := &browser.HTTPError{Status: 400, StatusText: "Bad Request", JSON: []byte(`{"error":"invalid_grant","error_description":"nope"}`)}
	v := errToJS(he)
	assert.Equal(t, "JSONHTTPError", prop(t, v, "name"))
	assert.Equal(t, "Bad Request", prop(t, v, "message"), "unshaped until a request shapes it")
	isErr, err := v.InstanceOf(jsError)
	require.NoError(t, err)
	assert.True(t, isErr)

	text := errToJS(&browser.HTTPError{Status: 404, StatusText: "Not Found", Text: "404 page not found\n"})
	assert.Equal(t, "TextHTTPError", prop(t, text, "name"))
	assert.Equal(t, "404 page not found\n", prop(t, text, "data"))

	syn := errToJS(&browser.SyntaxError{Err: errors.New("invalid character '<' looking for beginning of value")})
	assert.Equal(t, "SyntaxError", prop(t, syn, "name"))

	orig := jsEval(`return new RangeError('from JS')`)
	assert.True(t, errToJS(newJSThrown(orig)).Equal(orig), "JavaScript errors pass through as themselves")
	plain := errToJS(browser.ErrRefreshTimeout)
	assert.Equal(t, "Error", prop(t, plain, "name"))
	assert.Equal(t, "Token refresh timeout", prop(t, plain, "message"), "gotrue-js's text")
}

// TestAPIRequestOutcomes: API.request reads the answer of the page's fetch
// and says what it is, and whether the server answered at all (D8).
func TestAPIRequestOutcomes(t *testing.T) {
	f, err := asyncFunc("apiRequest", apiRequest)
	require.NoError(t, err)
	outcome := func(answer string) string {
		t.Helper()
		jsEval(`globalThis.fetch = async () => ` + answer + `; return null;`)
		v, err := await(asyncBridgeCall(t, f, jsEval(`return new lib().api;`), "/settings", jsEval(`return {};`)))
		require.NoError(t, err)
		show, err := jsEval(`return (o) => JSON.stringify(o.map((x) => x instanceof Error ? x.name + ': ' + x.message : x));`).Invoke(v)
		require.NoError(t, err)
		return jsString(show)
	}
	answer := func(status int, statusText, typ, body string) string {
		return fmt.Sprintf(`new Response(%q, { status: %d, statusText: %q, headers: %s })`, body, status, statusText,
			map[bool]string{true: `{ 'Content-Type': '` + typ + `' }`, false: `{}`}[typ != ""])
	}
	cases := []struct{ answer, want string }{
		{answer(200, "OK", "application/json", `{"a":1}`), `[true,{"a":1}]`},
		{`new Response(null, { status: 204, statusText: 'No Content' })`, `[true,""]`},
		{answer(400, "Bad Request", "application/json", `{"msg":"no"}`), `[false,"JSONHTTPError: Bad Request",false]`},
		{answer(503, "Service Unavailable", "text/plain", "down"), `[false,"TextHTTPError: Service Unavailable",true]`},
		{answer(200, "OK", "application/json", `{"access_token":"eyJ`), `[false,"SyntaxError: unexpected end of JSON input",false]`},
		{`{ throw new TypeError('Failed to fetch'); }`, `[false,"TypeError: Failed to fetch",true]`},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, outcome(c.answer), c.answer)
	}
	assert.Zero(t, pendingAwaits())
}

// TestWhatARequestCarries: the core composes each request from the page's
// objects: the API URL and the path, the API's headers step (default
// headers, Content-Type only with a body, the call's own), credentials on
// the page's origin, X-JWT-AUD and the Bearer token of a User's _request;
// and a request step page code replaced is called through the object.
func TestWhatARequestCarries(t *testing.T) {
	jsEval(`globalThis.sent = [];
		globalThis.fetch = async (url, init) => {
			sent.push({ url, ...init });
			return new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
		}; return null;`)
	got := func(src string) string {
		t.Helper()
		_, err := await(jsEval(src))
		require.NoError(t, err)
		return jsString(jsEval(`return JSON.stringify(sent.splice(0));`))
	}
	cases := []struct{ name, src, want string }{
		{"a GET on the page's origin", `return new lib({ APIUrl: '/id' }).api.request('/settings');`,
			`[{"url":"/id/settings","headers":{"X-Nf-Client":"gotrue-js"},"credentials":"same-origin"}]`},
		{"a POST elsewhere", `return new lib({ APIUrl: 'https://id.example' }).api.request('/signup', { method: 'POST', body: '{}', headers: { A: '1' } });`,
			`[{"url":"https://id.example/signup","method":"POST","body":"{}","headers":{"X-Nf-Client":"gotrue-js","Content-Type":"application/json","A":"1"}}]`},
		{"GoTrue._request with an audience", `return new lib({ APIUrl: 'https://id.example', audience: 'aud' })._request('/settings');`,
			`[{"url":"https://id.example/settings","headers":{"X-Nf-Client":"gotrue-js","X-JWT-AUD":"aud"}}]`},
		{"User._request", `const u = new lib.User(new lib({ APIUrl: 'https://id.example' }).api, { access_token: 'a.eyJleHAiOjQxMDI0NDQ4MDB9.c', refresh_token: 'r' }, 'x');
			return u._request('/user', { audience: 'y' });`,
			`[{"url":"https://id.example/user","audience":"y","headers":{"X-Nf-Client":"gotrue-js","X-JWT-AUD":"y","Authorization":"Bearer a.eyJleHAiOjQxMDI0NDQ4MDB9.c"}}]`},
		{"a replaced api.request", `const a = new lib({ APIUrl: 'https://id.example' });
			a.api.request = function (path, options) { return lib.prototype.constructor.prototype.settings ? Object.getPrototypeOf(this).request.call(this, path + '?x=1', options) : null; };
			return a.settings();`,
			`[{"url":"https://id.example/settings?x=1","headers":{"X-Nf-Client":"gotrue-js"}}]`},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, got(c.src), c.name)
	}
}

// TestStorage: the core's storage is the glue's store, which falls back to
// memory for good once localStorage throws (D4), and never throws itself.
func TestStorage(t *testing.T) {
	var s jsStorage
	_, ok, err := s.Get("k")
	require.NoError(t, err)
	assert.False(t, ok)
	require.NoError(t, s.Set("k", "v"))
	v, ok, err := s.Get("k")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, "v", v)
	require.NoError(t, s.Remove("k"))

	jsEval(`globalThis.savedLS = globalThis.localStorage; Object.defineProperty(globalThis, 'localStorage', { configurable: true, get() { throw new Error('SecurityError'); } }); return null;`)
	defer jsEval(`Object.defineProperty(globalThis, 'localStorage', { configurable: true, writable: true, value: savedLS }); return null;`)
	require.NoError(t, s.Set("k", "mem"), "a throwing localStorage is no error: memory takes over")
	v, ok, _ = s.Get("k")
	assert.True(t, ok)
	assert.Equal(t, "mem", v)
}

// TestRefreshThroughTheGlue: jwt(true) on a User runs the core's refresh,
// whose request goes through the User's API object (the library's own, or
// one page code replaced) and whose answer is applied through the User's
// steps, a patched one included.
func TestRefreshThroughTheGlue(t *testing.T) {
	jsEval(`globalThis.sent = [];
		globalThis.fetch = async (url, init) => {
			sent.push({ url, method: init.method, body: init.body, type: init.headers['Content-Type'], client: init.headers['X-Nf-Client'] });
			return new Response('{"access_token":"a.eyJleHAiOjQxMDI0NDQ4MDB9.c","token_type":"bearer","expires_in":3600,"refresh_token":"r2"}',
				{ status: 200, headers: { 'Content-Type': 'application/json' } });
		}; return null;`)
	p := jsEval(`const auth = new lib({ APIUrl: 'https://id.example/x' });
		globalThis.u = new lib.User(auth.api, { access_token: 'a.eyJleHAiOjF9.c', refresh_token: 'r1' }, '');
		return u.jwt(true);`)
	v, err := await(p)
	require.NoError(t, err)
	assert.Equal(t, "a.eyJleHAiOjQxMDI0NDQ4MDB9.c", jsString(v))
	got := jsString(jsEval(`return JSON.stringify({ sent, rt: u.token.refresh_token, exp: u.token.expires_at });`))
	assert.Equal(t, `{"sent":[{"url":"https://id.example/x/token","method":"POST","body":"grant_type=refresh_token&refresh_token=r1",`+
		`"type":"application/x-www-form-urlencoded","client":"gotrue-js"}],"rt":"r2","exp":4102444800000}`, got, "outside a page, X-Nf-Client is sent (D3)")

	p = jsEval(`const a = new lib({ APIUrl: 'https://id.example/x' });
		a.api.request = function (path, options) { sent.push({ replaced: path, body: options.body }); return Promise.resolve({ access_token: 'a.eyJleHAiOjQxMDI0NDQ4MDB9.c', refresh_token: 'r4' }); };
		globalThis.u2 = new lib.User(a.api, { access_token: 'a.eyJleHAiOjF9.c', refresh_token: 'r3' }, '');
		sent.length = 0;
		return u2.jwt(true);`)
	_, err = await(p)
	require.NoError(t, err)
	assert.Equal(t, `{"sent":[{"replaced":"/token","body":"grant_type=refresh_token&refresh_token=r3"}],"rt":"r4"}`,
		jsString(jsEval(`return JSON.stringify({ sent, rt: u2.token.refresh_token });`)), "a request step page code replaced sends the refresh")

	p = jsEval(`const a = new lib({ APIUrl: 'https://id.example/x' });
		globalThis.steps = [];
		a.api.request = (path, options) => Promise.resolve({ access_token: 'a.eyJleHAiOjQxMDI0NDQ4MDB9.c', refresh_token: 'r6' });
		globalThis.u3 = new lib.User(a.api, { access_token: 'a.eyJleHAiOjF9.c', refresh_token: 'r5' }, '');
		const process = u3._processTokenResponse;
		u3._processTokenResponse = function (t) { steps.push('process ' + t.refresh_token); return process.call(this, t); };
		u3._refreshSavedSession = function () { steps.push('refreshSaved'); return this; };
		return u3.jwt(true);`)
	v, err = await(p)
	require.NoError(t, err)
	assert.Equal(t, "a.eyJleHAiOjQxMDI0NDQ4MDB9.c", jsString(v))
	assert.Equal(t, `["process r6","refreshSaved"]`, jsString(jsEval(`return JSON.stringify(steps);`)), "the answer is applied through the object")

	p = jsEval(`steps.length = 0;
		u3.api.request = () => Promise.reject(new lib.JSONHTTPError({ status: 400, statusText: 'Bad Request' }, { error: 'invalid_grant' }));
		u3.clearSession = function () { steps.push('clear'); throw new Error('clearSession threw'); };
		return u3.jwt(true);`)
	_, err = await(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "clearSession threw", "what clearSession throws is what the page gets, as in gotrue-js")
	assert.Equal(t, `["clear"]`, jsString(jsEval(`return JSON.stringify(steps);`)))
}

// asyncBridgeCall calls an asynchronous bridge function as the glue's
// call() does: inside a Promise executor, resolve and reject first.
func asyncBridgeCall(t *testing.T, f safejs.Func, args ...any) safejs.Value {
	t.Helper()
	p := jsEval(`return (f, args) => new Promise((resolve, reject) => { f(resolve, reject, ...args); });`)
	v, err := p.Invoke(f, args)
	require.NoError(t, err)
	return v
}

func TestAsyncBridgeRecoversPanics(t *testing.T) {
	f, err := asyncFunc("boom", func([]safejs.Value) (work, error) {
		return func(browser.Context) (any, error) { panic("boom") }, nil
	})
	require.NoError(t, err)
	_, err = await(asyncBridgeCall(t, f))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "gotrue-wasm: internal error: boom")

	f, err = asyncFunc("early", func([]safejs.Value) (work, error) { panic("early") })
	require.NoError(t, err)
	_, err = await(asyncBridgeCall(t, f))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "gotrue-wasm: internal error in early: early")
	assert.Zero(t, pendingAwaits(), "every await was settled and forgotten")
}

func TestAwaitResolvesAndRejects(t *testing.T) {
	v, err := await(jsEval(`return Promise.resolve(42);`))
	require.NoError(t, err)
	n, _ := v.Int()
	assert.Equal(t, 42, n)
	_, err = await(jsEval(`return Promise.reject(new RangeError('no'));`))
	v, ok := thrownValue(err)
	require.True(t, ok, "the reason comes back as itself")
	assert.Equal(t, "RangeError", prop(t, v, "name"))
	assert.Zero(t, pendingAwaits())
}

// TestFlowsThrowAtOnce: a flow's method throws what gotrue-js's throws at
// once, before Go runs anything: the TypeError of a method called without
// its object, and the errors of the arguments its request body takes.
func TestFlowsThrowAtOnce(t *testing.T) {
	cases := []struct{ name, call, want string }{
		{"settings without its object", `lib.prototype.settings.call(undefined)`, "TypeError: Cannot read properties of undefined (reading '_request')"},
		{"login with a lone surrogate", `new lib().login('\uD800', 'pw')`, "URIError: URI malformed"},
		{"login on an object without _setRememberHeaders", `lib.prototype.login.call({}, 'a', 'b')`, "TypeError: this._setRememberHeaders is not a function"},
		{"signup with a BigInt", `new lib().signup('a@b.c', 'pw', { n: 1n })`, "TypeError: Do not know how to serialize a BigInt"},
		{"an admin without a user", `new lib.Admin(undefined).listUsers()`, "TypeError: Cannot read properties of undefined (reading '_request')"},
		{"logout on a User without clearSession", `(() => { const u = Object.create(lib.User.prototype); u.clearSession = undefined; u._request = () => Promise.resolve(); return u.logout(); })()`,
			"TypeError: Cannot read properties of undefined (reading 'bind')"},
	}
	for _, c := range cases {
		got := jsString(jsEval(`try { ` + c.call + `; return 'no throw'; } catch (e) { return e.name + ': ' + e.message; }`))
		assert.Equal(t, c.want, got, c.name)
	}
}

// TestJSNameMadeOnce: a name Go hands the glue is one JavaScript string,
// made once, until maxNames; past that, each use makes its own.
func TestJSNameMadeOnce(t *testing.T) {
	kept := maps.Clone(names.m)
	t.Cleanup(func() { names.m = kept }) // later tests meet the table the flows made, not a full one
	before := len(names.m)
	first, ok := jsName("a name no flow uses").(safejs.Value)
	require.True(t, ok)
	assert.Equal(t, "a name no flow uses", jsString(first))
	assert.Len(t, names.m, before+1, "the first use makes the string")
	_, ok = jsName("a name no flow uses").(safejs.Value)
	require.True(t, ok)
	assert.Len(t, names.m, before+1, "a second use makes none") // (=== compares strings by value, so Equal could not tell)

	for i := 0; len(names.m) < maxNames; i++ {
		jsName(fmt.Sprintf("filler-%d", i))
	}
	assert.Equal(t, "one too many", jsName("one too many"), "past maxNames, a Go string, made into a JavaScript one by the call")
	assert.Len(t, names.m, maxNames)
}
