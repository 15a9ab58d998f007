//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// stringArg returns argument i, which must be a string.
func stringArg(args []safejs.Value, i int, method, name string) (string, error) {
	v := arg(args, i)
	if typeOf(v) != safejs.TypeString {
		return "", argErr(method + ": " + name + " must be a string, not " + typeName(v))
	}
	s, err := v.String()
	return s, err
}

func typeName(v safejs.Value) string {
	if v.IsNull() {
		return "null"
	}
	if t := typeOf(v); t != typeBigInt {
		return t.String()
	}
	return "bigint"
}

// resultToJS turns what a core call resolved with (JSON) into its value;
// nil is undefined.
func resultToJS(raw gotrue.RawJSON) (any, error) {
	if raw == nil {
		return safejs.Undefined(), nil
	}
	return parseJSON(raw)
}
