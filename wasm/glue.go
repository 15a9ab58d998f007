//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// glueRefs are the functions js/src/glue.js hands the bridge: requests,
// errors and console output, awaiting a Promise, the assignments of the
// mirror (see flow), and the session storage.
type glueRefs struct {
	httpError, log, request, await                     safejs.Value
	started, setToken, assign, setHeader, clearCurrent safejs.Value
	store                                              safejs.Value
}

var glue glueRefs

func loadGlue(g safejs.Value) error {
	for _, ref := range []valueRef{
		{"httpError", &glue.httpError}, {"log", &glue.log}, {"request", &glue.request}, {"await", &glue.await},
		{"started", &glue.started}, {"setToken", &glue.setToken}, {"assign", &glue.assign},
		{"setHeader", &glue.setHeader}, {"clearCurrent", &glue.clearCurrent},
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
