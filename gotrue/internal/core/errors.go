package core

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Sentinel errors. The browser build rejects with gotrue-js's own texts
// for them ("Gotrue-js: failed getting jwt access token", "Token refresh
// timeout", "Gotrue-js: Token not set after refresh").
var (
	// ErrNoSession is returned by JWT, and every user call, once the
	// user's session is cleared.
	ErrNoSession = errors.New("gotrue: no session")
	// ErrRefreshTimeout is returned when a token refresh takes longer
	// than the realm's refresh timeout (30 s).
	ErrRefreshTimeout = errors.New("gotrue: token refresh timed out")
	// ErrTokenNotSet is returned when a refresh succeeded but left no token.
	ErrTokenNotSet = errors.New("gotrue: no token after the refresh")
)

// Unanswered reports whether err means that the server gave no answer
// that settles the request: the transport failed (offline, DNS, a reset
// connection, CORS), the refresh timed out (ErrRefreshTimeout), the call
// was cancelled, or the answer was a 5xx. A failed refresh of that kind
// keeps the session (D8): only an answer the server gave, a 4xx or a 2xx
// the client cannot use, ends it. Errors of the client itself, which sent
// nothing (ErrNoSession, a missing Transport), are not unanswered. An
// error that says itself (an UnansweredError) is what it says.
func Unanswered(err error) bool {
	switch err {
	case nil, ErrTokenNotSet, ErrNoSession, errNoTransport:
		return false
	}
	for e := err; e != nil; e = errors.Unwrap(e) { // a chain, never a tree
		switch e := e.(type) {
		case UnansweredError:
			return e.Unanswered()
		case *HTTPError:
			return e.Status >= 500
		case *SyntaxError:
			return e.Status >= 500
		case *ResponseError:
			return false
		}
	}
	return true
}

// UnansweredError is an error that says whether the server answered: the
// browser's errors of page code's steps, which may carry a failure without
// an answer from further on.
type UnansweredError interface {
	error
	Unanswered() bool
}

// internalError reports a panic recovered in the client, where it happened.
func internalError(where string, v any) error {
	return fmt.Errorf("gotrue: internal error in %s: %v", where, v)
}

// HTTPError is a response with a status outside 2xx. JSON holds the parsed
// body when the response's Content-Type mentions json (gotrue-js's
// JSONHTTPError); otherwise Text holds the body (TextHTTPError).
//
// GoTrue's two error shapes are parsed into Msg ({"code","msg"}) and
// ErrorCode/ErrorDescription ({"error","error_description"}, from /token).
// Header holds the response's headers. An HTTPError is not changed after
// it is made.
type HTTPError struct {
	Status     int
	StatusText string
	JSON       RawJSON // nil for a text body
	Text       string

	Code             int    // "code" of {"code","msg"}
	Msg              string // "msg" of {"code","msg"}
	ErrorCode        string // "error" of a /token error
	ErrorDescription string // "error_description" of a /token error
	Header           Header
}

func newHTTPError(res *Response, jsonBody RawJSON) *HTTPError {
	e := &HTTPError{Status: res.Status, StatusText: res.StatusText, JSON: jsonBody, Header: res.Header.Clone()}
	if jsonBody == nil {
		e.Text = string(res.Body)
		return e
	}
	shape, _ := ParseObject(jsonBody)
	code, _ := shape.Get("code")
	msg, _ := shape.Get("msg")
	errCode, _ := shape.Get("error")
	desc, _ := shape.Get("error_description")
	if n := numberValue(code); isJSONNumber(code) && n == math.Trunc(n) && math.Abs(n) < 1<<31 {
		e.Code = int(n)
	}
	e.Msg, e.ErrorCode, e.ErrorDescription = jsString(msg), jsString(errCode), jsString(desc)
	return e
}

// isJSONNumber reports whether raw is a number (not a string or literal).
func isJSONNumber(raw RawJSON) bool {
	s := trimJSONSpace(string(raw))
	return s != "" && (s[0] == '-' || '0' <= s[0] && s[0] <= '9')
}

// IsJSON reports whether the body was JSON (a JSONHTTPError in gotrue-js).
func (e *HTTPError) IsJSON() bool { return e.JSON != nil }

// Error describes the failure for Go programs: status and GoTrue's message.
func (e *HTTPError) Error() string {
	msg := e.shapedMessage()
	if msg == "" {
		msg = trimJSONSpace(e.Text)
	}
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return "gotrue: " + strconv.Itoa(e.Status) + " " + e.StatusText + ": " + msg
}

// Message is GoTrue's message for the error, as gotrue-js's request
// methods give it: json.msg, else "error: error_description", else the
// status text.
func (e *HTTPError) Message() string {
	if m := e.shapedMessage(); m != "" {
		return m
	}
	return e.StatusText
}

// httpErrorIn is the *HTTPError in err's chain, or nil. The core's errors
// form chains, never trees, so a loop does what errors.AsType would,
// without its generic code in the wasm.
func httpErrorIn(err error) *HTTPError {
	for ; err != nil; err = errors.Unwrap(err) {
		if he, ok := err.(*HTTPError); ok {
			return he
		}
	}
	return nil
}

// shapedMessage is GoTrueMessage of the JSON body, or "".
func (e *HTTPError) shapedMessage() string {
	if !e.IsJSON() || !truthy(e.JSON) {
		return ""
	}
	shape, err := ParseObject(e.JSON)
	if err != nil {
		return ""
	}
	msg, _, _ := GoTrueMessage(objectBody{shape})
	return msg
}

// objectBody is an Object as GoTrueMessage reads it.
type objectBody struct{ Object }

func (b objectBody) Truthy(key string) bool { v, _ := b.Get(key); return truthy(v) }

func (b objectBody) String(key string) string {
	v, ok := b.Get(key)
	if !ok {
		return "undefined"
	}
	return jsString(v)
}

// truthy is JavaScript truthiness of a JSON value (absent is falsy).
func truthy(raw RawJSON) bool {
	switch s := trimJSONSpace(string(raw)); s {
	case "", "null", "false", `""`:
		return false
	default:
		if f, ok := parseDecimal(s); ok {
			return f != 0
		}
		return true
	}
}

// jsString is String(value) for a JSON value, as a template literal gives
// it; "" for a missing or invalid one.
func jsString(raw RawJSON) string {
	s := trimJSONSpace(string(raw))
	if s == "" || validJSON([]byte(s)) != nil {
		return ""
	}
	switch s[0] {
	case '"':
		str, _ := unquote([]byte(s))
		return str
	case 'n', 't', 'f':
		return s
	case '{':
		return "[object Object]"
	case '[':
		elems, _ := splitArray([]byte(s))
		var b strings.Builder
		for i, p := range elems {
			if i > 0 {
				b.WriteByte(',')
			}
			if string(p) != "null" {
				b.WriteString(jsString(p))
			}
		}
		return b.String()
	}
	f, _ := parseDecimal(s)
	return formatJSNumber(f)
}

// SyntaxError reports a response whose Content-Type says JSON but whose body
// does not parse (gotrue-js rejects with the engine's SyntaxError). Its
// message never quotes the body, which could hold a token (D6).
type SyntaxError struct {
	Status int
	Err    error // the decoder's error, which quotes at most one character
}

func (e *SyntaxError) Error() string { return e.Err.Error() }

// Unwrap returns the decoder's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// ResponseError reports a successful response that does not have the shape
// an operation needs, such as a token response without an object body.
type ResponseError struct {
	Op  string
	Msg string
}

func (e *ResponseError) Error() string { return "gotrue: " + e.Op + ": " + e.Msg }
