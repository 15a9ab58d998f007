//go:build js && wasm

package main

import (
	"runtime"
	"sync/atomic"

	"github.com/hack-pad/safejs"
)

// liveFuncs counts the js.Funcs the bridge has made: its functions, each
// made once and kept for the page's life. No call makes one (see
// promise.go); the leak test checks that it stays so.
var liveFuncs atomic.Int64

// funcOf is safejs.FuncOf, counted.
func funcOf(fn func(this safejs.Value, args []safejs.Value) any) (safejs.Func, error) {
	f, err := safejs.FuncOf(fn)
	if err == nil {
		liveFuncs.Add(1)
	}
	return f, err
}

// stats reports [calls under way, goroutines, js.Funcs, awaited Promises,
// a release of the page's objects pending (promise.go)]
// for leak tests and benchmarks (the glue names them). With a truthy
// argument it first runs Go's garbage collector, whose finalizers release
// the JavaScript values Go no longer references, so that the page's
// collector can take them. Memory is read from JavaScript (the wasm
// memory's size): runtime.ReadMemStats would add 2 kB of brotli for one
// benchmark row.
func stats(args []safejs.Value) (any, error) {
	if truthy(arg(args, 0)) {
		runtime.GC()
	}
	return []any{int(calls.Load()), runtime.NumGoroutine(), int(liveFuncs.Load()), pendingAwaits(), releasing.Load()}, nil
}
