//go:build js && wasm

package main

import (
	"errors"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// realm is the page's shared state: gotrue-js's module globals.
var realm *gotrue.Realm

// pageOrigin is location.origin, for D3, as the glue reads it; "" outside
// a page and for an opaque origin.
var pageOrigin string

// syncImpl is a synchronous method: it returns the value to hand back.
type syncImpl func(args []safejs.Value) (any, error)

// asyncImpl is a Promise-returning method: it checks the arguments and
// does gotrue-js's synchronous steps, then returns the work for the
// goroutine.
type asyncImpl func(args []safejs.Value) (work, error)

func syncFunc(name string, impl syncImpl) (safejs.Func, error) {
	return funcOf(func(_ safejs.Value, args []safejs.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = throwValue(internalError(name, r))
			}
		}()
		v, err := impl(args)
		if err != nil {
			return throwValue(err)
		}
		return v
	})
}

// asyncFunc is called by the glue's Promise executor with resolve and
// reject before the method's own arguments.
func asyncFunc(name string, impl asyncImpl) (safejs.Func, error) {
	return funcOf(func(_ safejs.Value, args []safejs.Value) any {
		resolve, reject := arg(args, 0), arg(args, 1)
		defer func() {
			if r := recover(); r != nil {
				_, _ = reject.Invoke(errToJS(internalError(name, r)))
			}
		}()
		w, err := impl(args[min(2, len(args)):])
		if err != nil {
			_, _ = reject.Invoke(errToJS(err))
			return nil
		}
		go settle(w, resolve, reject)
		return nil
	})
}

// boot builds the bridge and hands it to the glue's boot function.
func boot(bootName string) error {
	if err := lookupGlobals(); err != nil {
		return err
	}
	bootFn, err := safejs.Global().Get(bootName)
	if bootName == "" || err != nil || typeOf(bootFn) != safejs.TypeFunction {
		return errors.New("no boot function: load gotrue.wasm through the gotrue-wasm loader")
	}
	realm = gotrue.NewRealm(
		gotrue.WithStorage(gotrue.NewFallbackStorage(localStorage{}, nil)),
		gotrue.WithLogger(consoleLog),
		gotrue.WithRealmTransport(fetchTransport{}),
		gotrue.WithClock(time.Now),
	)
	bridge, err := newObject()
	if err != nil {
		return err
	}
	if err := installAll(bridge); err != nil {
		return err
	}
	g, err := bootFn.Invoke(bridge)
	if err == nil {
		err = loadGlue(g)
	}
	if err != nil {
		return err
	}
	if o, err := g.Get("origin"); err == nil && typeOf(o) == safejs.TypeString {
		pageOrigin, _ = o.String()
	}
	return nil
}

// syncMethods and asyncMethods are the bridge's functions by name. They
// are tables, not map literals, so they are data in the binary, not code.
var syncMethods = []struct {
	name string
	impl syncImpl
}{
	{"newClient", newClient}, {"currentUser", currentUser}, {"setRememberHeaders", setRememberHeaders},
	{"newUser", newUser}, {"recoverSession", recoverSession}, {"removeSavedSession", removeSavedSession},
	{"clearSession", clearSession}, {"saveUserData", saveUserData}, {"processTokenResponse", processTokenResponse},
	{"refreshSavedSession", refreshSavedSession}, {"details", details}, {"saveSession", saveSession},
	{"release", release}, {"stats", stats}, {"jwt", jwt}, {"settled", settled},
	{"forgetCurrent", forgetCurrent},
}

var asyncMethods = []struct {
	name string
	impl asyncImpl
}{
	{"request", clientRequest}, {"settings", settings}, {"signup", signup}, {"login", login},
	{"confirm", confirm}, {"requestPasswordRecovery", requestPasswordRecovery}, {"recover", recoverToken},
	{"acceptInvite", acceptInvite}, {"createUser", createUser}, {"validateCurrentSession", validateCurrentSession},
	{"verify", verify}, {"update", update}, {"logout", logout}, {"refreshToken", refreshToken},
	{"userRequest", userRequest}, {"getUserData", getUserData}, {"listUsers", listUsers}, {"getUser", getUser},
	{"updateUser", updateUser}, {"adminCreateUser", adminCreateUser}, {"deleteUser", deleteUser},
	{"jwtRefresh", jwtRefresh},
}

func installAll(bridge safejs.Value) error {
	for _, m := range syncMethods {
		f, err := syncFunc(m.name, m.impl)
		if err == nil {
			err = bridge.Set(m.name, f)
		}
		if err != nil {
			return err
		}
	}
	for _, m := range asyncMethods {
		f, err := asyncFunc(m.name, m.impl)
		if err == nil {
			err = bridge.Set(m.name, f)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// consoleLog prints through the glue's log, as gotrue-js prints.
func consoleLog(level, msg string) { _, _ = glue.log.Invoke(level, msg) }

// forgetCurrent is what gotrue-js's cross-tab storage listener does (the
// glue adds it): another tab wrote gotrue.user, so the next currentUser()
// re-reads it.
func forgetCurrent([]safejs.Value) (any, error) {
	realm.ForgetCurrent()
	return nil, nil
}

func release(args []safejs.Value) (any, error) {
	reg.release(arg(args, 0))
	return nil, nil
}
