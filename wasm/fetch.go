//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// fetchTransport sends the core's requests with the browser's fetch,
// through the glue's request function: one crossing out with the request
// laid flat, one Promise back with [status, statusText, Content-Type,
// body text]. Errors that fetch rejects with (TypeError: Failed to fetch)
// come back as the same JavaScript value, which reaches page code
// unchanged.
type fetchTransport struct{}

// Do sends req and reads the body as text. Of the response headers only
// Content-Type is read: it is all the client uses. ctx is not watched: a
// call from page code cannot be cancelled (gotrue-js has no way to), so
// its Context never ends.
func (fetchTransport) Do(_ gotrue.Context, req *gotrue.Request) (*gotrue.Response, error) {
	headers := make([]any, 0, 2*len(req.Header))
	for _, h := range req.Header {
		headers = append(headers, h.Name, h.Value)
	}
	var body any
	if req.Body != nil {
		body = string(req.Body)
	}
	p, err := glue.request.Invoke(req.URL, req.Method, headers, body, req.Credentials)
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
func response(v safejs.Value) (*gotrue.Response, error) {
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
	out := &gotrue.Response{Status: status, StatusText: jsString(f[1]), Body: []byte(jsString(f[3]))}
	if typeOf(f[2]) == safejs.TypeString {
		out.Header = gotrue.Header{{Name: "Content-Type", Value: jsString(f[2])}}
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
