//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// The two steps of gotrue-js's flows that are Go's. The glue calls them with
// plain values it read from the objects when the step began, and Go keeps
// none of them: it reads the strings and numbers it needs, and answers with
// an outcome array that the glue applies (page code never sees Go write to
// its objects). An outcome is [true, value, ...] or [false, error,
// unanswered, ...], where unanswered says that the server gave no answer
// that settles the request (browser.Unanswered: D8).

// exchange reads the answer to one request: args[0] is the Promise of
// [status, statusText, Content-Type, body text] of the glue's fetch, made
// with the options page code gave. It resolves with [true, JSON of the
// value] or [false, error, unanswered].
func exchange(args []safejs.Value) (work, error) {
	answer := arg(args, 0)
	return func(browser.Context) (any, error) {
		v, err := await(answer)
		if err != nil {
			return failed(thrownError(err)), nil
		}
		res, err := response(v)
		if err != nil {
			return nil, err
		}
		raw, err := browser.Decode(res)
		if err != nil {
			return failed(err), nil
		}
		return []any{true, string(raw)}, nil
	}, nil
}

// failed is the outcome of an error.
func failed(err error, more ...any) []any {
	return append([]any{false, errToJS(err), browser.Unanswered(err)}, more...)
}
