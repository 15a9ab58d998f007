//go:build js && wasm

package main

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/hack-pad/safejs"
)

// liveFuncs counts js.Funcs made and not yet released, so leak tests and
// benchmarks can see a one-shot callback that is never released.
var liveFuncs atomic.Int64

// funcOf is safejs.FuncOf, counted.
func funcOf(fn func(this safejs.Value, args []safejs.Value) any) (*countedFunc, error) {
	f, err := safejs.FuncOf(fn)
	if err != nil {
		return nil, err
	}
	liveFuncs.Add(1)
	return &countedFunc{f: f}, nil
}

// countedFunc releases its js.Func once, however often Release is called.
type countedFunc struct {
	f    safejs.Func
	once sync.Once
}

// Release frees the function.
func (c *countedFunc) Release() {
	c.once.Do(func() {
		c.f.Release()
		liveFuncs.Add(-1)
	})
}

// Value is the JavaScript function.
func (c *countedFunc) Value() safejs.Value { return c.f.Value() }

// stats reports live handles, js.Funcs and goroutines, for leak tests and
// benchmarks. Memory is read from JavaScript (the wasm memory's size):
// runtime.ReadMemStats would add 2 kB of brotli for one benchmark row.
func stats(_ []safejs.Value) (any, error) {
	clients, users := reg.counts()
	return map[string]any{
		"clients": clients, "users": users, "goroutines": runtime.NumGoroutine(),
		"funcs": int(liveFuncs.Load()),
	}, nil
}
