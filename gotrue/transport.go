package gotrue

import (
	"context"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

// Transport sends one HTTP request and returns the whole response. It
// returns an error only when no response arrived: every status, 4xx and
// 5xx included, is a Response. Package gotrue/nethttp provides one.
type Transport interface {
	Do(ctx context.Context, req *Request) (*Response, error)
}

// Request is an HTTP request: the method, the API URL with the path
// appended (never resolved: a relative API URL stays relative, for the
// Transport to resolve), the headers in order, and the body (nil: none).
type Request = core.Request

// Response is an HTTP response: status, status text, headers, body.
type Response = core.Response

// Header is an ordered list of header fields; lookups ignore case.
type Header = core.Header

// HeaderField is one header name and value.
type HeaderField = core.HeaderField

// Storage is where a remembered session is kept: a small synchronous
// key-value store, the shape of localStorage. Implementations must be safe
// for concurrent use.
type Storage = core.Storage

// MemoryStorage is a Storage in memory; the zero value is ready to use.
type MemoryStorage = core.MemoryStorage

// StorageKey is the key a remembered session is stored under, as gotrue-js
// stores it.
const StorageKey = "gotrue.user"

// transport adapts a Transport to the core's, whose context is the subset
// of context.Context the browser build can afford.
type transport struct{ t Transport }

func (a transport) Do(ctx core.Context, req *Request) (*Response, error) {
	return a.t.Do(stdContext(ctx), req)
}

// stdContext is the caller's context.Context, which ctx is unless the
// core made it (a refresh's own context): that one keeps its cancellation.
func stdContext(ctx core.Context) context.Context {
	if c, ok := ctx.(context.Context); ok {
		return c
	}
	return cancelOnly{ctx}
}

type cancelOnly struct{ core.Context }

func (cancelOnly) Deadline() (time.Time, bool) { return time.Time{}, false }
func (cancelOnly) Value(any) any               { return nil }
