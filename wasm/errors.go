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

func argErrorf(format string, args ...any) error { return &argError{msg: fmt.Sprintf(format, args...)} }

// errToJS maps a Go error to what gotrue-js would reject with:
// JSONHTTPError/TextHTTPError for HTTP errors (with the shaped message
// where gotrue-js shapes it), the original value for JavaScript errors,
// SyntaxError for a malformed JSON body, TypeError for bad arguments, and
// Error for the rest.
func errToJS(err error) safejs.Value {
	if v, ok := thrownValue(err); ok {
		return v
	}
	var he *gotrue.HTTPError
	var se *gotrue.SyntaxError
	var ae *argError
	var v safejs.Value
	var cerr error
	switch {
	case errors.As(err, &he):
		v, cerr = httpErrorToJS(he)
	case errors.As(err, &se):
		v, cerr = jsSyntaxError.New(se.Error())
	case errors.As(err, &ae):
		v, cerr = jsTypeError.New(ae.msg)
	default:
		v, cerr = jsError.New(err.Error())
	}
	if cerr != nil {
		v, _ = safejs.ValueOf(err.Error())
	}
	return v
}

func httpErrorToJS(he *gotrue.HTTPError) (safejs.Value, error) {
	res, err := newObject()
	if err != nil {
		return res, err
	}
	_ = res.Set("status", he.Status)
	_ = res.Set("statusText", he.StatusText)
	if !he.IsJSON() {
		return glue.TextHTTPError.New(res, he.Text)
	}
	body, err := parseJSON(he.JSON)
	if err != nil {
		return body, err
	}
	e, err := glue.JSONHTTPError.New(res, body)
	if err != nil {
		return e, err
	}
	if msg := he.Message(); msg != he.StatusText {
		err = e.Set("message", msg)
	}
	return e, err
}
