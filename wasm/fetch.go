//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// response reads the glue's [status, statusText, Content-Type, text].
func response(v safejs.Value) (*browser.Response, error) {
	var f [4]safejs.Value
	for i := range f {
		var err error
		if f[i], err = v.Index(i); err != nil {
			return nil, err
		}
	}
	status, err := f[0].Int()
	if err != nil {
		return nil, err
	}
	out := &browser.Response{Status: status, StatusText: jsString(f[1]), Body: []byte(jsString(f[3]))}
	if typeOf(f[2]) == safejs.TypeString {
		out.Header = browser.Header{{Name: "Content-Type", Value: jsString(f[2])}}
	}
	return out, nil
}

// thrownError keeps the JavaScript value of an exception, so it reaches
// page code as itself.
func thrownError(err error) error {
	if v, ok := thrownValue(err); ok {
		return newJSThrown(v)
	}
	return err
}
