//go:build js && wasm

package main

import (
	"fmt"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// fetchTransport sends the core's requests with the browser's fetch.
// Errors that fetch rejects with (TypeError: Failed to fetch) come back as
// the same JavaScript value, which reaches page code unchanged.
type fetchTransport struct{}

// Do sends req with fetch and reads the body as text. Of the response
// headers only Content-Type is read: it is all the client uses.
func (fetchTransport) Do(ctx gotrue.Context, req *gotrue.Request) (*gotrue.Response, error) {
	fetch, err := safejs.Global().Get("fetch")
	if err != nil || typeOf(fetch) != safejs.TypeFunction {
		return nil, fmt.Errorf("gotrue-wasm: fetch is not available")
	}
	init, abort, err := fetchInit(req)
	if err != nil {
		return nil, err
	}
	p, err := fetch.Invoke(req.URL, init)
	if err != nil {
		return nil, thrownError(err)
	}
	res, err := await(ctx, p, abort)
	if err != nil {
		return nil, err
	}
	return readResponse(ctx, res, abort)
}

func fetchInit(req *gotrue.Request) (safejs.Value, func(), error) {
	init, err := newObject()
	if err != nil {
		return init, nil, err
	}
	headers, err := newObject()
	if err != nil {
		return init, nil, err
	}
	for _, h := range req.Header {
		if err := headers.Set(h.Name, h.Value); err != nil {
			return init, nil, err
		}
	}
	set := map[string]any{"method": req.Method, "headers": headers}
	if req.Body != nil {
		set["body"] = string(req.Body)
	}
	if req.Credentials != "" {
		set["credentials"] = req.Credentials
	}
	for k, v := range set {
		if err := init.Set(k, v); err != nil {
			return init, nil, err
		}
	}
	return init, withAbort(init), nil
}

// withAbort gives the request an AbortController's signal, when there is
// one, and returns its abort.
func withAbort(init safejs.Value) func() {
	ctor, err := safejs.Global().Get("AbortController")
	if err != nil || typeOf(ctor) != safejs.TypeFunction {
		return nil
	}
	ac, err := ctor.New()
	if err != nil {
		return nil
	}
	signal, err := ac.Get("signal")
	if err != nil || init.Set("signal", signal) != nil {
		return nil
	}
	return func() { _, _ = ac.Call("abort") }
}

func readResponse(ctx gotrue.Context, res safejs.Value, abort func()) (*gotrue.Response, error) {
	status, err := getInt(res, "status")
	if err != nil {
		return nil, err
	}
	statusText, _ := getString(res, "statusText")
	headers, err := res.Get("headers")
	if err != nil {
		return nil, err
	}
	ct, err := headers.Call("get", "Content-Type")
	if err != nil {
		return nil, thrownError(err)
	}
	textP, err := res.Call("text")
	if err != nil {
		return nil, thrownError(err)
	}
	text, err := await(ctx, textP, abort)
	if err != nil {
		return nil, err
	}
	body, _ := text.String()
	out := &gotrue.Response{Status: status, StatusText: statusText, Body: []byte(body)}
	if !ct.IsNull() && !ct.IsUndefined() {
		out.Header = gotrue.Header{{Name: "Content-Type", Value: jsString(ct)}}
	}
	return out, nil
}

func getInt(v safejs.Value, key string) (int, error) {
	f, err := v.Get(key)
	if err != nil {
		return 0, err
	}
	return f.Int()
}

func getString(v safejs.Value, key string) (string, error) {
	f, err := v.Get(key)
	if err != nil {
		return "", err
	}
	return jsString(f), nil
}

// thrownError keeps the JavaScript value of an exception, so it reaches
// page code as itself.
func thrownError(err error) error {
	if v, ok := thrownValue(err); ok {
		return newJSThrown(v)
	}
	return err
}
