//go:build js && wasm

package main

import (
	"errors"
	"fmt"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// internalError reports a panic recovered in the bridge (where, when
// known): page code gets an Error, and the runtime keeps running.
func internalError(where string, r any) error {
	if where != "" {
		where = " in " + where
	}
	return fmt.Errorf("gotrue-wasm: internal error%s: %v", where, r)
}

// errToJS maps a Go error to what gotrue-js would reject with:
// JSONHTTPError/TextHTTPError for HTTP errors (unshaped: gotrue-js's
// _request methods shape them), the original value for JavaScript errors,
// SyntaxError for a malformed JSON body, and Error for the rest.
func errToJS(err error) safejs.Value {
	if v, ok := thrownValue(err); ok {
		return v
	}
	v, cerr := newJSError(err)
	if cerr != nil {
		v, _ = safejs.ValueOf(err.Error())
	}
	return v
}

// newJSError constructs the JavaScript error for a Go error that did not
// come from JavaScript.
func newJSError(err error) (safejs.Value, error) {
	ctor, msg := jsError, err.Error()
	switch err {
	case browser.ErrRefreshTimeout:
		msg = "Token refresh timeout" // gotrue-js's text, which page code compares
	case browser.ErrTokenNotSet:
		msg = "Gotrue-js: Token not set after refresh"
	}
	// The outermost typed error decides; the chain is a chain (nothing here
	// joins errors), so this is what errors.AsType would find.
	for e := err; e != nil && ctor.Equal(jsError); e = errors.Unwrap(e) {
		switch e := e.(type) {
		case gotrueError:
			return gotrueErrorToJS(e)
		case *browser.HTTPError:
			return httpErrorToJS(e)
		case *browser.SyntaxError:
			ctor, msg = jsSyntaxError, e.Error()
		}
	}
	return ctor.New(msg)
}

func httpErrorToJS(he *browser.HTTPError) (safejs.Value, error) {
	body := he.Text
	if he.IsJSON() {
		body = string(he.JSON)
	}
	return glue.httpError.Invoke(he.Status, he.StatusText, he.IsJSON(), body)
}

// gotrueErrorToJS is the JSONHTTPError or TextHTTPError of an HTTP error
// with GoTrue's message.
func gotrueErrorToJS(e gotrueError) (safejs.Value, error) {
	v, err := httpErrorToJS(e.HTTPError)
	if err == nil {
		err = v.Set("message", e.Message())
	}
	return v, err
}

// Shape gives a JSONHTTPError with a json body that page code's step
// rejected with GoTrue's message (browser.GoTrueMessage), as gotrue-js's
// _request methods do: the value of json.msg, or "error: description".
func (e jsThrown) Shape() {
	if ok, err := e.v.InstanceOf(glue.jsonHTTPError); err != nil || !ok {
		return
	}
	body, err := get(e.v, "json")
	if err != nil || !truthy(body) {
		return
	}
	text, fromMsg, ok := browser.GoTrueMessage(errorBody{body})
	if !ok {
		return
	}
	var msg any = text
	if fromMsg {
		msg, _ = get(body, "msg")
	}
	_ = set(e.v, "message", msg)
}

// errorBody is an error's json as GoTrueMessage reads it.
type errorBody struct{ v safejs.Value }

// Truthy is !!body[key].
func (b errorBody) Truthy(key string) bool {
	v, err := get(b.v, key)
	return err == nil && truthy(v)
}

// String is `${body[key]}`.
func (b errorBody) String(key string) string {
	v, _ := get(b.v, key)
	return jsString(v)
}
