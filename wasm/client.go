//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// newClient is `new GoTrue(options)` after the glue has destructured the
// options as gotrue-js does and set audience and setCookie: it applies the
// defaults, sets the instance's api and returns its handle.
// Arguments: this, APIUrl, audience, setCookie, clientName.
func newClient(args []safejs.Value) (any, error) {
	o := gotrue.Options{Transport: fetchTransport{}, Origin: pageOrigin, APIURL: gotrue.DefaultAPIURL, ClientName: "gotrue-js"}
	if u := arg(args, 1); !u.IsUndefined() {
		o.APIURL = ""
		if truthy(u) {
			o.APIURL = jsString(u)
		}
	}
	if a := arg(args, 2); truthy(a) {
		o.Audience = jsString(a)
	}
	o.SetCookie = truthy(arg(args, 3))
	if n := arg(args, 4); !n.IsUndefined() {
		o.ClientName = jsString(n)
	}
	c := gotrue.New(realm, o)
	id := reg.addClient(c)
	api, err := apiToJS(c.API())
	if err == nil {
		err = setProp(arg(args, 0), "api", api)
	}
	if err != nil {
		reg.releaseID(id)
		return nil, err
	}
	return id, nil
}

// clientWork is the common shape of a GoTrue method resolving raw JSON.
func clientWork(ref *clientRef, call func(ctx gotrue.Context) (any, error)) work {
	return func(ctx gotrue.Context) (any, error) {
		v, err := call(ctx)
		_ = syncAPI(ref) // the request is made; as in gotrue-js, nothing fails it now
		return v, err
	}
}

func settings(args []safejs.Value) (work, error) {
	ref, err := clientArg(args, "settings")
	if err != nil {
		return nil, err
	}
	return clientWork(ref, func(ctx gotrue.Context) (any, error) {
		return jsonResult(ref.c.Settings(ctx))
	}), nil
}

func jsonResult(raw []byte, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return resultToJS(raw)
}

func signup(args []safejs.Value) (work, error) {
	ref, err := clientArg(args, "signup")
	if err != nil {
		return nil, err
	}
	email, err := stringArg(args, 2, "signup", "email")
	if err != nil {
		return nil, err
	}
	password, err := stringArg(args, 3, "signup", "password")
	if err != nil {
		return nil, err
	}
	data, err := jsonArg(arg(args, 4))
	if err != nil {
		return nil, err
	}
	return clientWork(ref, func(ctx gotrue.Context) (any, error) {
		return jsonResult(ref.c.Signup(ctx, email, password, data))
	}), nil
}

func requestPasswordRecovery(args []safejs.Value) (work, error) {
	ref, err := clientArg(args, "requestPasswordRecovery")
	if err != nil {
		return nil, err
	}
	email, err := stringArg(args, 2, "requestPasswordRecovery", "email")
	if err != nil {
		return nil, err
	}
	return clientWork(ref, func(ctx gotrue.Context) (any, error) {
		return jsonResult(ref.c.RequestPasswordRecovery(ctx, email))
	}), nil
}

// userWork runs a core call that gives a session and resolves with the
// User object of that session.
func userWork(ref *clientRef, call func(ctx gotrue.Context) (*gotrue.User, error)) work {
	return clientWork(ref, func(ctx gotrue.Context) (any, error) {
		u, err := call(ctx)
		if err != nil {
			return nil, err
		}
		return userToJS(u)
	})
}

func login(args []safejs.Value) (work, error) {
	ref, err := clientArg(args, "login")
	if err != nil {
		return nil, err
	}
	email, err := stringArg(args, 2, "login", "email")
	if err != nil {
		return nil, err
	}
	password, err := stringArg(args, 3, "login", "password")
	if err != nil {
		return nil, err
	}
	remember := truthy(arg(args, 4))
	ref.c.SetRememberHeaders(remember)
	if err := syncAPI(ref); err != nil {
		return nil, err
	}
	return userWork(ref, func(ctx gotrue.Context) (*gotrue.User, error) {
		return ref.c.Login(ctx, email, password, remember)
	}), nil
}

// tokenMethod is confirm, recover and verify: a token and remember.
func tokenMethod(method string, call func(c *gotrue.Client, ctx gotrue.Context, token string, remember bool) (*gotrue.User, error), tokenAt int) asyncImpl {
	return func(args []safejs.Value) (work, error) {
		ref, err := clientArg(args, method)
		if err != nil {
			return nil, err
		}
		token, err := stringArg(args, tokenAt, method, "token")
		if err != nil {
			return nil, err
		}
		remember := truthy(arg(args, tokenAt+1))
		ref.c.SetRememberHeaders(remember)
		if err := syncAPI(ref); err != nil {
			return nil, err
		}
		return userWork(ref, func(ctx gotrue.Context) (*gotrue.User, error) {
			return call(ref.c, ctx, token, remember)
		}), nil
	}
}

func confirm(args []safejs.Value) (work, error) {
	return tokenMethod("confirm", (*gotrue.Client).Confirm, 2)(args)
}

func recoverToken(args []safejs.Value) (work, error) {
	return tokenMethod("recover", (*gotrue.Client).Recover, 2)(args)
}

func verify(args []safejs.Value) (work, error) {
	typ, err := stringArg(args, 2, "verify", "type")
	if err != nil {
		return nil, err
	}
	return tokenMethod("verify", func(c *gotrue.Client, ctx gotrue.Context, token string, remember bool) (*gotrue.User, error) {
		return c.Verify(ctx, typ, token, remember)
	}, 3)(args)
}

func acceptInvite(args []safejs.Value) (work, error) {
	password, err := stringArg(args, 3, "acceptInvite", "password")
	if err != nil {
		return nil, err
	}
	rearranged := []safejs.Value{arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 4)}
	return tokenMethod("acceptInvite", func(c *gotrue.Client, ctx gotrue.Context, token string, remember bool) (*gotrue.User, error) {
		return c.AcceptInvite(ctx, token, password, remember)
	}, 2)(rearranged)
}

// createUser keeps the caller's token object as user.token and makes the
// user current before any request, as gotrue-js does.
func createUser(args []safejs.Value) (work, error) {
	ref, err := clientArg(args, "createUser")
	if err != nil {
		return nil, err
	}
	tok, tokObj, err := objectArg(args, 2, "createUser", "tokenResponse")
	if err != nil {
		return nil, err
	}
	remember := truthy(arg(args, 3))
	u := gotrue.Bindings.StartUser(ref.c, tok, remember)
	if err := syncAPI(ref); err != nil {
		return nil, err
	}
	obj, uref, err := newUserObject(u, tokObj)
	if err != nil {
		return nil, err
	}
	reg.setCurrent(uref, obj)
	return clientWork(ref, func(ctx gotrue.Context) (any, error) {
		err := gotrue.Bindings.Establish(u, ctx, remember)
		if merr := mirror(obj, uref); err == nil {
			err = merr
		}
		return obj, err
	}), nil
}

// currentUser is GoTrue.currentUser(): args are only the handle, since
// every object argument costs the call a js.Value (and its finalizer).
func currentUser(args []safejs.Value) (any, error) {
	ref, err := clientArg(args, "currentUser")
	if err != nil {
		return nil, err
	}
	u := ref.c.CurrentUser()
	if err := syncAPI(ref); err != nil {
		return nil, err
	}
	return userToJS(u)
}

// validateCurrentSession also mirrors a session it cleared onto the user's
// object, as gotrue-js's clearSession nulls that object's token.
func validateCurrentSession(args []safejs.Value) (work, error) {
	ref, err := clientArg(args, "validateCurrentSession")
	if err != nil {
		return nil, err
	}
	before := ref.c.CurrentUser()
	obj, err := userToJS(before)
	if err != nil {
		return nil, err
	}
	return clientWork(ref, func(ctx gotrue.Context) (any, error) {
		u := ref.c.ValidateCurrentSession(ctx)
		if _, uref, ok := reg.current(before); ok {
			_ = mirror(obj, uref)
		}
		return userToJS(u)
	}), nil
}

func setRememberHeaders(args []safejs.Value) (any, error) {
	ref, err := clientArg(args, "_setRememberHeaders")
	if err != nil {
		return nil, err
	}
	ref.c.SetRememberHeaders(truthy(arg(args, 2)))
	return safejs.Undefined(), syncAPI(ref)
}

func clientRequest(args []safejs.Value) (work, error) {
	ref, err := clientArg(args, "_request")
	if err != nil {
		return nil, err
	}
	path, opts, err := requestArgs(args, "_request")
	if err != nil {
		return nil, err
	}
	return clientWork(ref, func(ctx gotrue.Context) (any, error) {
		return jsonResult(gotrue.Bindings.ClientRequest(ref.c, ctx, path, opts.method, opts.header, opts.body, opts.audience))
	}), nil
}

// requestOptions are the options of gotrue-js's _request.
type requestOptions struct {
	method, audience string
	header           gotrue.Header
	body             []byte
}

// requestArgs reads _request's path and {method, headers, body, audience}.
func requestArgs(args []safejs.Value, method string) (string, requestOptions, error) {
	var o requestOptions
	path := jsString(arg(args, 2))
	opts := arg(args, 3)
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
