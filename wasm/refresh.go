//go:build js && wasm

package main

import (
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/browser"
	"github.com/hack-pad/safejs"
)

// refresh is the token refresh of User._refreshToken (see exchange.go for
// the outcomes): args are the refresh's id (the glue sends its request:
// refreshSend), the refresh token as gotrue-js sends it, the user's id,
// Number(token.expires_at), whether the glue holds the origin-wide refresh
// lock (D9), the stored refresh token when the refresh was asked for
// (null: none), and the refresh tokens this page obtained (JSON list). It
// resolves with [true, JSON of the token object to process, adopted] or
// [false, error, unanswered, keepStored]; the glue applies it.
func refresh(args []safejs.Value) (work, error) {
	id, err := arg(args, 0).Int()
	if err != nil {
		return nil, browser.ErrBadState
	}
	expiresAt, err := arg(args, 3).Float()
	if err != nil {
		return nil, browser.ErrBadState
	}
	s := browser.RefreshState{
		RefreshToken: jsString(arg(args, 1)),
		UserID:       stringOrEmpty(arg(args, 2)),
		ExpiresAt:    expiresAt,
		Locked:       truthy(arg(args, 4)),
		Asked:        stringOrEmpty(arg(args, 5)),
	}
	if s.Obtained, err = browser.Strings([]byte(jsString(arg(args, 6)))); err != nil {
		return nil, browser.ErrBadState
	}
	return func(ctx browser.Context) (any, error) {
		res := browser.Refresh(ctx, realm, refreshSend{id: id}, s)
		if res.Err != nil {
			return failed(res.Err, res.KeepStored), nil
		}
		return []any{true, string(res.Token), res.Adopted}, nil
	}, nil
}

// stringOrEmpty is a string argument, or "" for anything else.
func stringOrEmpty(v safejs.Value) string {
	if typeOf(v) != safejs.TypeString {
		return ""
	}
	return jsString(v)
}
