//go:build js && wasm

package main

import (
	"errors"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// realm is the page's storage and clock, for the refresh's decisions.
var realm *browser.Realm

// syncImpl is a synchronous method: it returns the value to hand back.
type syncImpl func(args []safejs.Value) (any, error)

// asyncImpl is a Promise-returning step: it reads its arguments, then
// returns the work for the goroutine.
type asyncImpl func(args []safejs.Value) (work, error)

// syncFunc makes a synchronous bridge function. The glue calls only its
// own bookkeeping synchronously (settled, stats), which cannot fail in a
// way page code could see: an error or a panic answers undefined.
func syncFunc(impl syncImpl) (safejs.Func, error) {
	return funcOf(func(_ safejs.Value, args []safejs.Value) (out any) {
		defer func() {
			if recover() != nil {
				out = nil
			}
		}()
		v, err := impl(args)
		if err != nil {
			return nil
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
	realm = browser.NewRealm(jsStorage{}, time.Now)
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
	// Go's runtime keeps what it allocates for its first timer for good,
	// and a small allocation can share its block with the reference to a
	// page value (see syscall/js's makeValue and the runtime's tiny
	// allocator): the first timer is set now, before any page value is
	// handed to Go, rather than by the first call's release.
	releaseSoon()
	return nil
}

// syncMethods and asyncMethods are the bridge's functions by name. They
// are tables, not map literals, so they are data in the binary, not code.
var syncMethods = []struct {
	name string
	impl syncImpl
}{
	{"stats", stats}, {"settled", settled},
}

var asyncMethods = []struct {
	name string
	impl asyncImpl
}{
	{"apiRequest", apiRequest}, {"clientRequest", clientRequest}, {"userRequest", userRequest}, {"refresh", refresh},
	{"getUserData", getUserData}, {"update", update}, {"established", established}, {"logout", logout},
}

func installAll(bridge safejs.Value) error {
	for _, m := range syncMethods {
		f, err := syncFunc(m.impl)
		if err == nil {
			err = bridge.Set(m.name, f)
		}
		if err != nil {
			return err
		}
	}
	for _, m := range gotrueFlows {
		f, err := asyncFunc(m.name, flowFunc(m.flow, m.remember))
		if err == nil {
			err = bridge.Set(m.name, f)
		}
		if err != nil {
			return err
		}
	}
	for _, m := range adminFlows {
		f, err := asyncFunc(m.name, adminFunc(m.flow))
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
