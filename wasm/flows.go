//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// The flows of GoTrue and User, run by the core on the page's objects.
// The glue's method has thrown what gotrue-js throws at once and written
// the arguments that become JSON (JSON.stringify, whose errors are the
// page's); each binding reads them, calls one core flow and converts what
// it gives. They resolve with outcomes (see request.go).

// gotrueFlow is a binding of a GoTrue flow: args[0] is the GoTrue, the
// rest the method's arguments as the glue passes them.
type gotrueFlow func(ctx browser.Context, c clientSteps, args []safejs.Value) (browser.Value, error)

// flowFunc makes the bridge function of a GoTrue flow; remember is the
// index of its remember argument (-1: none).
func flowFunc(flow gotrueFlow, remember int) asyncImpl {
	return func(args []safejs.Value) (work, error) {
		c := clientSteps{v: arg(args, 0), remember: safejs.Undefined()}
		if remember > 0 {
			c.remember = arg(args, remember)
		}
		rest := args[min(1, len(args)):]
		return func(ctx browser.Context) (any, error) {
			return outcome(flow(ctx, c, rest))
		}, nil
	}
}

// gotrueFlows are the GoTrue flows, with the index of their remember
// argument (counting the GoTrue as 0).
var gotrueFlows = []struct {
	name     string
	flow     gotrueFlow
	remember int
}{
	{"settings", func(ctx browser.Context, c clientSteps, _ []safejs.Value) (browser.Value, error) {
		return browser.Settings(ctx, c)
	}, -1},
	// (email, password, data), each as JSON.
	{"signup", func(ctx browser.Context, c clientSteps, a []safejs.Value) (browser.Value, error) {
		return browser.Signup(ctx, c, jsonArg(a, 0), jsonArg(a, 1), jsonArg(a, 2))
	}, -1},
	// (email, password) as strings, remember.
	{"login", func(ctx browser.Context, c clientSteps, a []safejs.Value) (browser.Value, error) {
		return browser.Login(ctx, c, jsString(arg(a, 0)), jsString(arg(a, 1)), truthy(arg(a, 2)))
	}, 3},
	// (token as JSON, remember, token).
	{"confirm", func(ctx browser.Context, c clientSteps, a []safejs.Value) (browser.Value, error) {
		c.token = arg(a, 2)
		return browser.Confirm(ctx, c, jsonArg(a, 0), truthy(arg(a, 1)))
	}, 2},
	{"recover", func(ctx browser.Context, c clientSteps, a []safejs.Value) (browser.Value, error) {
		c.token = arg(a, 2)
		return browser.Recover(ctx, c, jsonArg(a, 0), truthy(arg(a, 1)))
	}, 2},
	// (type, token) as JSON, remember.
	{"verify", func(ctx browser.Context, c clientSteps, a []safejs.Value) (browser.Value, error) {
		return browser.Verify(ctx, c, jsonArg(a, 0), jsonArg(a, 1), truthy(arg(a, 2)))
	}, 3},
	// (token, password) as JSON, remember.
	{"acceptInvite", func(ctx browser.Context, c clientSteps, a []safejs.Value) (browser.Value, error) {
		return browser.AcceptInvite(ctx, c, jsonArg(a, 0), jsonArg(a, 1), truthy(arg(a, 2)))
	}, 3},
	// (email as JSON).
	{"requestPasswordRecovery", func(ctx browser.Context, c clientSteps, a []safejs.Value) (browser.Value, error) {
		return browser.RequestPasswordRecovery(ctx, c, jsonArg(a, 0))
	}, -1},
	// It resolves with null when the user cannot be fetched, as gotrue-js's.
	{"validateCurrentSession", func(ctx browser.Context, c clientSteps, _ []safejs.Value) (browser.Value, error) {
		v, err := browser.ValidateCurrentSession(ctx, c)
		if _, invalid := err.(*browser.InvalidSessionError); invalid || v == nil && err == nil {
			return safejs.Null(), nil
		}
		return v, err
	}, -1},
}

// adminFlow is a binding of an Admin flow: args[0] is the Admin's user,
// whose _request signs it, the rest the arguments as the glue passes them.
type adminFlow func(ctx browser.Context, u userSteps, args []safejs.Value) (browser.Value, error)

// adminFunc makes the bridge function of an Admin flow.
func adminFunc(flow adminFlow) asyncImpl {
	return func(args []safejs.Value) (work, error) {
		u, rest := userSteps{arg(args, 0)}, args[min(1, len(args)):]
		return func(ctx browser.Context) (any, error) {
			return outcome(flow(ctx, u, rest))
		}, nil
	}
}

// adminFlows are the Admin flows. Ids are strings, attributes JSON.
var adminFlows = []struct {
	name string
	flow adminFlow
}{
	{"adminListUsers", func(ctx browser.Context, u userSteps, a []safejs.Value) (browser.Value, error) {
		aud := ""
		if truthy(arg(a, 0)) {
			aud = jsString(arg(a, 0))
		}
		return browser.AdminListUsers(ctx, u, aud, "")
	}},
	{"adminGetUser", func(ctx browser.Context, u userSteps, a []safejs.Value) (browser.Value, error) {
		return browser.AdminGetUser(ctx, u, jsString(arg(a, 0)))
	}},
	{"adminUpdateUser", func(ctx browser.Context, u userSteps, a []safejs.Value) (browser.Value, error) {
		return browser.AdminUpdateUser(ctx, u, jsString(arg(a, 0)), jsonArg(a, 1))
	}},
	{"adminCreateUser", func(ctx browser.Context, u userSteps, a []safejs.Value) (browser.Value, error) {
		return browser.AdminCreateUser(ctx, u, jsonArg(a, 0))
	}},
	{"adminDeleteUser", func(ctx browser.Context, u userSteps, a []safejs.Value) (browser.Value, error) {
		return browser.AdminDeleteUser(ctx, u, jsString(arg(a, 0)))
	}},
}

// getUserData is User.prototype.getUserData: args[0] is the User.
func getUserData(args []safejs.Value) (work, error) {
	u := userSteps{arg(args, 0)}
	return func(ctx browser.Context) (any, error) {
		return outcome(browser.GetUserData(ctx, u))
	}, nil
}

// established is the end of GoTrue.prototype.createUser: args are the
// User it made, remember, and the refresh token of the token response it
// was given (null: none), which this page obtained (D5).
func established(args []safejs.Value) (work, error) {
	u, remember := userSteps{arg(args, 0)}, truthy(arg(args, 1))
	realm.Obtain(stringOrEmpty(arg(args, 2)))
	return func(ctx browser.Context) (any, error) {
		return outcome(browser.Established(ctx, u, remember))
	}, nil
}

// logout is User.prototype.logout: args[0] is the User. It resolves
// whatever the server answered, once the session is cleared.
func logout(args []safejs.Value) (work, error) {
	u := userSteps{arg(args, 0)}
	return func(ctx browser.Context) (any, error) {
		_, err := browser.Logout(ctx, u)
		return outcome(safejs.Undefined(), err)
	}, nil
}

// update is User.prototype.update: args are the User and the attributes
// as JSON.
func update(args []safejs.Value) (work, error) {
	u, attrs := userSteps{arg(args, 0)}, jsonArg(args, 1)
	return func(ctx browser.Context) (any, error) {
		return outcome(browser.Update(ctx, u, attrs))
	}, nil
}

// jsonArg is args[i], a JSON text, as RawJSON; nil when it is not a string
// (JSON.stringify gave undefined).
func jsonArg(args []safejs.Value, i int) browser.RawJSON {
	v := arg(args, i)
	if typeOf(v) != safejs.TypeString {
		return nil
	}
	return browser.RawJSON(jsString(v))
}

// clientSteps is a GoTrue as its flows reach it. remember and token are
// the method's own arguments, which the steps it calls get as they are.
type clientSteps struct {
	v, remember, token safejs.Value
}

// SetRememberHeaders is this._setRememberHeaders(remember).
func (c clientSteps) SetRememberHeaders(bool) error {
	_, err := method(c.v, "_setRememberHeaders", "this._setRememberHeaders", c.remember)
	return err
}

// Request is this._request(path, options): the core's ClientRequest when
// it is the library's own.
func (c clientSteps) Request(ctx browser.Context, call browser.Call) (browser.Value, error) {
	return requestStep(c.v, pristine.clientRequest, call, func(opts options) (browser.Value, error) {
		return browser.ClientRequest(ctx, client{c.v}, call.Path, opts)
	})
}

// requestStep is o._request(path, options) for the call a flow composed:
// own, the core's request, when o._request is the library's (pristine),
// else o._request called through the object and awaited.
func requestStep(o, pristine safejs.Value, call browser.Call, own func(options) (browser.Value, error)) (browser.Value, error) {
	f, isOwn, err := step(o, "_request", pristine)
	if err != nil {
		return nil, err
	}
	opts, err := callOptions(call)
	if err != nil {
		return nil, err
	}
	if isOwn {
		return shaped(own(opts))
	}
	return callStep(f, o, "this._request", call.Path, opts.v)
}

// CreateUser is this.createUser(tokenResponse, remember).
func (c clientSteps) CreateUser(_ browser.Context, tokenResponse browser.Value, _ bool) (browser.Value, error) {
	tok, err := toJS(tokenResponse)
	if err != nil {
		return nil, err
	}
	f, err := get(c.v, "createUser")
	if err != nil {
		return nil, err
	}
	return callStep(f, c.v, "this.createUser", tok, c.remember)
}

// Verify is this.verify(type, token, remember): the core's when it is the
// library's own.
func (c clientSteps) Verify(ctx browser.Context, typ string, token browser.RawJSON, remember bool) (browser.Value, error) {
	f, own, err := step(c.v, "verify", pristine.verify)
	if err != nil {
		return nil, err
	}
	if own {
		return browser.Verify(ctx, c, browser.RawJSON(`"`+typ+`"`), token, remember)
	}
	return callStep(f, c.v, "this.verify", typ, c.token, c.remember)
}

// RemoveSavedSession is User.removeSavedSession(): the realm's when it is
// the library's own.
func (c clientSteps) RemoveSavedSession() error {
	f, own, err := step(glue.user, "removeSavedSession", pristine.removeSavedSession)
	if err != nil || own {
		if own {
			realm.RemoveSavedSession()
		}
		return err
	}
	_, err = apply(f, glue.user, "User.removeSavedSession")
	return err
}

// CurrentUser is this.currentUser().
func (c clientSteps) CurrentUser() (browser.UserSteps, error) {
	u, err := method(c.v, "currentUser", "this.currentUser")
	if err != nil || !truthy(u) {
		return nil, err
	}
	return userSteps{u}, nil
}

// userSteps is a User as its flows reach it.
type userSteps struct{ v safejs.Value }

// Request is this._request(path, options): the core's UserRequest when
// it is the library's own.
func (u userSteps) Request(ctx browser.Context, call browser.Call) (browser.Value, error) {
	return requestStep(u.v, pristine.userRequest, call, func(opts options) (browser.Value, error) {
		return browser.UserRequest(ctx, user{u.v}, call.Path, opts)
	})
}

// SaveUserData is this._saveUserData(attrs): the user it returns.
func (u userSteps) SaveUserData(attrs browser.Value) (browser.UserSteps, error) {
	a, err := toJS(attrs)
	if err != nil {
		return nil, err
	}
	v, err := method(u.v, "_saveUserData", "this._saveUserData", a)
	return userSteps{v}, err
}

// RefreshSavedSession is this._refreshSavedSession().
func (u userSteps) RefreshSavedSession() (browser.Value, error) {
	return method(u.v, "_refreshSavedSession", "this._saveUserData(...)._refreshSavedSession")
}

// GetUserData is this.getUserData(): the core's when it is the library's
// own.
func (u userSteps) GetUserData(ctx browser.Context) (browser.Value, error) {
	f, own, err := step(u.v, "getUserData", pristine.getUserData)
	if err != nil {
		return nil, err
	}
	if own {
		return browser.GetUserData(ctx, u)
	}
	return callStep(f, u.v, "user.getUserData")
}

// SaveSession is userData._saveSession().
func (u userSteps) SaveSession(user browser.Value) error {
	v, err := toJS(user)
	if err != nil {
		return err
	}
	_, err = method(v, "_saveSession", "userData._saveSession")
	return err
}

// ClearSession is this.clearSession().
func (u userSteps) ClearSession() error {
	_, err := method(u.v, "clearSession", "user.clearSession")
	return err
}
