//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// realm is the page's shared state: gotrue-js's module globals.
var realm *gotrue.Realm

// pageOrigin is location.origin, for D3; "" outside a page.
var pageOrigin string

// syncImpl is a synchronous method: it returns the value to hand back.
type syncImpl func(args []safejs.Value) (any, error)

// asyncImpl is a Promise-returning method: it checks the arguments and
// does gotrue-js's synchronous steps, then returns the work for the
// goroutine.
type asyncImpl func(args []safejs.Value) (work, error)

func syncFunc(name string, impl syncImpl) (safejs.Func, error) {
	return safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = throwValue(fmt.Errorf("gotrue-wasm: internal error in %s: %v", name, r))
			}
		}()
		v, err := impl(args)
		if err != nil {
			return throwValue(err)
		}
		return v
	})
}

func asyncFunc(name string, impl asyncImpl) (safejs.Func, error) {
	return safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = rejected(fmt.Errorf("gotrue-wasm: internal error in %s: %v", name, r))
			}
		}()
		w, err := impl(args)
		if err != nil {
			return rejected(err)
		}
		return newPromise(w)
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
	pageOrigin = locationOrigin()
	bridge, err := newObject()
	if err != nil {
		return err
	}
	if err := installAll(bridge); err != nil {
		return err
	}
	g, err := bootFn.Invoke(bridge)
	if err != nil {
		return err
	}
	return loadGlue(g)
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
	{"release", release}, {"stats", stats}, {"jwt", jwt},
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

func locationOrigin() string {
	loc, err := safejs.Global().Get("location")
	if err != nil || !isObject(loc) {
		return ""
	}
	o, err := loc.Get("origin")
	if err != nil || typeOf(o) != safejs.TypeString {
		return ""
	}
	s, _ := o.String()
	if s == "null" {
		return ""
	}
	return s
}

// consoleLog prints through the glue's log, as gotrue-js prints.
func consoleLog(level, msg string) { _, _ = glue.log.Invoke(level, msg) }

var storageListener sync.Once

// listenToStorage adds gotrue-js 1.0.1's cross-tab listener, once: when
// another tab writes gotrue.user, the next currentUser() re-reads it.
func listenToStorage() {
	storageListener.Do(func() {
		add, err := safejs.Global().Get("addEventListener")
		if err != nil || typeOf(add) != safejs.TypeFunction {
			return
		}
		f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			defer func() { _ = recover() }()
			if key, err := arg(args, 0).Get("key"); err == nil && jsString(key) == gotrue.StorageKey && typeOf(key) == safejs.TypeString {
				realm.ForgetCurrent()
			}
			return nil
		})
		if err == nil {
			_, _ = safejs.Global().Call("addEventListener", "storage", f)
		}
	})
}

func release(args []safejs.Value) (any, error) {
	reg.release(arg(args, 0))
	return nil, nil
}
