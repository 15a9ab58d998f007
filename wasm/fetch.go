//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// refreshSend is the Transport of one token refresh: the glue sends the
// request of refresh id as gotrue-js's API.request sends it (the page's API
// object gives the URL, the headers and the credentials) with the body the
// core decided, and hands back the Promise of [status, statusText,
// Content-Type, body text]. The rest of the core's request is not used.
// Errors that fetch rejects with (TypeError: Failed to fetch) come back as
// the same JavaScript value, which reaches page code unchanged.
type refreshSend struct{ id int }

// Do sends req's body and reads the answer. ctx is not watched: a call from
// page code cannot be cancelled (gotrue-js has no way to), so its Context
// never ends.
func (t refreshSend) Do(_ browser.Context, req *browser.Request) (*browser.Response, error) {
	p, err := glue.send.Invoke(t.id, string(req.Body))
	if err != nil {
		return nil, thrownError(err)
	}
	v, err := await(p)
	if err != nil {
		return nil, err
	}
	return response(v)
}

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
