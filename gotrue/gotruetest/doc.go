// Package gotruetest is an in-memory emulator of the netlify/gotrue HTTP API,
// in the spirit of net/http/httptest.
//
// A Server behaves like netlify/gotrue (commit ab1bf15) wherever a client can
// tell the difference: the same routes, status codes, JSON shapes and key
// order, error bodies, JWT claims, refresh-token rotation, audiences, admin
// rules, cookies, CORS and mail links. Mail is never sent; it is captured and
// can be read from Go (Server.Mails) or over HTTP as JSON (Server.MailHandler).
//
// All state lives in the Server value, so two emulators in one process are
// independent, and every method is safe for concurrent use. The clock can be
// moved (Server.Advance) to expire tokens without sleeping.
//
// Typical use in a test:
//
//	srv := gotruetest.New(gotruetest.WithAutoconfirm(true))
//	ts := httptest.NewServer(srv)
//	defer ts.Close()
//
// or mounted under the path Netlify uses:
//
//	mux.Handle("/.netlify/identity/", http.StripPrefix("/.netlify/identity", srv))
//
// The emulator is for tests and local development only: passwords are kept
// in memory, and nothing is persisted.
package gotruetest
