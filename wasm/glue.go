//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// glueRefs are the classes and helpers js/src/glue.js hands the bridge.
type glueRefs struct {
	API, Throw                     safejs.Value
	httpError, log, request, await safejs.Value
	user, mirror, api              safejs.Value
}

var glue glueRefs

func loadGlue(g safejs.Value) error {
	for _, ref := range []valueRef{
		{"API", &glue.API}, {"Throw", &glue.Throw},
		{"httpError", &glue.httpError}, {"log", &glue.log}, {"request", &glue.request}, {"await", &glue.await},
		{"user", &glue.user}, {"mirror", &glue.mirror}, {"api", &glue.api},
	} {
		v, err := g.Get(ref.name)
		if err != nil || typeOf(v) != safejs.TypeFunction {
			return errors.New("glue." + ref.name + " is missing")
		}
		*ref.dst = v
	}
	return nil
}

// throwValue marks err to be thrown by the glue's synchronous wrapper:
// wasm_exec.js has no way to throw from a Go function.
func throwValue(err error) any {
	v, cerr := glue.Throw.New(errToJS(err))
	if cerr != nil {
		return nil
	}
	return v
}
