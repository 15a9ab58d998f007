//go:build js && wasm

// Command wasm is gotrue.wasm: the browser bindings of gotrue-wasm.
//
// It is a shim. js/src/glue.js runs gotrue-js's classes on the page's
// objects, step by step through this, and calls Go for two steps only,
// each a function of the bridge built here: exchange, the end of
// API.request (the answer read and typed by the core), and refresh, the
// token refresh of User._refreshToken (browser.Refresh: D5, D8,
// with D9's lock held by the glue). Each receives strings and numbers the
// glue read when the step began, keeps none of them, and resolves with an
// outcome the glue applies. The refresh's own request goes through fetch
// (fetch.go), and its storage reads through the glue's store (storage.go:
// localStorage, with its memory fallback, D4).
//
// The rules of Go in the browser apply throughout (wasm-notes.md): a
// callback never blocks, so every Promise-returning function does its work
// on a goroutine; every entry point recovers panics into a rejection; no
// call makes a js.Func (Go waits for a Promise through the glue's await and
// the bridge's settled).
package main
