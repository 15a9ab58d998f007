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

// call is one request of a Go program: a path, and optionally a body,
// extra headers and an audience. It is the flows' RequestOptions.
type call struct {
	method string
	path   string
	body   []byte // nil: no body, and no Content-Type
	header Header
	aud    string

	answered Header // the response's headers, once it arrived
}

// Audience is the call's audience.
func (c *call) Audience() (string, error) { return c.aud, nil }

// SetHeader sets one of the call's headers.
func (c *call) SetHeader(name, value string) error {
	c.header = c.header.Clone()
	c.header.Set(name, value)
	return nil
}

// HasBody reports whether the call has a body.
func (c *call) HasBody() (bool, error) { return len(c.body) > 0, nil }

// InitHeaders does nothing: a call's headers need no object.
func (c *call) InitHeaders() error { return nil }

// do sends c as gotrue-js's API.request does and returns what its Promise
// resolves to, as JSON: the parsed body for a JSON response, the text as a
// JSON string otherwise. Non-2xx statuses become *HTTPError.
func (a *API) do(ctx Context, c call) (RawJSON, error) {
	return Send(ctx, apiState{a}, c.path, &c)
}

// CallWithHeaders sends one request to path, composed as every request of
// the API is (the default headers, then header; Content-Type only with a
// body; credentials for a relative URL), and returns the decoded body, as
// do does, with the response's headers.
func (a *API) CallWithHeaders(ctx Context, method, path string, header Header, body []byte) (RawJSON, Header, error) {
	c := &call{method: method, path: path, header: header, body: body}
	res, err := Send(ctx, apiState{a}, path, c)
	return res, c.answered, err
}

// Call sends a request a flow composed (Caller).
func (a *API) Call(ctx Context, c Call) (RawJSON, error) {
	return a.do(ctx, call{method: c.Method, path: c.Path, header: c.Header, body: c.Body})
}

// Request is the API's request step (Sender).
func (a *API) Request(ctx Context, path string, opts RequestOptions) (Value, error) {
	return Send(ctx, apiState{a}, path, opts)
}

// apiState is an API as Send reads it, for requests a Go program composed
// (calls).
type apiState struct{ a *API }

func (s apiState) URL() (string, error) { return s.a.URL(), nil }

func (s apiState) SameOrigin() (bool, error) { return s.a.sameOrigin, nil }

// Headers is the default headers, Content-Type: application/json, then
// the call's headers.
func (s apiState) Headers(opts RequestOptions) (HeaderSet, error) {
	h := s.a.Headers()
	h.Set("Content-Type", "application/json")
	for _, f := range opts.(*call).header {
		h.Set(f.Name, f.Value)
	}
	return &h, nil
}

// Fetch sends the call through the API's Transport.
func (s apiState) Fetch(ctx Context, url string, opts RequestOptions, h HeaderSet, credentials string) (*Response, error) {
	c := opts.(*call)
	if s.a.transport == nil {
		return nil, errNoTransport
	}
	method := c.method
	if method == "" {
		method = "GET" // fetch's default
	}
	res, err := s.a.transport.Do(ctx, &Request{Method: method, URL: url, Header: *h.(*Header), Body: c.body, Credentials: credentials})
	if err != nil {
		return nil, err
	}
	c.answered = res.Header
	return res, nil
}

// DecodeResponse reads an answer as gotrue-js's API.request does: the
// parsed JSON when its Content-Type mentions json, else the text as a JSON
// string; an *HTTPError for a status outside 2xx; a *SyntaxError, which
// does not quote the body, for JSON that does not parse (D6).
func DecodeResponse(res *Response) (RawJSON, error) {
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
