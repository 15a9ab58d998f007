// Package gotrue is a client for GoTrue, the user API behind Netlify
// Identity, that behaves as Netlify's gotrue-js 1.0.1 (its tests hold it to
// gotrue-js itself where the two share a rule: pair_js_test.go).
//
// It is the pure-Go core of gotrue-wasm. Go programs use all of it. The
// browser build runs gotrue-js's own classes on the page's objects, and uses
// the core for what those delegate: every HTTP exchange, and the token
// refresh with gotrue-wasm's session rules (see Bindings). It knows nothing
// of the browser and does not link net/http; requests go through a
// Transport (package gotrue/nethttp provides one over net/http), and
// sessions through a synchronous Storage.
//
// A Client makes the unauthenticated calls (Signup, Login, Confirm,
// Recover, …). A successful login gives a *User, whose JWT method returns
// an access token, refreshed when it expires within a minute; concurrent
// callers share one refresh request. A remembered session is saved under
// StorageKey in the same JSON gotrue-js writes, so either library picks up
// a session the other saved.
//
// State that gotrue-js keeps in module globals (the current user, the
// stored session, refreshes in flight) lives in a Realm; every Client of
// one Realm shares it, as every GoTrue instance of a page does.
//
// Methods that send a request take a Context, the part of context.Context
// the client uses: pass any context.Context. (The browser build cannot
// afford what context.Context itself links in; see Context.)
//
// Errors: a non-2xx answer is an *HTTPError carrying the status, the status
// text and the body; ErrNoSession and the other sentinels work with
// errors.Is; Unanswered tells a failure the server never answered (which
// keeps a session, D8) from one it did. No error message contains a token.
//
// Where gotrue-wasm deliberately differs from gotrue-js (the D-numbers of
// the project's contract), the documentation says so.
package gotrue
