package nethttp

import (
	"errors"
	"net/http"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
)

// RoundTripper is an http.RoundTripper that adds "Authorization: Bearer
// <access token>" from Source to each request, refreshing the token when
// it is due, then sends the request with Base. Use it as the Transport of
// an *http.Client that calls a site's functions or any API that accepts
// GoTrue's JWTs. It does not change the caller's request.
type RoundTripper struct {
	Source gotrue.TokenSource
	Base   http.RoundTripper // nil: http.DefaultTransport
}

// RoundTrip signs and sends req.
func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if rt.Source == nil {
		return nil, closeBody(req, errors.New("nethttp: RoundTripper has no Source"))
	}
	tok, err := rt.Source.Token(req.Context())
	if err != nil {
		return nil, closeBody(req, err)
	}
	signed := req.Clone(req.Context())
	signed.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	base := rt.Base
	if base == nil {
		base = http.DefaultTransport
	}
	return base.RoundTrip(signed)
}

// closeBody closes the request's body, as a RoundTripper must when it does
// not send it, and returns err.
func closeBody(req *http.Request, err error) error {
	if req.Body != nil {
		_ = req.Body.Close()
	}
	return err
}
