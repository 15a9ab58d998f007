//go:build js && wasm

package main

import (
	"os"

	"github.com/hack-pad/safejs"
)

// main boots with the function the loader named in argv[1] (argv, not the
// environment: os.Getenv would link syscall's environment code).
func main() {
	bootName := ""
	if len(os.Args) > 1 {
		bootName = os.Args[1]
	}
	if err := boot(bootName); err != nil {
		if console, cerr := safejs.Global().Get("console"); cerr == nil {
			_, _ = console.Call("error", "gotrue-wasm: cannot start: "+err.Error())
		}
		return
	}
	select {} // keep serving calls from JavaScript
}
