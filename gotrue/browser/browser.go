// Package browser is what gotrue-wasm's browser bindings (package main in
// wasm/, built to gotrue.wasm) use of the core: its flows and the
// interfaces through which they reach the objects they work on, the
// page-wide realm of gotrue-js (its storage), the reading of an HTTP
// answer, and the token refresh with gotrue-wasm's session rules (D5, D8,
// D9). Go programs use package gotrue instead.
//
// In the browser the page's JavaScript objects are the state: the
// bindings satisfy the flows' interfaces with them.
package browser

import (
	"errors"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

type (
	// Context is the cancellation the core needs of a context.Context.
	Context = core.Context
	// Transport sends one request.
	Transport = core.Transport
	// Request is an HTTP request as gotrue-js makes it.
	Request = core.Request
	// Response is an HTTP response.
	Response = core.Response
	// Header is an ordered list of header fields.
	Header = core.Header
	// Storage is the page's storage (localStorage, or memory: D4).
	Storage = core.Storage
	// Realm is the page-wide state gotrue-js keeps in module globals.
	Realm = core.Realm
	// HTTPError is an answer with a status outside 2xx.
	HTTPError = core.HTTPError
	// SyntaxError is a JSON answer that does not parse (it never quotes
	// the body, D6).
	SyntaxError = core.SyntaxError
	// RefreshState is what a refresh reads of a User object.
	RefreshState = core.RefreshState
	// RefreshSteps is a User as the end of its refresh reaches it.
	RefreshSteps = core.RefreshSteps

	// Value is what a request resolves with, passed along unread.
	Value = core.Value
	// RawJSON is a JSON text the core decoded.
	RawJSON = core.RawJSON
	// RequestOptions is the options object of one request.
	RequestOptions = core.RequestOptions
	// Sender is an API object's request step.
	Sender = core.Sender
	// HeaderSet is the headers of one request as the API composed them.
	HeaderSet = core.HeaderSet
	// APIState is what API.request reads of its API object.
	APIState = core.APIState
	// ClientObject is a GoTrue as its _request reaches it.
	ClientObject = core.ClientObject
	// UserObject is a User as its _request reaches it.
	UserObject = core.UserObject
	// ErrorBody is the JSON body of an HTTP error.
	ErrorBody = core.ErrorBody
	// Call is a request a flow composed.
	Call = core.Call
	// Caller sends the requests a flow composed.
	Caller = core.Caller
	// ClientSteps is a GoTrue as its flows reach it.
	ClientSteps = core.ClientSteps
	// UserSteps is a User as its flows reach it.
	UserSteps = core.UserSteps
	// InvalidSessionError is ValidateCurrentSession's failure.
	InvalidSessionError = core.InvalidSessionError
	// Requester is the request step of whoever signs admin requests.
	Requester = core.Requester
)

// Send is API.request (see core.Send).
func Send(ctx Context, a APIState, path string, opts RequestOptions) (RawJSON, error) {
	return core.Send(ctx, a, path, opts)
}

// ClientRequest is GoTrue's _request (see core.ClientRequest).
func ClientRequest(ctx Context, c ClientObject, path string, opts RequestOptions) (Value, error) {
	return core.ClientRequest(ctx, c, path, opts)
}

// UserRequest is User's _request (see core.UserRequest).
func UserRequest(ctx Context, u UserObject, path string, opts RequestOptions) (Value, error) {
	return core.UserRequest(ctx, u, path, opts)
}

// GoTrueMessage is the message gotrue-js's _request methods give an HTTP
// error with JSON body b (see core.GoTrueMessage).
func GoTrueMessage(b ErrorBody) (text string, fromMsg, ok bool) { return core.GoTrueMessage(b) }

var (
	// ErrRefreshTimeout is a refresh without an answer in 30 s.
	ErrRefreshTimeout = core.ErrRefreshTimeout
	// ErrTokenNotSet is a refresh that left the user without a token.
	ErrTokenNotSet = core.ErrTokenNotSet
	// ErrBadState is state a binding handed over that cannot be read: a
	// bug of the binding, not of page code.
	ErrBadState = errors.New("gotrue: bindings: malformed object state")
)

// NewRealm returns the page's realm over storage, with clock.
func NewRealm(storage Storage, clock func() time.Time) *Realm {
	return core.NewRealm(core.WithStorage(storage), core.WithClock(clock))
}

// DecodeResponse reads an answer as gotrue-js's API.request does (see
// core.DecodeResponse).
func DecodeResponse(res *Response) (RawJSON, error) { return core.DecodeResponse(res) }

// RefreshUser is the token refresh behind User.jwt() (see
// core.RefreshUser).
func RefreshUser(ctx Context, r *Realm, api Caller, u RefreshSteps, s RefreshState) (Value, error) {
	return core.RefreshUser(ctx, r, api, u, s)
}

// Unanswered reports whether err means the server gave no answer that
// settles the request (D8).
func Unanswered(err error) bool { return core.Unanswered(err) }

// Settings is GoTrue.settings (see core.Settings).
func Settings(ctx Context, c ClientSteps) (Value, error) {
	return core.Settings(ctx, c)
}

// Signup is GoTrue.signup (see core.Signup).
func Signup(ctx Context, c ClientSteps, email, password, data RawJSON) (Value, error) {
	return core.Signup(ctx, c, email, password, data)
}

// Login is GoTrue.login (see core.Login).
func Login(ctx Context, c ClientSteps, email, password string, remember bool) (Value, error) {
	return core.Login(ctx, c, email, password, remember)
}

// Confirm is GoTrue.confirm (see core.Confirm).
func Confirm(ctx Context, c ClientSteps, token RawJSON, remember bool) (Value, error) {
	return core.Confirm(ctx, c, token, remember)
}

// Recover is GoTrue.recover (see core.Recover).
func Recover(ctx Context, c ClientSteps, token RawJSON, remember bool) (Value, error) {
	return core.Recover(ctx, c, token, remember)
}

// Verify is GoTrue.verify (see core.Verify).
func Verify(ctx Context, c ClientSteps, typ, token RawJSON, remember bool) (Value, error) {
	return core.Verify(ctx, c, typ, token, remember)
}

// AcceptInvite is GoTrue.acceptInvite (see core.AcceptInvite).
func AcceptInvite(ctx Context, c ClientSteps, token, password RawJSON, remember bool) (Value, error) {
	return core.AcceptInvite(ctx, c, token, password, remember)
}

// RequestPasswordRecovery is GoTrue.requestPasswordRecovery (see core.RequestPasswordRecovery).
func RequestPasswordRecovery(ctx Context, c ClientSteps, email RawJSON) (Value, error) {
	return core.RequestPasswordRecovery(ctx, c, email)
}

// ValidateCurrentSession is GoTrue.validateCurrentSession (see core.ValidateCurrentSession).
func ValidateCurrentSession(ctx Context, c ClientSteps) (Value, error) {
	return core.ValidateCurrentSession(ctx, c)
}

// GetUserData is User.getUserData (see core.GetUserData).
func GetUserData(ctx Context, u UserSteps) (Value, error) {
	return core.GetUserData(ctx, u)
}

// Update is User.update (see core.Update).
func Update(ctx Context, u UserSteps, attrs RawJSON) (Value, error) {
	return core.Update(ctx, u, attrs)
}

// Established is the end of GoTrue.createUser (see core.Established).
func Established(ctx Context, u UserSteps, remember bool) (Value, error) {
	return core.Established(ctx, u, remember)
}

// Logout is User.logout (see core.Logout).
func Logout(ctx Context, u UserSteps) (requestErr, clearErr error) { return core.Logout(ctx, u) }

// AdminListUsers is Admin.listUsers (see core.AdminListUsers).
func AdminListUsers(ctx Context, r Requester, aud, query string) (Value, error) {
	return core.AdminListUsers(ctx, r, aud, query)
}

// AdminGetUser is Admin.getUser (see core.AdminGetUser).
func AdminGetUser(ctx Context, r Requester, id string) (Value, error) {
	return core.AdminGetUser(ctx, r, id)
}

// AdminUpdateUser is Admin.updateUser (see core.AdminUpdateUser).
func AdminUpdateUser(ctx Context, r Requester, id string, attrs RawJSON) (Value, error) {
	return core.AdminUpdateUser(ctx, r, id, attrs)
}

// AdminCreateUser is Admin.createUser (see core.AdminCreateUser).
func AdminCreateUser(ctx Context, r Requester, attrs RawJSON) (Value, error) {
	return core.AdminCreateUser(ctx, r, attrs)
}

// AdminDeleteUser is Admin.deleteUser (see core.AdminDeleteUser).
func AdminDeleteUser(ctx Context, r Requester, id string) (Value, error) {
	return core.AdminDeleteUser(ctx, r, id)
}
