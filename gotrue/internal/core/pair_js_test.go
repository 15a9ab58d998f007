//go:build js && wasm

package core

// Pair tests. A few rules exist twice in gotrue-wasm: the core has them,
// and the synchronous methods of js/src/glue.js need them before Go runs
// (a JWT's expiry, the stored session's format, the fields a save skips).
// The core is the reference. Here it is held to gotrue-js 1.0.1 itself,
// loaded into the same Node process from js/tools (make tools), and the
// glue's copy is held to the core: the same inputs, the same results. The
// requests the core composes are held to gotrue-js's too.

import (
	"encoding/base64"
	"errors"
	"sort"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gotrueJS is gotrue-js 1.0.1's CommonJS build, with window and a
// localStorage over a Map, as a page gives it.
var gotrueJS = func() js.Value {
	js.Global().Call("eval", `
		globalThis.window = globalThis;
		const items = new Map();
		globalThis.localStorage = { getItem: (k) => items.has(k) ? items.get(k) : null, setItem: (k, v) => { items.set(k, String(v)); }, removeItem: (k) => { items.delete(k); } };
		globalThis.addEventListener = () => {};
		globalThis.__logged = [];
		console.error = (e) => { __logged.push(String(e && e.message)); };
		console.warn = (w) => { __logged.push(String(w)); };`)
	path := js.Global().Get("require").Invoke("path")
	file := path.Call("resolve", js.Global().Get("process").Call("cwd"), "../../../js/tools/node_modules/gotrue-js/lib/index.cjs")
	return js.Global().Get("require").Invoke(file)
}()

// glueJS is gotrue-wasm's own GoTrue, from js/src/glue.js, before Go runs
// (its synchronous methods need none).
var glueJS = func() js.Value {
	fs := js.Global().Get("require").Invoke("fs")
	src := fs.Call("readFileSync", "../../../js/src/glue.js", "utf8").String()
	create := js.Global().Get("Function").New(src + "\nreturn createGoTrue;").Invoke()
	return create.Invoke(js.Global().Get("Object"), js.Global().Get("Object").New())
}()

// libraries are the JavaScript held to the core by each pair test of a
// rule: gotrue-js's classes GoTrue and User, and the glue's.
var libraries = []struct {
	name         string
	GoTrue, User js.Value
}{
	{"gotrue-js", gotrueJS.Get("default"), gotrueJS.Get("User")},
	{"gotrue-wasm's glue", glueJS, glueJS.Get("User")},
}

// jsAwait waits for a Promise, from the test's goroutine.
func jsAwait(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	done := make(chan result, 1)
	var ok, fail js.Func
	ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{v: args[0]}
		ok.Release()
		fail.Release()
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{v: args[0], err: errors.New(args[0].Call("toString").String())}
		ok.Release()
		fail.Release()
		return nil
	})
	p.Call("then", ok, fail)
	r := <-done
	return r.v, r.err
}

// jwtWith is a JWT whose payload segment is payload's bytes,
// base64url-encoded.
func jwtWith(payload string) string {
	return "eyJhbGciOiJIUzI1NiJ9." + base64.RawURLEncoding.EncodeToString([]byte(payload)) + ".c2ln"
}

// TestPairTokenExpiry: expires_at as gotrue-js's _processTokenResponse
// computes it, for the JWTs servers and pages hand it, and the token as it
// is then stored (JSON.stringify: NaN and Infinity are null).
func TestPairTokenExpiry(t *testing.T) {
	tokens := []string{
		jwtWith(`{"exp":1796411814}`), jwtWith(`{"exp":1e306}`), jwtWith(`{"exp":"1e306"}`), jwtWith(`{"exp":-1}`),
		jwtWith(`{"exp":1.5}`), jwtWith(`{"exp":-0}`), jwtWith(`{"exp":" 12 "}`), jwtWith(`{"exp":"0x10"}`), jwtWith(`{"exp":[7]}`),
		jwtWith(`{"exp":{"a":1}}`), jwtWith(`{"exp":null}`), jwtWith(`{"exp":true}`), jwtWith(`{}`), jwtWith(`5`), jwtWith(`[1]`),
		jwtWith(`"s"`), jwtWith(`null`), jwtWith(`{"exp":1,"exp":2}`), jwtWith("\xef\xbb\xbf{\"exp\":3}"), jwtWith("{\"exp\":4,\"n\":\"\xff\"}"),
		jwtWith(`{"exp":`), "eyJ.eyJ", "no-dots", "a.b=.c", "a.YQ.c", "a.Y.c", "a..c", "",
	}
	for _, lib := range libraries {
		t.Run(lib.name, func(t *testing.T) { pairTokenExpiry(t, lib.User, tokens) })
	}
}

func pairTokenExpiry(t *testing.T, User js.Value, tokens []string) {
	for _, access := range tokens {
		u := js.Global().Get("Object").Call("create", User.Get("prototype"))
		tok := js.Global().Get("Object").New()
		tok.Set("access_token", access)
		tok.Set("expires_at", 5)
		u.Call("_processTokenResponse", tok)
		want := js.Global().Get("JSON").Call("stringify", u.Get("token")).String()
		wantNumber := js.Global().Call("String", u.Get("token").Get("expires_at")).String()

		in := Object{}
		in.SetString("access_token", access)
		in.Set("expires_at", RawJSON("5"))
		got, _ := newToken(in)
		raw, _ := got.MarshalJSON()
		assert.Equal(t, want, string(raw), "the stored token of %q", access)
		assert.Equal(t, wantNumber, formatJSNumber(got.ExpiresAt), "expires_at of %q", access)
	}
}

// TestPairSkippedKeys: the names _saveUserData and _details skip are those
// found on User.prototype, inherited ones included.
func TestPairSkippedKeys(t *testing.T) {
	var ours []string
	for k := range prototypeKeys {
		ours = append(ours, k)
	}
	sort.Strings(ours)
	for _, lib := range libraries {
		names := js.Global().Get("Function").New("User", `
			const names = new Set();
			for (let p = User.prototype; p; p = Object.getPrototypeOf(p)) Object.getOwnPropertyNames(p).forEach((n) => names.add(n));
			return [...names].sort().join(',');`).Invoke(lib.User).String()
		assert.Equal(t, names, strings.Join(ours, ","), lib.name)
	}
}

// TestPairRecoverSession: what recovering a stored session gives, for
// sessions stored by either version and for what else storage may hold.
func TestPairRecoverSession(t *testing.T) {
	access := jwtWith(`{"exp":1796411814,"sub":"u1"}`)
	stored := []string{
		`{"token":{"access_token":"` + access + `","token_type":"bearer","expires_in":3600,"refresh_token":"r1","expires_at":1},"url":"/.netlify/identity","audience":"","id":"u1","email":"a@example.com","user_metadata":{"full_name":"A"},"_fromStorage":true}`,
		`{"url":"https://x.example/.netlify/identity","token":{"access_token":"` + access + `","refresh_token":"r2"},"id":"u2","email":"b@example.com"}`,
		`{"token":{"access_token":"` + access + `"},"url":"/i","audience":"shop","jwt":"f","constructor":1,"toString":2,"api":{"x":1},"token2":3,"__proto__":{"p":1}}`,
		`{"token":{"access_token":"x"},"url":"/i"}`,
		`{"token":"abc","url":"/i"}`, `{"token":{"access_token":"` + access + `"},"url":""}`, `{"token":null,"url":"/i"}`,
		`{"url":"/i"}`, `[]`, `5`, `null`, `{"token":`, `not json`, ``,
	}
	for _, lib := range libraries {
		t.Run(lib.name, func(t *testing.T) { pairRecoverSession(t, lib.GoTrue, stored) })
	}
}

func pairRecoverSession(t *testing.T, GoTrue js.Value, stored []string) {
	storage := js.Global().Get("localStorage")
	for _, s := range stored {
		storage.Call("setItem", StorageKey, s)
		logged := js.Global().Get("__logged")
		logged.Set("length", 0)
		g := GoTrue.New()
		u := g.Call("currentUser")
		want := "null"
		if !u.IsNull() {
			want = js.Global().Get("JSON").Call("stringify", u.Get("_details")).String()
			u.Call("clearSession")
		}
		wantLogs := logged.Length()

		store := &MemoryStorage{}
		require.NoError(t, store.Set(StorageKey, s))
		var logs []string
		r := NewRealm(WithStorage(store), WithLogger(func(_, msg string) { logs = append(logs, msg) }))
		got := "null"
		if cu := New(r, Options{}).CurrentUser(); cu != nil {
			got = string(cu.Details())
		}
		assert.Equal(t, want, got, "recovering %s", s)
		assert.Equal(t, wantLogs, len(logs), "console.error calls recovering %s: %v", s, logs)
	}
}

// pairFetch answers gotrue-js's requests with canned responses and records
// what it sent, as recording does for the core.
var pairFetch = js.Global().Get("Function").New(`
	globalThis.__sent = [];
	globalThis.__answer = { status: 200, statusText: 'OK', type: 'application/json', body: '{}' };
	globalThis.fetch = async (url, init) => {
		const headers = Object.entries(init.headers || {}).map(([k, v]) => k.toLowerCase() + ': ' + v).sort();
		__sent.push(JSON.stringify({ url, method: init.method || 'GET', headers, body: init.body === undefined ? null : init.body, credentials: init.credentials || null }));
		const a = __answer;
		return new Response(a.body, { status: a.status, statusText: a.statusText, headers: a.type ? { 'Content-Type': a.type } : {} });
	};`)

// recording is the core's Transport for the pair tests: it records as
// pairFetch does and gives the same answer.
type recording struct{ sent []string }

func (r *recording) Do(_ Context, req *Request) (*Response, error) {
	var headers []string
	for _, h := range req.Header {
		headers = append(headers, strings.ToLower(h.Name)+": "+h.Value)
	}
	sort.Strings(headers)
	entry := js.Global().Get("Object").New()
	entry.Set("url", req.URL)
	entry.Set("method", req.Method)
	hs := js.Global().Get("Array").New()
	for _, h := range headers {
		hs.Call("push", h)
	}
	entry.Set("headers", hs)
	if req.Body != nil {
		entry.Set("body", string(req.Body))
	} else {
		entry.Set("body", js.Null())
	}
	if req.Credentials != "" {
		entry.Set("credentials", req.Credentials)
	} else {
		entry.Set("credentials", js.Null())
	}
	r.sent = append(r.sent, js.Global().Get("JSON").Call("stringify", entry).String())
	a := js.Global().Get("__answer")
	res := &Response{Status: a.Get("status").Int(), StatusText: a.Get("statusText").String(), Body: []byte(a.Get("body").String())}
	if t := a.Get("type"); t.Truthy() {
		res.Header = Header{{"Content-Type", t.String()}}
	}
	return res, nil
}

// TestPairRequests: the requests the core's Client and User send, headers
// (X-Nf-Client, Content-Type, X-JWT-AUD, X-Use-Cookie, Authorization),
// bodies and credentials, are gotrue-js's; and so is an error's message.
func TestPairRequests(t *testing.T) {
	pairFetch.Invoke()
	GoTrue := gotrueJS.Get("default")
	access := jwtWith(`{"exp":1796411814,"sub":"u1"}`)
	tokenBody := `{"access_token":"` + access + `","token_type":"bearer","expires_in":3600,"refresh_token":"r1"}`
	type call struct {
		name    string
		options string // the GoTrue constructor's options, as JavaScript
		js      string // with g the GoTrue
		goCall  func(c *Client) error
	}
	calls := []call{
		{"settings", `{ APIUrl: '/.netlify/identity' }`, `g.settings()`, func(c *Client) error { _, err := c.Settings(ctx()); return err }},
		{"settings, audience", `{ APIUrl: 'https://id.example/x', audience: 'shop' }`, `g.settings()`, func(c *Client) error { _, err := c.Settings(ctx()); return err }},
		{"signup", `{ clientName: 'widget' }`, `g.signup('a b@example.com', 'p&w', { n: 1 })`, func(c *Client) error {
			_, err := c.Signup(ctx(), "a b@example.com", "p&w", RawJSON(`{"n":1}`))
			return err
		}},
		{"requestPasswordRecovery", `{ audience: 'a' }`, `g.requestPasswordRecovery('x@example.com')`, func(c *Client) error {
			_, err := c.RequestPasswordRecovery(ctx(), "x@example.com")
			return err
		}},
		{"verify, setCookie", `{ setCookie: true }`, `g.verify('signup', 't', true)`, func(c *Client) error { _, err := c.Verify(ctx(), "signup", "t", true); return err }},
		{"login, setCookie, not remembered", `{ setCookie: true, audience: 'aud' }`, `g.login("o'brien+x@example.com", "p w!", false)`, func(c *Client) error {
			_, err := c.Login(ctx(), "o'brien+x@example.com", "p w!", false)
			return err
		}},
	}
	for _, c := range calls {
		js.Global().Set("__answer", answer(200, "OK", "application/json", tokenBody))
		js.Global().Set("__sent", js.Global().Get("Array").New())
		g := js.Global().Get("Function").New("GoTrue", "return new GoTrue("+c.options+")").Invoke(GoTrue)
		_, err := jsAwait(js.Global().Get("Function").New("g", "return Promise.resolve().then(() => "+c.js+")").Invoke(g))
		require.NoError(t, err, c.name)
		want := sentList()

		rec := &recording{}
		opts := clientOptions(c.options)
		opts.Transport = rec
		require.NoError(t, c.goCall(New(NewRealm(), opts)), c.name)
		assert.Equal(t, want, rec.sent, c.name)
	}

	// A user's requests, with its audience, and an error's message.
	for _, body := range []string{`{"code":400,"msg":"Bad thing"}`, `{"error":"invalid_grant","error_description":"No"}`, `{"error":"x"}`, `{"msg":"","error":""}`, `[]`, `"s"`} {
		js.Global().Set("__answer", answer(200, "OK", "application/json", tokenBody))
		g := js.Global().Get("Function").New("GoTrue", "return new GoTrue({ audience: 'shop' })").Invoke(GoTrue)
		u, err := jsAwait(g.Call("createUser", js.Global().Get("JSON").Call("parse", tokenBody)))
		require.NoError(t, err)
		js.Global().Set("__sent", js.Global().Get("Array").New())
		js.Global().Set("__answer", answer(400, "Bad Request", "application/json", body))
		_, jsErr := jsAwait(u.Call("update", js.Global().Get("JSON").Call("parse", `{"data":{"a":1}}`)))
		require.Error(t, jsErr)
		want := sentList()

		js.Global().Set("__answer", answer(200, "OK", "application/json", tokenBody))
		rec := &recording{}
		r := NewRealm()
		tok, _ := ParseObject([]byte(tokenBody))
		cu, err := New(r, Options{Audience: "shop", Transport: rec}).SessionFromToken(ctx(), tok, false)
		require.NoError(t, err)
		rec.sent = nil
		js.Global().Set("__answer", answer(400, "Bad Request", "application/json", body))
		err = cu.Update(ctx(), []byte(`{"data":{"a":1}}`))
		var he *HTTPError
		require.ErrorAs(t, err, &he)
		assert.Equal(t, want, rec.sent, "update's request")
		assert.Equal(t, strings.TrimPrefix(jsErr.Error(), "JSONHTTPError: "), he.Message(), "the message for %s", body)
	}
}

// ctx is a Context that never ends.
func ctx() Context { return neverDone{} }

type neverDone struct{}

func (neverDone) Done() <-chan struct{} { return nil }
func (neverDone) Err() error            { return nil }

func answer(status int, text, ctype, body string) js.Value {
	a := js.Global().Get("Object").New()
	a.Set("status", status)
	a.Set("statusText", text)
	a.Set("type", ctype)
	a.Set("body", body)
	return a
}

func sentList() []string {
	sent := js.Global().Get("__sent")
	out := make([]string, sent.Length())
	for i := range out {
		out[i] = sent.Index(i).String()
	}
	return out
}

// clientOptions is the core's Options for the JavaScript constructor
// options the pair tests use.
func clientOptions(src string) Options {
	o := js.Global().Get("Function").New("return " + src).Invoke()
	str := func(k string) string {
		if v := o.Get(k); v.Type() == js.TypeString {
			return v.String()
		}
		return ""
	}
	return Options{APIURL: str("APIUrl"), Audience: str("audience"), ClientName: str("clientName"), SetCookie: o.Get("setCookie").Truthy()}
}
