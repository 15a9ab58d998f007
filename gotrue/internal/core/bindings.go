package core

import (
	"errors"
)

// Bindings is the seam through which gotrue-wasm's browser build reaches
// the refresh as the browser runs it: the page's objects share one
// refresh per token and hold the refresh lock (D9) in JavaScript, and hand
// the refresh policy (Refresh: D5, D8, D9) the state they read as plain
// values; the policy's request goes through the User's API object. It is
// not part of this package's API, and it changes with the bindings.
var Bindings bindings

type bindings struct{}

// ErrBadState is returned when a binding hands the core state it cannot
// read: a bug of the binding, not of page code.
var ErrBadState = errors.New("gotrue: bindings: malformed object state")

// RefreshState is what a refresh reads of a User object when it starts.
type RefreshState struct {
	// RefreshToken is the token to send, as gotrue-js writes it.
	RefreshToken string
	// UserID is the user's id (D5 adopts only the same user's session).
	UserID string
	// ExpiresAt is Number(user.token.expires_at) (NaN when there is none).
	// A refresh asked for while it is not within the expiry margin was
	// forced (jwt(true)).
	ExpiresAt float64
	// Locked: the caller holds the origin-wide refresh lock (D9), so no
	// other tab is refreshing.
	Locked bool
	// Asked is the stored session's refresh token when the caller asked
	// for the refresh, before it waited for the lock ("" for none).
	Asked string
	// Obtained are the refresh tokens this page got from the server
	// itself (D5 never adopts over them).
	Obtained []string
}

// RefreshResult is what a refresh decided. On success, Token is the token
// object to process: the server's answer to the refresh, or, when Adopted,
// the newer session another tab stored (D5). On failure, Err is the error
// to reject with, which ends the session unless Unanswered(Err) (D8), and
// KeepStored says whether storage holds another session, which then stays
// (D5).
type RefreshResult struct {
	Token      RawJSON
	Adopted    bool
	Err        error
	KeepStored bool
}

// Refresh is the token refresh of a User object whose state is s, in
// realm r (whose storage is the page's): gotrue-wasm's refresh policy (see
// User.JWT), decided here and applied by the caller. Its request
// (RefreshCall) goes through api, the User's API object.
func (bindings) Refresh(ctx Context, r *Realm, api Caller, s RefreshState) RefreshResult {
	own := s.Obtained
	g := r.grant(ctx, api, grantState{
		refreshToken: s.RefreshToken, userID: s.UserID, expiresAt: s.ExpiresAt,
		force:  !(s.ExpiresAt-ExpiryMargin < r.nowMS()),
		locked: s.Locked, asked: s.Asked,
		obtained: func(rt string) bool {
			for _, o := range own {
				if o == rt {
					return true
				}
			}
			return false
		},
	})
	return RefreshResult{Token: g.token, Adopted: g.adopted, Err: g.err, KeepStored: g.keepStored}
}

// Strings reads a JSON array of strings.
func (bindings) Strings(raw []byte) ([]string, error) {
	parts, ok := splitArray(raw)
	if !ok {
		return nil, ErrBadState
	}
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		s, ok := unquote(p)
		if !ok {
			return nil, ErrBadState
		}
		out = append(out, s)
	}
	return out, nil
}
