//go:build js && wasm

package main

import (
	"context"
	"errors"
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

// TestExchangeOutcomes: the exchange reads the answer of the glue's fetch
// and says what it is, and whether the server answered at all (D8).
func TestExchangeOutcomes(t *testing.T) {
	f, err := asyncFunc("exchange", exchange)
	require.NoError(t, err)
	outcome := func(answer string) string {
		t.Helper()
		v, err := await(asyncBridgeCall(t, f, jsEval(`return `+answer+`;`)))
		require.NoError(t, err)
		show, err := jsEval(`return (o) => JSON.stringify(o.map((x) => x instanceof Error ? x.name + ': ' + x.message : x));`).Invoke(v)
		require.NoError(t, err)
		return jsString(show)
	}
	cases := []struct{ answer, want string }{
		{`Promise.resolve([200, 'OK', 'application/json', '{"a":1}'])`, `[true,"{\"a\":1}"]`},
		{`Promise.resolve([204, 'No Content', null, ''])`, `[true,"\"\""]`},
		{`Promise.resolve([400, 'Bad Request', 'application/json', '{"msg":"no"}'])`, `[false,"JSONHTTPError: Bad Request",false]`},
		{`Promise.resolve([503, 'Service Unavailable', 'text/plain', 'down'])`, `[false,"TextHTTPError: Service Unavailable",true]`},
		{`Promise.resolve([200, 'OK', 'application/json', '{"access_token":"eyJ'])`, `[false,"SyntaxError: unexpected end of JSON input",false]`},
		{`Promise.reject(new TypeError('Failed to fetch'))`, `[false,"TypeError: Failed to fetch",true]`},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, outcome(c.answer), c.answer)
	}
	assert.Zero(t, pendingAwaits())
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

// TestRefreshThroughTheGlue: jwt(true) on a User runs the glue's
// _refreshToken, whose request Go's refresh has the glue send (with the
// body Go decided, to the page's API), and whose outcome the glue applies.
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

	_, err = refreshSend{id: -1}.Do(context.Background(), &browser.Request{Body: []byte("x")})
	thrown, ok := thrownValue(err)
	require.True(t, ok, "the glue's rejection comes back as itself")
	assert.Equal(t, "gotrue-wasm: internal error: no refresh -1", prop(t, thrown, "message"))
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
