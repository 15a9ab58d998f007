//go:build js && wasm

// Command wasm is gotrue.wasm: the browser bindings of gotrue-wasm.
//
// It binds the core's flows (package gotrue/browser) to the page's
// objects: js/src/glue.js's methods throw what gotrue-js throws at once,
// then call a function of the bridge built here, which parses the
// arguments, runs one core flow and converts what it gives into an
// outcome the glue resolves or rejects with. The flows reach the page's
// GoTrue, User and API objects through the interfaces the core defines
// (flows.go, request.go, refresh.go), every read, write and call going
// through the glue's get, set, del and apply (objects.go); the requests go
// through the page's fetch (fetch.go), and storage through the glue's
// store (storage.go: localStorage, with its memory fallback, D4).
//
// The rules of Go in the browser apply throughout (wasm-notes.md): a
// callback never blocks, so every Promise-returning function does its work
// on a goroutine; every entry point recovers panics into a rejection; no
// call makes a js.Func (Go waits for a Promise through the glue's await and
// the bridge's settled).
package main
