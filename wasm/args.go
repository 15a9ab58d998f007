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

// clientArg resolves the GoTrue handle the glue passes first.
func clientArg(args []safejs.Value, method string) (*clientRef, error) {
	ref, ok := reg.client(arg(args, 0))
	if !ok {
		return nil, argErr(method + ": this is not a GoTrue object")
	}
	return ref, nil
}

// userArg resolves the User handle and object the glue passes first.
func userArg(args []safejs.Value, method string) (*userRef, safejs.Value, error) {
	ref, ok := reg.user(arg(args, 0))
	if !ok {
		return nil, safejs.Undefined(), argErr(method + ": this is not a User object, or its session is gone")
	}
	return ref, arg(args, 1), nil
}

// jsonArg is JSON.stringify(v) for a request body; nil when it gives
// undefined (no body), as fetch receives it from gotrue-js.
func jsonArg(v safejs.Value) ([]byte, error) {
	b, ok, err := stringify(v)
	if err != nil {
		return nil, thrownError(err)
	}
	if !ok {
		return nil, nil
	}
	return b, nil
}

// objectArg is argument i as a core Object; it must be a JavaScript object.
func objectArg(args []safejs.Value, i int, method, name string) (gotrue.Object, safejs.Value, error) {
	v := arg(args, i)
	if !isObject(v) {
		return gotrue.Object{}, v, argErr(method + ": " + name + " must be an object, not " + typeName(v))
	}
	b, err := jsonArg(v)
	if err != nil {
		return gotrue.Object{}, v, err
	}
	o, err := gotrue.ParseObject(b)
	if err != nil {
		return gotrue.Object{}, v, argErr(method + ": " + name + " must be a plain object")
	}
	return o, v, nil
}

// audienceJSON is a User audience: undefined stays undefined (nil).
func audienceJSON(v safejs.Value) gotrue.RawJSON {
	if v.IsUndefined() {
		return nil
	}
	return gotrue.JSONString(jsString(v))
}

// resultToJS turns what a core call resolved with (JSON) into its value.
func resultToJS(raw gotrue.RawJSON) (any, error) {
	if raw == nil {
		return safejs.Undefined(), nil
	}
	return parseJSON(raw)
}
