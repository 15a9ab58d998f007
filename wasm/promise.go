//go:build js && wasm

package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// calls counts the calls under way in Go, for leak tests.
var calls atomic.Int64

// work is the part of an asynchronous method that runs on its goroutine.
// It returns the value the Promise resolves with.
type work func(ctx browser.Context) (any, error)

// pageCall is the Context of a call from page code. gotrue-js offers no
// way to cancel one, so it never ends.
type pageCall struct{}

// Done is nil: never closed.
func (pageCall) Done() <-chan struct{} { return nil }

// Err is nil: never cancelled.
func (pageCall) Err() error { return nil }

// Promises are made by the glue: an asynchronous bridge function receives
// the Promise's resolve and reject first, checks its arguments at once and
// settles them from a goroutine (settle). Go waits for a JavaScript Promise
// the other way round: the glue reports it settled through the bridge's
// settled function (await). Neither needs a js.Func per call.

// settle runs w on its own goroutine, so the calling callback never
// blocks. A panic in w rejects the Promise instead of killing the Go
// runtime.
func settle(w work, resolve, reject safejs.Value) {
	calls.Add(1)
	defer calls.Add(-1)
	defer releaseSoon()
	defer func() {
		if r := recover(); r != nil {
			_, _ = reject.Invoke(errToJS(internalError("", r)))
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

// releasing is set while a release is scheduled.
var releasing atomic.Bool

// releaseSoon lets the page collect the objects a call handed Go, once
// the calls of the moment have settled: a JavaScript object Go saw stays
// referenced from Go until Go's collector finalizes its Value, and Go's
// collector runs on Go's heap growth, not the page's. One collection runs
// after a burst of calls, a millisecond after the first settled: a timer
// due at once would run before Go hands control back, and so hold the
// call's answer back from the page by the length of a collection.
func releaseSoon() {
	if releasing.Swap(true) {
		return
	}
	time.AfterFunc(time.Millisecond, func() {
		releasing.Store(false)
		runtime.GC()
	})
}

// awaited is how a Promise that Go waits for settled.
type awaited struct {
	v   safejs.Value
	err error
}

// awaits are the Promises Go waits for, by id.
var awaits = struct {
	sync.Mutex
	next int
	m    map[int]chan awaited
}{m: map[int]chan awaited{}}

// await waits for a JavaScript Promise from a goroutine, never from a
// callback (it would deadlock the runtime). There is no way out before p
// settles: no page call can be cancelled.
func await(p safejs.Value) (safejs.Value, error) {
	done := make(chan awaited, 1)
	awaits.Lock()
	awaits.next++
	id := awaits.next
	awaits.m[id] = done
	awaits.Unlock()
	if _, err := glue.await.Invoke(p, id); err != nil {
		takeAwait(id)
		return safejs.Undefined(), thrownError(err)
	}
	r := <-done
	return r.v, r.err
}

func takeAwait(id int) chan awaited {
	awaits.Lock()
	defer awaits.Unlock()
	done := awaits.m[id]
	delete(awaits.m, id)
	return done
}

// settled is the bridge function the glue calls when a Promise Go awaits
// settles: (id, fulfilled, value or reason). Its channel is buffered, so
// the callback never blocks.
func settled(args []safejs.Value) (any, error) {
	id, err := arg(args, 0).Int()
	if err != nil {
		return nil, err
	}
	if done := takeAwait(id); done != nil {
		if truthy(arg(args, 1)) {
			done <- awaited{v: arg(args, 2)}
		} else {
			done <- awaited{err: newJSThrown(arg(args, 2))}
		}
	}
	return nil, nil
}

// pendingAwaits counts the Promises Go still waits for.
func pendingAwaits() int {
	awaits.Lock()
	defer awaits.Unlock()
	return len(awaits.m)
}

func arg(args []safejs.Value, i int) safejs.Value {
	if i < len(args) {
		return args[i]
	}
	return safejs.Undefined()
}
