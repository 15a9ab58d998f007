// Package browser is what gotrue-wasm's browser bindings (package main in
// wasm/, built to gotrue.wasm) use of the core: the page-wide realm of
// gotrue-js (its storage, and the refresh tokens the page obtained), the
// reading of an HTTP answer, and the token refresh with gotrue-wasm's
// session rules (D5, D8, D9). Go programs use package gotrue instead.
//
// In the browser the page's JavaScript objects are the state: the
// bindings hand these functions plain values read from them, and apply
// what the functions decide.
package browser

import (
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

type (
	// Context is the cancellation the core needs of a context.Context.
	Context = core.Context
	// Transport sends one request.
	Transport = core.Transport
	// Request is an HTTP request as gotrue-js makes it.
	Request = core.Request
	// Response is an HTTP response.
	Response = core.Response
	// Header is an ordered list of header fields.
	Header = core.Header
	// Storage is the page's storage (localStorage, or memory: D4).
	Storage = core.Storage
	// Realm is the page-wide state gotrue-js keeps in module globals.
	Realm = core.Realm
	// HTTPError is an answer with a status outside 2xx.
	HTTPError = core.HTTPError
	// SyntaxError is a JSON answer that does not parse (it never quotes
	// the body, D6).
	SyntaxError = core.SyntaxError
	// RefreshState is what a refresh reads of a User object.
	RefreshState = core.RefreshState
	// RefreshResult is what a refresh decided.
	RefreshResult = core.RefreshResult
)

var (
	// ErrRefreshTimeout is a refresh without an answer in 30 s.
	ErrRefreshTimeout = core.ErrRefreshTimeout
	// ErrBadState is state a binding handed over that cannot be read.
	ErrBadState = core.ErrBadState
)

// NewRealm returns the page's realm over storage, with clock.
func NewRealm(storage Storage, clock func() time.Time) *Realm {
	return core.NewRealm(core.WithStorage(storage), core.WithClock(clock))
}

// Decode reads an answer as gotrue-js's API.request does (see
// core.Bindings.Decode).
func Decode(res *Response) ([]byte, error) { return core.Bindings.Decode(res) }

// Refresh is the token refresh of a User object whose state is s (see
// core.Bindings.Refresh).
func Refresh(ctx Context, r *Realm, t Transport, s RefreshState) RefreshResult {
	return core.Bindings.Refresh(ctx, r, t, s)
}

// Strings reads a JSON array of strings.
func Strings(raw []byte) ([]string, error) { return core.Bindings.Strings(raw) }

// Unanswered reports whether err means the server gave no answer that
// settles the request (D8).
func Unanswered(err error) bool { return core.Unanswered(err) }
