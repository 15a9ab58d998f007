package core

// The request flows reach the objects they work on through the interfaces
// below: gotrue-js's GoTrue, User and API objects and a request's options.
// Go programs satisfy them with the core's own types (Client, User, API,
// call); the browser bindings with the page's live objects, whose fields
// are read when a step reads them and whose steps, when page code replaced
// them, are called through the object.

// Value is what a request resolves with, passed along unread: the answer
// the core decoded (RawJSON), or whatever a request step page code
// replaced resolved with.
type Value = any

// RequestOptions is the options object of one request, as page code or a flow
// passed it to _request or api.request.
type RequestOptions interface {
	// Audience is options.audience when it is truthy, as a string; else "".
	Audience() (string, error)
	// SetHeader sets options.headers[name], making options.headers first
	// when it is missing.
	SetHeader(name, value string) error
	// HasBody reports whether options.body is truthy.
	HasBody() (bool, error)
	// InitHeaders makes options.headers when it is missing, as both
	// _request methods do first.
	InitHeaders() error
}

// Sender is an API object's request step (api.request).
type Sender interface {
	Request(ctx Context, path string, opts RequestOptions) (Value, error)
}

// HeaderSet is the headers of one request as the API composed them.
type HeaderSet interface {
	// Del removes the header.
	Del(name string) error
}

// APIState is what API.request reads of its API object when it sends.
type APIState interface {
	// URL is the API URL (api.apiURL); paths are appended to it.
	URL() (string, error)
	// SameOrigin reports an API on the page's own origin, whose requests
	// send credentials.
	SameOrigin() (bool, error)
	// Headers is the API's headers step: its default headers, then
	// Content-Type: application/json, then the request's own headers.
	Headers(opts RequestOptions) (HeaderSet, error)
	// Fetch sends the request to url with opts and headers h.
	// credentials is "same-origin" or "" (the options' own, if any, win).
	Fetch(ctx Context, url string, opts RequestOptions, h HeaderSet, credentials string) (*Response, error)
}

// Send is API.request: the request composed from the API's headers step,
// without Content-Type when it has no body, with credentials for an API on
// the page's origin, sent to the API URL followed by path; its answer is
// read as DecodeResponse reads it.
func Send(ctx Context, a APIState, path string, opts RequestOptions) (RawJSON, error) {
	h, err := a.Headers(opts)
	if err != nil {
		return nil, err
	}
	body, err := opts.HasBody()
	if err == nil && !body {
		err = h.Del("Content-Type")
	}
	if err != nil {
		return nil, err
	}
	same, err := a.SameOrigin()
	if err != nil {
		return nil, err
	}
	credentials := ""
	if same {
		credentials = "same-origin"
	}
	url, err := a.URL()
	if err != nil {
		return nil, err
	}
	res, err := a.Fetch(ctx, url+path, opts, h, credentials)
	if err != nil {
		return nil, err
	}
	return DecodeResponse(res)
}

// ClientObject is a GoTrue as its _request reaches it.
type ClientObject interface {
	// Audience is the client's audience when it is truthy, else "".
	Audience() (string, error)
	// Sender is the client's API (this.api).
	Sender() (Sender, error)
}

// ClientRequest is GoTrue's _request: X-JWT-AUD when the options or the
// client have an audience, then the API's request; an HTTP error gets
// GoTrue's message (Shape).
func ClientRequest(ctx Context, c ClientObject, path string, opts RequestOptions) (Value, error) {
	if err := withAudience(opts, c.Audience); err != nil {
		return nil, err
	}
	api, err := c.Sender()
	if err != nil {
		return nil, err
	}
	v, err := api.Request(ctx, path, opts)
	return v, Shape(err)
}

// UserObject is a User as its _request reaches it.
type UserObject interface {
	// Audience is the user's audience when it is truthy, else "".
	Audience() (string, error)
	// JWT is the user's jwt step: the access token, refreshed when due.
	JWT(ctx Context) (string, error)
	// Sender is the user's API (this.api).
	Sender() (Sender, error)
}

// UserRequest is User's _request: X-JWT-AUD as ClientRequest sends it, a
// JWT (which may refresh the session) as the Bearer token, then the API's
// request; an HTTP error gets GoTrue's message (Shape).
func UserRequest(ctx Context, u UserObject, path string, opts RequestOptions) (Value, error) {
	if err := withAudience(opts, u.Audience); err != nil {
		return nil, err
	}
	v, err := userRequest(ctx, u, path, opts)
	return v, Shape(err)
}

func userRequest(ctx Context, u UserObject, path string, opts RequestOptions) (Value, error) {
	jwt, err := u.JWT(ctx)
	if err != nil {
		return nil, err
	}
	if err := opts.SetHeader("Authorization", "Bearer "+jwt); err != nil {
		return nil, err
	}
	api, err := u.Sender()
	if err != nil {
		return nil, err
	}
	return api.Request(ctx, path, opts)
}

// withAudience makes the options' headers, and sets X-JWT-AUD to the
// options' audience, or else to the object's (read only then), when either
// is set.
func withAudience(opts RequestOptions, fallback func() (string, error)) error {
	if err := opts.InitHeaders(); err != nil {
		return err
	}
	aud, err := opts.Audience()
	if err == nil && aud == "" {
		aud, err = fallback()
	}
	if err != nil || aud == "" {
		return err
	}
	return opts.SetHeader("X-JWT-AUD", aud)
}

// Shaper is an error that a step page code replaced rejected with; Shape
// gives it GoTrue's message where gotrue-js's _request methods do (a
// JSONHTTPError with a json body: GoTrueMessage).
type Shaper interface {
	Shape()
}

// Shape gives err GoTrue's message when it is a Shaper. An *HTTPError of
// the core carries its message already (HTTPError.Message).
func Shape(err error) error {
	if s, ok := err.(Shaper); ok {
		s.Shape()
	}
	return err
}

// ErrorBody is the JSON body of an HTTP error, as GoTrueMessage reads it.
type ErrorBody interface {
	// Truthy reports whether body[key] is truthy.
	Truthy(key string) bool
	// String is `${body[key]}`.
	String(key string) string
}

// GoTrueMessage is the message gotrue-js's _request methods give an HTTP
// error whose JSON body is b: its msg when truthy (fromMsg: the value of
// msg itself), else "error: error_description" when error is truthy; ok is
// false when neither is.
func GoTrueMessage(b ErrorBody) (text string, fromMsg, ok bool) {
	switch {
	case b.Truthy("msg"):
		return b.String("msg"), true, true
	case b.Truthy("error"):
		return b.String("error") + ": " + b.String("error_description"), false, true
	}
	return "", false, false
}

// Call is a request a flow composed: what it carries.
type Call struct {
	Method string
	Path   string
	Header Header
	Body   []byte
	// Audience, when not empty, is the options' audience (X-JWT-AUD).
	Audience string
}

// Caller sends the requests a flow composed through an API object (its
// request step), and returns the answer as JSON.
type Caller interface {
	Call(ctx Context, c Call) (RawJSON, error)
}

// RefreshCall is the request of a token refresh, as gotrue-js's
// _refreshToken sends it: the refresh token as it is, not escaped.
func RefreshCall(refreshToken string) Call {
	return Call{
		Method: "POST", Path: "/token",
		Header: Header{{"Content-Type", "application/x-www-form-urlencoded"}},
		Body:   []byte("grant_type=refresh_token&refresh_token=" + refreshToken),
	}
}
