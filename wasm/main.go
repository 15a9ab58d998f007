//go:build js && wasm

package main

import (
	"os"

	"github.com/hack-pad/safejs"
)

func main() {
	if err := boot(os.Getenv("GOTRUE_BOOT")); err != nil {
		if console, cerr := safejs.Global().Get("console"); cerr == nil {
			_, _ = console.Call("error", "gotrue-wasm: cannot start: "+err.Error())
		}
		return
	}
	select {} // keep serving calls from JavaScript
}
