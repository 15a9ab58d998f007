//go:build js && wasm

package main

import (
	"errors"
	"sync"
	"syscall/js"

	"github.com/hack-pad/safejs"
)

// Globals looked up once at start.
var (
	jsObject, jsError, jsSyntaxError, jsJSON safejs.Value
)

// valueRef names a JavaScript value and where to keep it.
type valueRef struct {
	name string
	dst  *safejs.Value
}

func lookupGlobals() error {
	g := safejs.Global()
	for _, ref := range []valueRef{
		{"Object", &jsObject}, {"Error", &jsError}, {"SyntaxError", &jsSyntaxError}, {"JSON", &jsJSON},
	} {
		v, err := g.Get(ref.name)
		if err != nil || v.IsUndefined() {
			return errors.New("global " + ref.name + " is missing")
		}
		*ref.dst = v
	}
	return nil
}

// names are the JavaScript strings of the property names, step names and
// storage keys Go hands the glue, each made once: a call then makes no new
// string for them, nor a Value for the collector to finalize (a third of
// the Values a call made). The names come from the code, not the page;
// past maxNames, a name is made anew each time.
var names = struct {
	sync.Mutex
	m map[string]safejs.Value
}{m: map[string]safejs.Value{}}

const maxNames = 256

// jsName is s as a JavaScript string, made once.
func jsName(s string) any {
	names.Lock()
	defer names.Unlock()
	if v, ok := names.m[s]; ok {
		return v
	}
	if len(names.m) >= maxNames {
		return s
	}
	v, err := safejs.ValueOf(s)
	if err != nil {
		return s
	}
	names.m[s] = v
	return v
}

// newObject returns {}.
func newObject() (safejs.Value, error) { return jsObject.New() }

// jsString is String(v).
func jsString(v safejs.Value) string {
	if typeOf(v) == safejs.TypeString {
		s, _ := v.String()
		return s
	}
	s, err := safejs.Global().Call("String", v)
	if err != nil {
		return "[unprintable]"
	}
	out, _ := s.String()
	return out
}

// typeBigInt stands for typeof 'bigint', which syscall/js does not know:
// its Value.Type panics on a BigInt.
const typeBigInt safejs.Type = -1

// typeOf is v.Type() that survives a BigInt.
func typeOf(v safejs.Value) (t safejs.Type) {
	defer func() {
		if recover() != nil {
			t = typeBigInt
		}
	}()
	return v.Type()
}

func truthy(v safejs.Value) bool {
	b, err := v.Truthy()
	return err == nil && b
}

func isObject(v safejs.Value) bool {
	t := typeOf(v)
	return t == safejs.TypeObject || t == safejs.TypeFunction
}

// thrownValue returns the JavaScript value behind an error that a safejs
// call returned because JavaScript threw, if there is one.
func thrownValue(err error) (safejs.Value, bool) {
	for ; err != nil; err = errors.Unwrap(err) { // a chain, not a tree: nothing here joins errors
		switch e := err.(type) {
		case js.Error:
			return safejs.Safe(e.Value), true
		case jsThrown:
			return e.v, true
		}
	}
	return safejs.Value{}, false
}

// jsThrown is a JavaScript value that rejected a Promise or was thrown,
// carried through Go unchanged (a fetch TypeError, a JSON.stringify error).
// transport marks fetch's own rejection: the server gave no answer.
type jsThrown struct {
	v         safejs.Value
	msg       string
	transport bool
}

func newJSThrown(v safejs.Value) jsThrown { return jsThrown{v: v, msg: jsString(v)} }

func (e jsThrown) Error() string { return e.msg }

// Unanswered reports a failure without an answer (D8): fetch's rejection,
// or an error the glue marked so (a refresh that got no answer, a module
// that could not load).
func (e jsThrown) Unanswered() bool {
	if e.transport {
		return true
	}
	v, err := glue.unanswered.Invoke(e.v)
	return err == nil && truthy(v)
}

// noAnswer marks err, fetch's rejection, as a failure without an answer.
func noAnswer(err error) error {
	if e, ok := err.(jsThrown); ok {
		e.transport = true
		return e
	}
	return err
}
