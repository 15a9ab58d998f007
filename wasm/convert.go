//go:build js && wasm

package main

import (
	"errors"
	"math"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// apiToJS returns the API object of a core API, making it on first use.
// Every user of a client shares its client's object, as in gotrue-js.
func apiToJS(a *gotrue.API) (safejs.Value, error) {
	ref := reg.apiRef(a)
	if ref == nil {
		return safejs.Undefined(), errors.New("gotrue-wasm: internal error: an API without a handle")
	}
	reg.mu.Lock()
	v := ref.obj
	reg.mu.Unlock()
	if !v.IsUndefined() {
		return v, nil
	}
	headers, err := headersToJS(a.Headers())
	if err != nil {
		return headers, err
	}
	v, err = glue.api.Invoke(nil, a.URL(), headers, ref.id)
	if err != nil {
		return v, thrownError(err)
	}
	reg.mu.Lock()
	ref.obj = v
	reg.mu.Unlock()
	return v, nil
}

func headersToJS(h gotrue.Header) (safejs.Value, error) {
	obj, err := newObject()
	if err != nil {
		return obj, err
	}
	for _, f := range h {
		if err := obj.Set(f.Name, f.Value); err != nil {
			return obj, err
		}
	}
	return obj, nil
}

// syncAPI copies the core's default headers (X-Use-Cookie) to
// api.defaultHeaders when they changed. The object is the page's: its
// properties are read and written through the guarded path, and an
// accessor of the page's that throws fails the call, as it fails
// gotrue-js's _setRememberHeaders.
func syncAPI(ref *clientRef) error {
	api := ref.c.API()
	ver := gotrue.Bindings.APIVersion(api)
	if ver == ref.apiVer {
		return nil
	}
	obj, err := apiToJS(api)
	if err != nil {
		return err
	}
	dh, err := getProp(obj, "defaultHeaders")
	if err != nil {
		return err
	}
	if !isObject(dh) {
		if dh, err = newObject(); err != nil {
			return err
		}
		if err := setProp(obj, "defaultHeaders", dh); err != nil {
			return err
		}
	}
	for _, f := range api.Headers() {
		if err := setProp(dh, f.Name, f.Value); err != nil {
			return err
		}
	}
	ref.apiVer = ver
	return nil
}

// nanExpiry reports a token whose expires_at gotrue-js computes as NaN (a
// JWT without exp): JSON has no NaN, so the glue sets it.
func nanExpiry(t *gotrue.Token) bool {
	ea, ok := t.Object().Get("expires_at")
	return ok && string(ea) == "null" && math.IsNaN(t.ExpiresAt)
}

// newUserObject makes the User object of u (see fillUser).
func newUserObject(u *gotrue.User, tok safejs.Value) (safejs.Value, *userRef, error) {
	id, ref := reg.addUser(u)
	obj, err := fillUser(safejs.Null(), id, ref, tok)
	return obj, ref, err
}

// fillUser fills obj (a new object when obj is null) as a User: an
// instance of the glue's User class with gotrue-js's own keys in its order
// (token, api, url, audience, then the server's fields), registered with
// the glue under id. tok, when not undefined, is the caller's token
// object, kept by reference. One crossing into JavaScript.
func fillUser(obj safejs.Value, id int, ref *userRef, tok safejs.Value) (safejs.Value, error) {
	u := ref.u
	token := safejs.Null()
	if !tok.IsUndefined() {
		if err := setExpiry(ref, tok); err != nil {
			return obj, err
		}
		token = tok
	}
	api, err := apiToJS(u.API())
	if err != nil {
		return obj, err
	}
	aud := safejs.Undefined()
	if a, ok := u.Audience(); ok {
		aud, _ = safejs.ValueOf(a)
	}
	t, ver := u.TokenDetails(), gotrue.Bindings.UserVersion(u)
	args, _ := changes(ref)
	if args == nil {
		args = []any{false, nil, false, nil}
	}
	v, err := glue.user.Invoke(append([]any{obj, id, token, api, u.URL(), aud}, args...)...)
	if err != nil {
		return obj, thrownError(err)
	}
	ref.tok, ref.ver = t, ver
	return v, nil
}

// setTokenByReference makes the caller's object the user's token, with
// expires_at set as the core computed it (gotrue-js mutates it in place).
func setTokenByReference(obj safejs.Value, ref *userRef, tok safejs.Value) error {
	if err := setExpiry(ref, tok); err != nil {
		return err
	}
	return setProp(obj, "token", tok)
}

// setExpiry writes the core's expires_at into the caller's token object,
// which becomes the user's token.
func setExpiry(ref *userRef, tok safejs.Value) error {
	t := ref.u.TokenDetails()
	if t != nil && isObject(tok) {
		if _, ok := t.Object().Get("expires_at"); ok {
			var expiry any = t.ExpiresAt // NaN for a JWT without exp
			if !nanExpiry(t) {
				raw, _ := t.Object().Get("expires_at")
				v, err := parseJSON(raw)
				if err != nil {
					return err
				}
				expiry = v
			}
			if err := setProp(tok, "expires_at", expiry); err != nil {
				return err
			}
		}
	}
	ref.tok = t
	return nil
}

// changes is what the object of a user lacks, as glue.mirror's
// arguments after the object: whether the token changed, its JSON (nil
// for none), whether its expires_at is NaN (a JWT without exp, which JSON
// cannot carry), and the fields' JSON (nil for none), which the glue
// assigns in place as _saveUserData does. ok is false when nothing
// changed since the object was last mirrored.
func changes(ref *userRef) (args []any, ok bool) {
	u := ref.u
	t := u.TokenDetails()
	if gotrue.Bindings.UserVersion(u) == ref.ver && ref.ver != 0 {
		return nil, false
	}
	args = []any{t != ref.tok, nil, false, nil}
	if t != nil && t != ref.tok {
		raw, _ := t.MarshalJSON()
		args[1], args[2] = string(raw), nanExpiry(t)
	}
	if f := u.Fields(); f.Len() > 0 {
		raw, _ := f.MarshalJSON()
		args[3] = string(raw)
	}
	return args, true
}

// mirror copies what changed in the core user to its object. It also lets
// go of the object of a current user that is no longer current (a cleared
// session), as gotrue-js's singleton does.
func mirror(obj safejs.Value, ref *userRef) error {
	if _, cur, ok := reg.current(ref.u); ok && realm.Current() != cur.u {
		reg.setCurrent(nil, safejs.Undefined())
	}
	args, ok := changes(ref)
	if !ok {
		return nil
	}
	t, ver := ref.u.TokenDetails(), gotrue.Bindings.UserVersion(ref.u)
	if _, err := glue.mirror.Invoke(append([]any{obj}, args...)...); err != nil {
		return thrownError(err)
	}
	ref.tok, ref.ver = t, ver
	return nil
}

// userToJS returns the object of the realm's current user u, making one for
// a user this module has not shown before (a recovered or half-built
// session).
func userToJS(u *gotrue.User) (safejs.Value, error) {
	if u == nil {
		reg.setCurrent(nil, safejs.Undefined())
		return safejs.Null(), nil
	}
	if obj, ref, ok := reg.current(u); ok {
		return obj, mirror(obj, ref)
	}
	obj, ref, err := newUserObject(u, safejs.Undefined())
	if err == nil && realm.Current() == u {
		reg.setCurrent(ref, obj)
	}
	return obj, err
}
