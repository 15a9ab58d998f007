//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// The GoTrue methods that send a request. Each reads its GoTrue object's
// state (clientFrom), checks its arguments at once, and returns the work
// that runs the core's flow; the flow's mirror writes every change back
// (X-Use-Cookie, a new User object, the current user) as it happens.

// clientWork runs a core call of client c in flow f and resolves with
// what it returns, converted by toJS.
func clientWork(f *flow, call func(ctx gotrue.Context) (any, error)) work {
	return func(ctx gotrue.Context) (any, error) {
		v, err := call(ctx)
		if ferr := f.end(); err == nil {
			err = ferr
		}
		return v, err
	}
}

func jsonResult(raw []byte, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return resultToJS(raw)
}

// userResult resolves with the User object the flow made for u.
func userResult(f *flow, u *gotrue.User, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	if obj, ok := f.object(u); ok {
		return obj, nil
	}
	return nil, errBadState
}

func settings(args []safejs.Value) (work, error) {
	c, f, _, err := clientFrom(args)
	if err != nil {
		return nil, err
	}
	return clientWork(f, func(ctx gotrue.Context) (any, error) { return jsonResult(c.Settings(ctx)) }), nil
}

// signup's data is JSON.stringify(data), made when it was called.
func signup(args []safejs.Value) (work, error) {
	c, f, a, err := clientFrom(args)
	if err != nil {
		return nil, err
	}
	email, err := stringArg(a, 0, "signup", "email")
	if err != nil {
		return nil, f.abandon(err)
	}
	password, err := stringArg(a, 1, "signup", "password")
	if err != nil {
		return nil, f.abandon(err)
	}
	var data gotrue.RawJSON
	if typeOf(arg(a, 2)) == safejs.TypeString {
		data = []byte(jsString(arg(a, 2)))
	}
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		return jsonResult(c.Signup(ctx, email, password, data))
	}), nil
}

func requestPasswordRecovery(args []safejs.Value) (work, error) {
	c, f, a, err := clientFrom(args)
	if err != nil {
		return nil, err
	}
	email, err := stringArg(a, 0, "requestPasswordRecovery", "email")
	if err != nil {
		return nil, f.abandon(err)
	}
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		return jsonResult(c.RequestPasswordRecovery(ctx, email))
	}), nil
}

func login(args []safejs.Value) (work, error) {
	c, f, a, err := clientFrom(args)
	if err != nil {
		return nil, err
	}
	email, err := stringArg(a, 0, "login", "email")
	if err != nil {
		return nil, f.abandon(err)
	}
	password, err := stringArg(a, 1, "login", "password")
	if err != nil {
		return nil, f.abandon(err)
	}
	remember := truthy(arg(a, 2))
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		u, err := c.Login(ctx, email, password, remember)
		return userResult(f, u, err)
	}), nil
}

// verify is also confirm and recover, which the glue turns into it.
func verify(args []safejs.Value) (work, error) {
	c, f, a, err := clientFrom(args)
	if err != nil {
		return nil, err
	}
	typ, err := stringArg(a, 0, "verify", "type")
	if err != nil {
		return nil, f.abandon(err)
	}
	token, err := stringArg(a, 1, "verify", "token")
	if err != nil {
		return nil, f.abandon(err)
	}
	remember := truthy(arg(a, 2))
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		u, err := c.Verify(ctx, typ, token, remember)
		return userResult(f, u, err)
	}), nil
}

func acceptInvite(args []safejs.Value) (work, error) {
	c, f, a, err := clientFrom(args)
	if err != nil {
		return nil, err
	}
	token, err := stringArg(a, 0, "acceptInvite", "token")
	if err != nil {
		return nil, f.abandon(err)
	}
	password, err := stringArg(a, 1, "acceptInvite", "password")
	if err != nil {
		return nil, f.abandon(err)
	}
	remember := truthy(arg(a, 2))
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		u, err := c.AcceptInvite(ctx, token, password, remember)
		return userResult(f, u, err)
	}), nil
}

// clientRequest is GoTrue._request(path, options); the glue has already
// added X-JWT-AUD to options.headers, as gotrue-js does.
func clientRequest(args []safejs.Value) (work, error) {
	c, f, a, err := clientFrom(args)
	if err != nil {
		return nil, err
	}
	path, opts, err := requestArgs(a)
	if err != nil {
		return nil, f.abandon(err)
	}
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		return jsonResult(gotrue.Bindings.ClientRequest(c, ctx, path, opts.method, opts.header, opts.body, opts.audience))
	}), nil
}

// requestOptions are the options of gotrue-js's _request.
type requestOptions struct {
	method, audience string
	header           gotrue.Header
	body             []byte
}

// requestArgs reads _request's path and {method, headers, body, audience}
// from a[0] and a[1], through the guarded path (they are the page's).
func requestArgs(a []safejs.Value) (string, requestOptions, error) {
	var o requestOptions
	path := jsString(arg(a, 0))
	opts := arg(a, 1)
	if !isObject(opts) {
		return path, o, nil
	}
	for _, key := range []string{"method", "body", "audience"} {
		v, err := getProp(opts, key)
		if err != nil {
			return path, o, err
		}
		if !truthy(v) {
			continue
		}
		switch key {
		case "method":
			o.method = jsString(v)
		case "body":
			o.body = []byte(jsString(v))
		case "audience":
			o.audience = jsString(v)
		}
	}
	h, err := getProp(opts, "headers")
	if err != nil {
		return path, o, err
	}
	o.header, err = headersArg(h)
	return path, o, err
}

func headersArg(h safejs.Value) (gotrue.Header, error) {
	if !isObject(h) {
		return nil, nil
	}
	keys, err := jsObject.Call("keys", h)
	if err != nil {
		return nil, thrownError(err)
	}
	n, _ := keys.Length()
	var out gotrue.Header
	for i := 0; i < n; i++ {
		k, _ := keys.Index(i)
		v, err := getProp(h, jsString(k))
		if err != nil {
			return nil, err
		}
		out.Set(jsString(k), jsString(v))
	}
	return out, nil
}
