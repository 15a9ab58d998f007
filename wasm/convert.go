//go:build js && wasm

package main

import (
	"math"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// apiToJS returns the API object of a core API, making it on first use.
// Every user of a client shares its client's object, as in gotrue-js.
func apiToJS(a *gotrue.API) (safejs.Value, error) {
	reg.mu.Lock()
	v, ok := reg.apis[a]
	reg.mu.Unlock()
	if ok {
		return v, nil
	}
	headers, err := headersToJS(a.Headers())
	if err != nil {
		return headers, err
	}
	opts, err := newObject()
	if err != nil {
		return opts, err
	}
	_ = opts.Set("defaultHeaders", headers)
	v, err = glue.API.New(a.URL(), opts)
	if err != nil {
		return v, err
	}
	reg.mu.Lock()
	reg.apis[a] = v
	reg.mu.Unlock()
	return v, nil
}

// apiFromJS finds the core API of an API object this module made.
func apiFromJS(v safejs.Value) (*gotrue.API, bool) {
	reg.mu.Lock()
	defer reg.mu.Unlock()
	for a, obj := range reg.apis {
		if obj.Equal(v) {
			return a, true
		}
	}
	return nil, false
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
// api.defaultHeaders when they changed.
func syncAPI(ref *clientRef) {
	api := ref.c.API()
	ver := api.Version()
	if ver == ref.apiVer {
		return
	}
	ref.apiVer = ver
	obj, err := apiToJS(api)
	if err != nil {
		return
	}
	dh, err := obj.Get("defaultHeaders")
	if err != nil || !isObject(dh) {
		if dh, err = newObject(); err != nil || obj.Set("defaultHeaders", dh) != nil {
			return
		}
	}
	for _, f := range api.Headers() {
		_ = dh.Set(f.Name, f.Value)
	}
}

// tokenToJS builds the token object from its JSON, keeping NaN where
// gotrue-js has NaN (a JWT without exp).
func tokenToJS(t *gotrue.Token) (safejs.Value, error) {
	if t == nil {
		return safejs.Null(), nil
	}
	raw, _ := t.MarshalJSON()
	v, err := parseJSON(raw)
	if err == nil && math.IsNaN(t.ExpiresAt) {
		if ea, ok := t.Object().Get("expires_at"); ok && string(ea) == "null" {
			err = v.Set("expires_at", math.NaN())
		}
	}
	return v, err
}

// newUserObject makes the User object of u: an instance of the glue's User
// class with gotrue-js's own keys in its order (token, api, url, audience,
// then the server's fields), registered with the glue. tok, when not
// undefined, is the caller's token object, kept by reference.
func newUserObject(u *gotrue.User, tok safejs.Value) (safejs.Value, *userRef, error) {
	obj, err := jsObject.Call("create", glue.userProto)
	if err != nil {
		return obj, nil, err
	}
	id, ref := reg.addUser(u)
	if err := fillUser(obj, ref, tok); err != nil {
		return obj, ref, err
	}
	_, err = glue.bind.Invoke(obj, id)
	return obj, ref, err
}

func fillUser(obj safejs.Value, ref *userRef, tok safejs.Value) error {
	u := ref.u
	if tok.IsUndefined() {
		if err := obj.Set("token", safejs.Null()); err != nil {
			return err
		}
	} else if err := setTokenByReference(obj, ref, tok); err != nil {
		return err
	}
	api, err := apiToJS(u.API())
	if err != nil {
		return err
	}
	_ = obj.Set("api", api)
	_ = obj.Set("url", u.URL())
	if aud, ok := u.Audience(); ok {
		_ = obj.Set("audience", aud)
	} else {
		_ = obj.Set("audience", safejs.Undefined())
	}
	return mirror(obj, ref)
}

// setTokenByReference makes the caller's object the user's token, with
// expires_at set as the core computed it (gotrue-js mutates it in place).
func setTokenByReference(obj safejs.Value, ref *userRef, tok safejs.Value) error {
	t := ref.u.TokenDetails()
	if t != nil && isObject(tok) {
		if ea, ok := t.Object().Get("expires_at"); ok {
			if err := setJSONProp(tok, "expires_at", ea, t.ExpiresAt); err != nil {
				return err
			}
		}
	}
	ref.tok = t
	return obj.Set("token", tok)
}

func setJSONProp(obj safejs.Value, key string, raw gotrue.RawJSON, num float64) error {
	if string(raw) == "null" && math.IsNaN(num) {
		return setProp(obj, key, math.NaN())
	}
	v, err := parseJSON(raw)
	if err != nil {
		return err
	}
	return setProp(obj, key, v)
}

// mirror copies what changed in the core user to its object: a new or
// cleared token, and every field (Object.assign keeps existing keys in
// place and appends new ones, as _saveUserData does).
func mirror(obj safejs.Value, ref *userRef) error {
	u := ref.u
	ver := u.Version()
	if ver == ref.ver && ref.ver != 0 {
		return nil
	}
	if t := u.TokenDetails(); t != ref.tok {
		tv, err := tokenToJS(t)
		if err != nil {
			return err
		}
		if err := obj.Set("token", tv); err != nil {
			return err
		}
		ref.tok = t
	}
	fields := u.Fields()
	if fields.Len() > 0 {
		raw, _ := fields.MarshalJSON()
		fv, err := parseJSON(raw)
		if err != nil {
			return err
		}
		if _, err := jsObject.Call("assign", obj, fv); err != nil {
			return err
		}
	}
	ref.ver = ver
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
