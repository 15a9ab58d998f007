//go:build js && wasm

package main

import (
	"fmt"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// work is the part of an asynchronous method that runs on its goroutine.
// It returns the value the Promise resolves with.
type work func(ctx gotrue.Context) (any, error)

// pageCall is the Context of a call from page code. gotrue-js offers no
// way to cancel one, so it never ends.
type pageCall struct{}

// Done is nil: never closed.
func (pageCall) Done() <-chan struct{} { return nil }

// Err is nil: never cancelled.
func (pageCall) Err() error { return nil }

// newPromise returns a Promise settled by w, which runs on its own
// goroutine so the calling callback never blocks. A panic in w rejects the
// Promise instead of killing the Go runtime.
func newPromise(w work) safejs.Value {
	var resolve, reject safejs.Value
	executor, err := funcOf(func(_ safejs.Value, args []safejs.Value) any {
		resolve, reject = args[0], args[1]
		return nil
	})
	if err != nil {
		return safejs.Undefined()
	}
	p, err := jsPromise.New(executor.Value()) // the executor runs synchronously
	executor.Release()
	if err != nil {
		return safejs.Undefined()
	}
	go settle(w, resolve, reject)
	return p
}

func settle(w work, resolve, reject safejs.Value) {
	defer func() {
		if r := recover(); r != nil {
			_, _ = reject.Invoke(errToJS(fmt.Errorf("gotrue-wasm: internal error: %v", r)))
		}
	}()
	v, err := w(pageCall{})
	if err != nil {
		_, _ = reject.Invoke(errToJS(err))
		return
	}
	if _, err := resolve.Invoke(v); err != nil {
		_, _ = reject.Invoke(errToJS(err))
	}
}

// resolved returns a Promise resolved with v.
func resolved(v any) safejs.Value {
	p, err := jsPromise.Call("resolve", v)
	if err != nil {
		return rejected(err)
	}
	return p
}

// rejected returns a Promise rejected with err.
func rejected(err error) safejs.Value {
	p, perr := jsPromise.Call("reject", errToJS(err))
	if perr != nil {
		return safejs.Undefined()
	}
	return p
}

// await waits for a JavaScript Promise from a goroutine (never from a
// callback), as net/http's roundtrip_js does: each handler releases both.
// There is no way out before p settles: no page call can be cancelled.
func await(p safejs.Value) (safejs.Value, error) {
	type result struct {
		v   safejs.Value
		err error
	}
	done := make(chan result, 1)
	var onOK, onErr *countedFunc
	release := func() { onOK.Release(); onErr.Release() }
	var err error
	onOK, err = funcOf(func(_ safejs.Value, args []safejs.Value) any {
		release()
		done <- result{v: arg(args, 0)}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), err
	}
	onErr, err = funcOf(func(_ safejs.Value, args []safejs.Value) any {
		release()
		done <- result{err: newJSThrown(arg(args, 0))}
		return nil
	})
	if err != nil {
		onOK.Release()
		return safejs.Undefined(), err
	}
	if _, err := p.Call("then", onOK.Value(), onErr.Value()); err != nil {
		release()
		return safejs.Undefined(), err
	}
	r := <-done
	return r.v, r.err
}

func arg(args []safejs.Value, i int) safejs.Value {
	if i < len(args) {
		return args[i]
	}
	return safejs.Undefined()
}
