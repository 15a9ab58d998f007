// Package gotrue is a Go client for GoTrue, the user API behind Netlify
// Identity: sign-up, sign-in, sessions that refresh their own tokens, the
// signed-in user's account, and the admin API.
//
// A Client talks to one GoTrue endpoint and holds no session; it is safe
// for concurrent use. Signing in (Login, Confirm, Recover, AcceptInvite,
// Verify, NewSession) gives a *Session: one user's token and account,
// independent of every other session, so a server can hold one per user.
// A Session is a TokenSource: Token returns a valid access token,
// refreshing it when it expires within a minute; concurrent callers share
// one refresh request, which ends when it is answered, when it times out
// (30 s) or when every caller waiting for it has left. Requests go through
// a Transport; package gotrue/nethttp provides one over net/http, and an
// http.RoundTripper that signs requests with a TokenSource.
//
//	client := gotrue.NewClient("https://example.netlify.app/.netlify/identity",
//		gotrue.WithTransport(&nethttp.Transport{}))
//	session, err := client.Login(ctx, email, password)
//	tok, err := session.Token(ctx)
//
// A session can be kept in a Storage (Remember): it is saved in the JSON
// that gotrue-js writes to localStorage, kept up to date after each
// refresh and update, and resumed with ResumeSession. A refresh first
// re-reads the store: when another holder of the same session (another
// process, another browser tab) has rotated the refresh token already, its
// newer token is adopted instead of sending the old one, which the server
// would refuse.
//
// Admin calls take any TokenSource: a session of an admin user, or the
// server's operator token (StaticToken), as a function or a back office
// holds it.
//
// Errors: a non-2xx answer is an *HTTPError with the status, the headers
// and GoTrue's message; ErrNoSession says a session has ended (logged out,
// or its refresh token refused). Unanswered tells a failure the server
// never answered (offline, a timeout, a 5xx), which keeps the session, from
// one it did. No error message contains a token.
//
// The same core runs in the browser, behind gotrue-wasm's drop-in for
// gotrue-js; gotrue-js's conventions (one current user per page, the
// remember flag) are the browser binding's, not this package's.
package gotrue
