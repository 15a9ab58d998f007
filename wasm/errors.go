//go:build js && wasm

package main

import (
	"errors"
	"fmt"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// argError is a bad argument from page code; it becomes a TypeError whose
// message names the method, e.g. "login: email must be a string".
type argError struct{ msg string }

func (e *argError) Error() string { return e.msg }

func argErr(msg string) error { return &argError{msg: msg} }

// internalError reports a panic recovered in the bridge (where, when
// known): page code gets an Error, and the runtime keeps running.
func internalError(where string, r any) error {
	if where != "" {
		where = " in " + where
	}
	return fmt.Errorf("gotrue-wasm: internal error%s: %v", where, r)
}

// errToJS maps a Go error to what gotrue-js would reject with:
// JSONHTTPError/TextHTTPError for HTTP errors (with the shaped message
// where gotrue-js shapes it), the original value for JavaScript errors,
// SyntaxError for a malformed JSON body, TypeError for bad arguments, and
// Error for the rest.
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

// gotrueJSTexts are gotrue-js's messages for the core's sentinel errors,
// which page code compares.
var gotrueJSTexts = []struct {
	err  error
	text string
}{
	{gotrue.ErrNoSession, "Gotrue-js: failed getting jwt access token"},
	{gotrue.ErrRefreshTimeout, "Token refresh timeout"},
	{gotrue.ErrTokenNotSet, "Gotrue-js: Token not set after refresh"},
}

// newJSError constructs the JavaScript error for a Go error that did not
// come from JavaScript.
func newJSError(err error) (safejs.Value, error) {
	ctor, msg := jsError, err.Error()
	for _, s := range gotrueJSTexts {
		if err == s.err {
			return ctor.New(s.text)
		}
	}
	// The outermost typed error decides; the chain is a chain (nothing here
	// joins errors), so this is what errors.AsType would find.
	for e := err; e != nil && ctor.Equal(jsError); e = errors.Unwrap(e) {
		switch e := e.(type) {
		case *gotrue.HTTPError:
			return httpErrorToJS(e)
		case *gotrue.SyntaxError:
			ctor, msg = jsSyntaxError, e.Error()
		case *argError:
			ctor, msg = jsTypeError, e.msg
		}
	}
	return ctor.New(msg)
}

func httpErrorToJS(he *gotrue.HTTPError) (safejs.Value, error) {
	body, msg := he.Text, ""
	if he.IsJSON() {
		body, msg = string(he.JSON), he.Message()
	}
	return glue.httpError.Invoke(he.Status, he.StatusText, he.IsJSON(), body, msg)
}
