//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// refresh is the token refresh behind User.jwt() (browser.RefreshUser):
// args are the refresh token as gotrue-js sends it, the user's id,
// Number(token.expires_at), whether the glue holds the origin-wide
// refresh lock (D9), the stored refresh token when the refresh was asked
// for (null: none), the User's API object, whose request step sends it,
// the User, and the function that forgets the refresh's shared Promise
// once its answer is in. It resolves with the outcome of the access token.
func refresh(args []safejs.Value) (work, error) {
	expiresAt, err := arg(args, 2).Float()
	if err != nil {
		return nil, browser.ErrBadState
	}
	s := browser.RefreshState{
		RefreshToken: jsString(arg(args, 0)),
		UserID:       stringOrEmpty(arg(args, 1)),
		ExpiresAt:    expiresAt,
		Locked:       truthy(arg(args, 3)),
		Asked:        stringOrEmpty(arg(args, 4)),
	}
	caller, u := refreshCaller{api{arg(args, 5)}}, refreshSteps{v: arg(args, 6), landed: arg(args, 7)}
	return func(ctx browser.Context) (any, error) {
		return outcome(browser.RefreshUser(ctx, realm, caller, u, s))
	}, nil
}

// refreshSteps is a User as the end of its refresh reaches it.
type refreshSteps struct{ v, landed safejs.Value }

// Landed forgets the refresh's shared Promise.
func (u refreshSteps) Landed() { _, _ = u.landed.Invoke() }

// ProcessTokenResponse is this._processTokenResponse(token).
func (u refreshSteps) ProcessTokenResponse(token browser.RawJSON) error {
	tok, err := toJS(token)
	if err == nil {
		_, err = method(u.v, "_processTokenResponse", "this._processTokenResponse", tok)
	}
	return err
}

// RefreshSavedSession is this._refreshSavedSession().
func (u refreshSteps) RefreshSavedSession() error {
	_, err := method(u.v, "_refreshSavedSession", "this._refreshSavedSession")
	return err
}

// ClearSession is this.clearSession().
func (u refreshSteps) ClearSession() error {
	_, err := method(u.v, "clearSession", "this.clearSession")
	return err
}

// AccessToken is this.token.access_token, with a token there.
func (u refreshSteps) AccessToken() (browser.Value, error) {
	tok, err := get(u.v, "token")
	if err == nil && !truthy(tok) {
		err = browser.ErrTokenNotSet
	}
	if err != nil {
		return nil, err
	}
	return get(tok, "access_token")
}

// refreshCaller sends a refresh's request through the User's API object,
// or reads the answer of the one the glue sent before Go ran.
type refreshCaller struct{ api api }

// Call sends c as this.api.request(c.Path, {method, headers, body}).
func (r refreshCaller) Call(ctx browser.Context, c browser.Call) (browser.RawJSON, error) {
	early, err := glue.early.Invoke(string(c.Body))
	if err != nil {
		return nil, thrownError(err)
	}
	if isObject(early) {
		v, err := await(early)
		if err != nil {
			return nil, noAnswer(err)
		}
		res, err := response(v)
		if err != nil {
			return nil, err
		}
		return browser.DecodeResponse(res)
	}
	opts, err := callOptions(c)
	if err != nil {
		return nil, err
	}
	v, err := r.api.Request(ctx, c.Path, opts)
	if err != nil {
		return nil, err
	}
	return toJSON(v)
}

// toJSON is a request's value as JSON: the core's answer, or the page's
// value through JSON.stringify (null for what it cannot write).
func toJSON(v browser.Value) (browser.RawJSON, error) {
	switch v := v.(type) {
	case browser.RawJSON:
		return v, nil
	case safejs.Value:
		s, err := jsJSON.Call("stringify", v)
		if err != nil {
			return nil, thrownError(err)
		}
		if typeOf(s) != safejs.TypeString {
			return browser.RawJSON("null"), nil
		}
		return browser.RawJSON(jsString(s)), nil
	}
	return browser.RawJSON("null"), nil
}

// stringOrEmpty is a string argument, or "" for anything else.
func stringOrEmpty(v safejs.Value) string {
	if typeOf(v) != safejs.TypeString {
		return ""
	}
	return jsString(v)
}
