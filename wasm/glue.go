//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// glueRefs are the functions js/src/glue.js hands the bridge: the refresh's
// request, the HTTP error classes, awaiting a Promise, and the session
// storage.
type glueRefs struct {
	httpError, send, await, store safejs.Value
}

var glue glueRefs

func loadGlue(g safejs.Value) error {
	for _, ref := range []valueRef{
		{"httpError", &glue.httpError}, {"send", &glue.send}, {"await", &glue.await},
	} {
		v, err := g.Get(ref.name)
		if err != nil || typeOf(v) != safejs.TypeFunction {
			return errors.New("glue." + ref.name + " is missing")
		}
		*ref.dst = v
	}
	store, err := g.Get("store")
	if err != nil || !isObject(store) {
		return errors.New("glue.store is missing")
	}
	glue.store = store
	return nil
}
