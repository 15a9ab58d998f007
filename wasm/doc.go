//go:build js && wasm

// Command wasm is gotrue.wasm: the browser bindings of gotrue-wasm.
//
// It is a shim. The JavaScript glue in js/src/glue.js gives gotrue-js's
// classes their shape; every method calls one function of the bridge built
// here, which parses the JavaScript arguments, calls the core (package
// gotrue) and converts the result. Requests go through fetch, sessions
// through localStorage with a memory fallback (D4).
//
// The rules of Go in the browser apply throughout (wasm-notes.md): a
// callback never blocks, so every Promise-returning method does its work on
// a goroutine; every entry point recovers panics into a rejection or a
// throw; every one-shot js.Func is released.
package main
