// Package nethttp connects package gotrue to net/http: Transport sends
// gotrue's requests with an *http.Client, and RoundTripper signs a
// program's own requests with a gotrue.TokenSource. The browser build uses
// fetch instead and never links it.
package nethttp

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
)

// MaxBody bounds how much of a response body is read.
const MaxBody = 4 << 20

// Transport sends gotrue requests with an *http.Client. Relative API URLs
// (such as the default "/.netlify/identity") are resolved against Base.
type Transport struct {
	Client *http.Client // nil: http.DefaultClient
	Base   string       // e.g. "https://example.netlify.app"
}

// Do sends req and reads the whole response, up to MaxBody.
func (t *Transport) Do(ctx context.Context, req *gotrue.Request) (*gotrue.Response, error) {
	target, err := t.resolve(req.URL)
	if err != nil {
		return nil, err
	}
	var body io.Reader
	if req.Body != nil {
		body = bytes.NewReader(req.Body)
	}
	hr, err := http.NewRequestWithContext(ctx, req.Method, target, body)
	if err != nil {
		return nil, err
	}
	for _, f := range req.Header {
		hr.Header.Set(f.Name, f.Value)
	}
	res, err := t.client().Do(hr)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, MaxBody))
	if err != nil {
		return nil, err
	}
	return &gotrue.Response{Status: res.StatusCode, StatusText: statusText(res), Header: header(res.Header), Body: b}, nil
}

func (t *Transport) client() *http.Client {
	if t.Client != nil {
		return t.Client
	}
	return http.DefaultClient
}

func (t *Transport) resolve(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", err
	}
	if u.IsAbs() {
		return raw, nil
	}
	if t.Base == "" {
		return "", fmt.Errorf("nethttp: relative URL %q needs Transport.Base", raw)
	}
	base, err := url.Parse(t.Base)
	if err != nil {
		return "", err
	}
	return base.ResolveReference(u).String(), nil
}

// statusText is the reason phrase, as fetch's Response.statusText gives it
// over HTTP/1.1.
func statusText(res *http.Response) string {
	return strings.TrimSpace(strings.TrimPrefix(res.Status, fmt.Sprint(res.StatusCode)))
}

func header(h http.Header) gotrue.Header {
	out := make(gotrue.Header, 0, len(h))
	for name, vals := range h {
		out = append(out, gotrue.HeaderField{Name: name, Value: strings.Join(vals, ", ")})
	}
	return out
}
