//go:build js && wasm

// Command wasm is gotrue.wasm: the browser bindings of gotrue-wasm.
//
// It is a shim. The JavaScript glue in js/src/glue.js is gotrue-js's
// classes, whose objects are the state, and answers their synchronous
// methods itself. Each method that returns a Promise calls one function of
// the bridge built here with the state it read from its object (state.go):
// the function builds the core's values from it (package gotrue), runs the
// core's flow on a goroutine, and a flow (mirror.go) writes each change the
// core makes back to the objects, through the glue's own assignments. Go
// keeps nothing per object. Requests go through fetch, sessions through the
// glue's store (localStorage, with its memory fallback, D4).
//
// The rules of Go in the browser apply throughout (wasm-notes.md): a
// callback never blocks, so every Promise-returning method does its work on
// a goroutine; every entry point recovers panics into a rejection or a
// throw; every one-shot js.Func is released.
package main
