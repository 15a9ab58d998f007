// Package core is gotrue's logic, once, for Go programs (through package
// gotrue) and for the browser (through package gotrue/browser and the
// wasm bindings): what each request carries and how its answer is read and
// typed, tokens and their expiry, sessions and their storage in the JSON
// gotrue-js writes, and the refresh policy with gotrue-wasm's session
// rules (D5, D8, D9 of the project's contract).
//
// Its flows follow gotrue-js 1.0.1 step by step (Client is gotrue-js's
// GoTrue, User its User, Realm its module globals), and its tests hold it
// to gotrue-js itself where the two share a rule (pair_js_test.go).
//
// It knows nothing of the browser and links neither net/http nor context
// nor encoding/json, whose bytes the browser would pay for: requests go
// through a Transport, sessions through a synchronous Storage, and
// cancellation through Context, the part of context.Context it needs.
package core
