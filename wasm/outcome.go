//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
)

// failed is the outcome of an error: [false, error, unanswered, more...].
func failed(err error, more ...any) []any {
	return append([]any{false, errToJS(err), browser.Unanswered(err)}, more...)
}
