//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// The User methods that send a request. Each reads its User object's state
// (userFrom) and runs the core's flow on it; the flow's mirror writes the
// new token, merged fields or cleared session back to the object as it
// happens.

// selfWork runs a core call on a user and resolves with the user object.
func selfWork(u *gotrue.User, f *flow, call func(ctx gotrue.Context) error) work {
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		if err := call(ctx); err != nil {
			return nil, err
		}
		obj, _ := f.object(u)
		return obj, nil
	})
}

// update's attributes are JSON.stringify(attributes), made when it was
// called; undefined sends no body.
func update(args []safejs.Value) (work, error) {
	u, f, a, err := userFrom(args)
	if err != nil {
		return nil, err
	}
	var body []byte
	if typeOf(arg(a, 0)) == safejs.TypeString {
		body = []byte(jsString(arg(a, 0)))
	}
	return selfWork(u, f, func(ctx gotrue.Context) error { return u.Update(ctx, body) }), nil
}

func getUserData(args []safejs.Value) (work, error) {
	u, f, _, err := userFrom(args)
	if err != nil {
		return nil, err
	}
	return selfWork(u, f, u.GetUserData), nil
}

// refresh is User._refreshToken(refreshToken): the glue has found no
// refresh of that token under way to share.
func refresh(args []safejs.Value) (work, error) {
	u, f, a, err := userFrom(args)
	if err != nil {
		return nil, err
	}
	rt := jsString(arg(a, 0))
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		return jsonResult(gotrue.Bindings.Refresh(u, ctx, rt))
	}), nil
}

// logout always resolves undefined, as gotrue-js's does.
func logout(args []safejs.Value) (work, error) {
	u, f, _, err := userFrom(args)
	if err != nil {
		return nil, err
	}
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		u.Logout(ctx)
		return safejs.Undefined(), nil
	}), nil
}

// userRequest is User._request(path, options), which the admin methods
// use; the glue has already added X-JWT-AUD to options.headers.
func userRequest(args []safejs.Value) (work, error) {
	u, f, a, err := userFrom(args)
	if err != nil {
		return nil, err
	}
	path, opts, err := requestArgs(a)
	if err != nil {
		return nil, f.abandon(err)
	}
	return clientWork(f, func(ctx gotrue.Context) (any, error) {
		return jsonResult(gotrue.Bindings.UserRequest(u, ctx, path, opts.method, opts.header, opts.body, opts.audience))
	}), nil
}
