//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// newUser is `new User(api, tokenResponse, audience)` from page code: a
// session for api that becomes the current user. Arguments: this, api,
// the handle the glue keeps on api, tokenResponse, audience.
func newUser(args []safejs.Value) (any, error) {
	self := arg(args, 0)
	api, err := apiArg(arg(args, 1), arg(args, 2), "User")
	if err != nil {
		return nil, err
	}
	defer reg.drop(api)
	tok, tokObj, err := objectArg(args, 3, "User", "tokenResponse")
	if err != nil {
		return nil, err
	}
	u := gotrue.Bindings.NewUser(realm, api, tok, audienceJSON(arg(args, 4)))
	id, ref := reg.addUser(u)
	if _, err := fillUser(self, id, ref, tokObj); err != nil {
		return nil, err
	}
	reg.setCurrent(ref, self)
	return id, nil
}

// apiArg finds the core API of an API object by its handle, or makes one
// from its apiURL and defaultHeaders and gives the object that handle. The
// entry is held for the caller, who drops it when done.
func apiArg(v, id safejs.Value, method string) (*gotrue.API, error) {
	if a, ok := reg.apiByID(id); ok {
		reg.hold(a, reg.apiRef(a).obj)
		return a, nil
	}
	if !isObject(v) {
		return nil, argErr(method + ": api must be an API object, not " + typeName(v))
	}
	url, err := getProp(v, "apiURL")
	if err != nil {
		return nil, err
	}
	dh, err := getProp(v, "defaultHeaders")
	if err != nil {
		return nil, err
	}
	headers, err := headersArg(dh)
	if err != nil {
		return nil, err
	}
	a := gotrue.NewAPI(jsString(url), headers, fetchTransport{})
	ref := reg.hold(a, v)
	if _, err := glue.api.Invoke(v, "", nil, ref.id); err != nil {
		reg.drop(a)
		return nil, thrownError(err)
	}
	return a, nil
}

// recoverSession is User.recoverSession(api). Arguments: api and the
// handle the glue keeps on it.
func recoverSession(args []safejs.Value) (any, error) {
	var api *gotrue.API
	if v := arg(args, 0); truthy(v) {
		a, err := apiArg(v, arg(args, 1), "recoverSession")
		if err != nil {
			return nil, err
		}
		defer reg.drop(a)
		api = a
	}
	return userToJS(realm.RecoverSession(api))
}

func removeSavedSession(_ []safejs.Value) (any, error) {
	realm.RemoveSavedSession()
	return safejs.Undefined(), nil
}

// selfWork runs a core call on a user and resolves with the user object.
func selfWork(ref *userRef, obj safejs.Value, call func(ctx gotrue.Context) error) work {
	return func(ctx gotrue.Context) (any, error) {
		err := call(ctx)
		if merr := mirror(obj, ref); err == nil {
			err = merr
		}
		if err != nil {
			return nil, err
		}
		return obj, nil
	}
}

func update(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "update")
	if err != nil {
		return nil, err
	}
	body, err := jsonArg(arg(args, 2))
	if err != nil {
		return nil, err
	}
	return selfWork(ref, obj, func(ctx gotrue.Context) error { return ref.u.Update(ctx, body) }), nil
}

func getUserData(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "getUserData")
	if err != nil {
		return nil, err
	}
	return selfWork(ref, obj, ref.u.GetUserData), nil
}

// jwt is the synchronous half of user.jwt(): [true, token] when the token
// needs no refresh (the glue resolves with it at once, without a
// goroutine), else [false, refresh token], under which the glue shares
// one jwtRefresh Promise among callers, as gotrue-js's refreshPromises
// map does.
func jwt(args []safejs.Value) (any, error) {
	ref, _, err := userArg(args, "jwt")
	if err != nil {
		return nil, err
	}
	access, rt, ok := gotrue.Bindings.CachedJWT(ref.u, truthy(arg(args, 2)))
	if ok {
		return []any{true, accessTokenToJS(ref, access)}, nil
	}
	return []any{false, rt}, nil
}

// jwtRefresh is the refresh half of user.jwt().
func jwtRefresh(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "jwt")
	if err != nil {
		return nil, err
	}
	force := truthy(arg(args, 2))
	return func(ctx gotrue.Context) (any, error) {
		s, err := ref.u.JWT(ctx, force)
		_ = mirror(obj, ref)
		return accessTokenToJS(ref, s), err
	}, nil
}

func refreshToken(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "_refreshToken")
	if err != nil {
		return nil, err
	}
	rt := jsString(arg(args, 2))
	return func(ctx gotrue.Context) (any, error) {
		s, err := gotrue.Bindings.Refresh(ref.u, ctx, rt)
		_ = mirror(obj, ref)
		return accessTokenToJS(ref, s), err
	}, nil
}

// accessTokenToJS is what gotrue-js resolves: token.access_token, which is
// undefined when the token object has none.
func accessTokenToJS(ref *userRef, s string) any {
	if t := ref.u.TokenDetails(); s == "" && (t == nil || !t.HasAccessToken()) {
		return safejs.Undefined()
	}
	return s
}

// logout always resolves undefined, as gotrue-js's does.
func logout(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "logout")
	if err != nil {
		return nil, err
	}
	return func(ctx gotrue.Context) (any, error) {
		ref.u.Logout(ctx)
		_ = mirror(obj, ref)
		return safejs.Undefined(), nil
	}, nil
}

func userRequest(args []safejs.Value) (work, error) {
	ref, obj, err := userArg(args, "_request")
	if err != nil {
		return nil, err
	}
	path, opts, err := requestArgs(args, "_request")
	if err != nil {
		return nil, err
	}
	return func(ctx gotrue.Context) (any, error) {
		raw, err := gotrue.Bindings.UserRequest(ref.u, ctx, path, opts.method, opts.header, opts.body, opts.audience)
		_ = mirror(obj, ref)
		return jsonResult(raw, err)
	}, nil
}

func clearSession(args []safejs.Value) (any, error) {
	ref, obj, err := userArg(args, "clearSession")
	if err != nil {
		return nil, err
	}
	ref.u.ClearSession()
	return safejs.Undefined(), mirror(obj, ref)
}

func saveUserData(args []safejs.Value) (any, error) {
	ref, obj, err := userArg(args, "_saveUserData")
	if err != nil {
		return nil, err
	}
	attrs := gotrue.Object{}
	if isObject(arg(args, 2)) {
		if attrs, _, err = objectArg(args, 2, "_saveUserData", "attributes"); err != nil {
			return nil, err
		}
	}
	gotrue.Bindings.SaveUserData(ref.u, attrs, truthy(arg(args, 3)))
	return obj, mirror(obj, ref)
}

func processTokenResponse(args []safejs.Value) (any, error) {
	ref, obj, err := userArg(args, "_processTokenResponse")
	if err != nil {
		return nil, err
	}
	tok, tokObj, err := objectArg(args, 2, "_processTokenResponse", "tokenResponse")
	if err != nil {
		return nil, err
	}
	gotrue.Bindings.ProcessTokenResponse(ref.u, tok)
	if err := setTokenByReference(obj, ref, tokObj); err != nil {
		return nil, err
	}
	return safejs.Undefined(), mirror(obj, ref)
}

func refreshSavedSession(args []safejs.Value) (any, error) {
	ref, obj, err := userArg(args, "_refreshSavedSession")
	if err != nil {
		return nil, err
	}
	gotrue.Bindings.RefreshSavedSession(ref.u)
	return obj, nil
}

func saveSession(args []safejs.Value) (any, error) {
	ref, obj, err := userArg(args, "_saveSession")
	if err != nil {
		return nil, err
	}
	gotrue.Bindings.SaveSession(ref.u)
	return obj, nil
}

func details(args []safejs.Value) (any, error) {
	ref, _, err := userArg(args, "_details")
	if err != nil {
		return nil, err
	}
	return parseJSON(ref.u.Details())
}
