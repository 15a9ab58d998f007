package gotrue

import (
	"encoding/json"
	"errors"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

// HTTPError is an answer with a status outside 2xx. Status, StatusText and
// Header are the response's; JSON holds a JSON body, Text any other.
// GoTrue's two error bodies are read into Code and Msg ({"code","msg"}) and
// ErrorCode and ErrorDescription ({"error","error_description"}, from the
// token endpoint: "invalid_grant" for a wrong password or a refused refresh
// token). Message gives GoTrue's message. An HTTPError does not change
// after it is returned.
type HTTPError = core.HTTPError

// SyntaxError is an answer whose Content-Type says JSON but whose body does
// not parse. Its message never quotes the body.
type SyntaxError = core.SyntaxError

// ResponseError is a successful answer without the shape the call needs.
type ResponseError = core.ResponseError

var (
	// ErrNoSession is returned by a Session that has ended: it was logged
	// out, or the server refused its refresh token. ResumeSession returns
	// it when the store holds no session.
	ErrNoSession = core.ErrNoSession
	// ErrRefreshTimeout is returned when a token refresh has no answer
	// within the refresh timeout (30 s). The session stays.
	ErrRefreshTimeout = core.ErrRefreshTimeout
)

// Unanswered reports whether err means that the server gave no answer
// that settles the request: the transport failed (offline, DNS, a reset
// connection), the request timed out or was cancelled, or the answer was a
// 5xx. Such a failure of a refresh keeps the session, and trying again
// later is the thing to do; an answer the server gave (a 4xx) is final,
// and so is a request that could not be made (a value JSON cannot encode).
func Unanswered(err error) bool {
	var ee *EncodeError
	return !errors.As(err, &ee) && core.Unanswered(err)
}

// EncodeError is a request that was not sent because its body could not
// be encoded as JSON (a map holding a func or a channel, say).
type EncodeError struct{ Err error }

func (e *EncodeError) Error() string { return "gotrue: the request's body: " + e.Err.Error() }

// Unwrap returns encoding/json's error.
func (e *EncodeError) Unwrap() error { return e.Err }

// encode is a request body as JSON.
func encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, &EncodeError{Err: err}
	}
	return b, nil
}
