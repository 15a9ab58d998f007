package core

import (
	"errors"
	"strings"
	"sync"
)

// API is the counterpart of gotrue-js's API object: the URL every path is appended to, and the
// default headers of every request. Its state is what page code sees as
// gotrue.api, so it stays exported through accessors. Safe for concurrent use.
type API struct {
	transport  Transport
	sameOrigin bool

	mu      sync.Mutex
	url     string
	headers Header
}

// NewAPI returns an API for url with default headers, sending through t.
func NewAPI(url string, headers Header, t Transport) *API {
	return &API{url: url, headers: headers.Clone(), transport: t, sameOrigin: isRelative(url)}
}

// URL returns the API URL, exactly as configured.
func (a *API) URL() string {
	a.mu.Lock()
	v := a.url
	a.mu.Unlock()
	return v
}

// SameOrigin reports whether the URL is relative to the page: it starts with
// one "/" but not "//". Same-origin requests send credentials:'same-origin'.
func (a *API) SameOrigin() bool { return a.sameOrigin }

func isRelative(u string) bool { return strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") }

// Headers returns a copy of the default headers, in order.
func (a *API) Headers() Header {
	a.mu.Lock()
	v := a.headers.Clone()
	a.mu.Unlock()
	return v
}

// SetHeader sets a default header, sent with every later request.
func (a *API) SetHeader(name, value string) {
	a.mu.Lock()
	a.headers.Set(name, value)
	a.mu.Unlock()
}

var errNoTransport = errors.New("gotrue: no Transport configured")

// call is one request: a path, and optionally a body and extra headers.
type call struct {
	method string
	path   string
	body   []byte // nil: no body, and no Content-Type
	header Header
}

// audience is c with X-JWT-AUD: aud, as both of gotrue-js's _request
// methods add it when the audience is not empty.
func (c call) audience(aud string) call {
	if aud != "" {
		c.header = c.header.Clone()
		c.header.Set("X-JWT-AUD", aud)
	}
	return c
}

// do sends c as gotrue-js's API.request does and returns what its Promise
// resolves to, as JSON: the parsed body for a JSON response, the text as a
// JSON string otherwise. Non-2xx statuses become *HTTPError.
func (a *API) do(ctx Context, c call) (RawJSON, error) {
	res, _, err := a.send(ctx, c)
	return res, err
}

// Call sends one request to path, composed as every request of the API is
// (the default headers, then header; Content-Type only with a body;
// credentials for a relative URL), and returns the decoded body, as do
// does, with the response's headers.
func (a *API) Call(ctx Context, method, path string, header Header, body []byte) (RawJSON, Header, error) {
	return a.send(ctx, call{method: method, path: path, header: header, body: body})
}

func (a *API) send(ctx Context, c call) (RawJSON, Header, error) {
	a.mu.Lock()
	h := a.headers.Clone()
	url := a.url
	a.mu.Unlock()
	h.Set("Content-Type", "application/json")
	for _, f := range c.header {
		h.Set(f.Name, f.Value)
	}
	if len(c.body) == 0 {
		h.Del("Content-Type")
	}
	req := &Request{Method: c.method, URL: url + c.path, Header: h, Body: c.body}
	if a.sameOrigin {
		req.Credentials = "same-origin"
	}
	if a.transport == nil {
		return nil, nil, errNoTransport
	}
	res, err := a.transport.Do(ctx, req)
	if err != nil {
		return nil, nil, err
	}
	body, err := decodeResponse(res)
	return body, res.Header, err
}

func decodeResponse(res *Response) (RawJSON, error) {
	if index(res.Header.Get("Content-Type"), "json") >= 0 {
		if err := validJSON(res.Body); err != nil {
			return nil, &SyntaxError{Status: res.Status, Err: err}
		}
		if !res.OK() {
			return nil, newHTTPError(res, RawJSON(res.Body))
		}
		return RawJSON(res.Body), nil
	}
	if !res.OK() {
		return nil, newHTTPError(res, nil)
	}
	return quote(string(res.Body)), nil
}

// encodeURIComponent escapes s as JavaScript's encodeURIComponent does.
func encodeURIComponent(s string) string {
	const keep = "-_.!~*'()"
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
