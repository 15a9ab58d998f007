//go:build js && wasm

package main

import (
	"math"
	"sync"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/hack-pad/safejs"
)

// flow is one call from page code: the objects it was made on, and the
// Users it made. It is the core's mirror for the call: each change the core
// makes (a header, a new session, a token, merged fields, the current user
// cleared) is made at once to those objects, by the glue's assignment that
// gotrue-js makes for it. The first assignment that throws (a page's
// setter) is the call's error.
type flow struct {
	gotrue safejs.Value // the GoTrue object; undefined for a User method

	mu    sync.Mutex
	users map[*gotrue.User]safejs.Value
	err   error
}

// live counts the calls under way, for leak tests.
var live struct {
	sync.Mutex
	n int
}

func newFlow(gotrueObj safejs.Value) *flow {
	live.Lock()
	live.n++
	live.Unlock()
	return &flow{gotrue: gotrueObj, users: map[*gotrue.User]safejs.Value{}}
}

// end is called when the call's work is done; it returns the first error
// an assignment raised.
func (f *flow) end() error {
	live.Lock()
	live.n--
	live.Unlock()
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// object is the User object of u, if this call knows it.
func (f *flow) object(u *gotrue.User) (safejs.Value, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	obj, ok := f.users[u]
	return obj, ok
}

func (f *flow) call(fn safejs.Value, args ...any) safejs.Value {
	v, err := fn.Invoke(args...)
	if err != nil {
		f.mu.Lock()
		if f.err == nil {
			f.err = thrownError(err)
		}
		f.mu.Unlock()
	}
	return v
}

// HeaderSet is _setRememberHeaders' api.defaultHeaders[name] = value.
func (f *flow) HeaderSet(name, value string) {
	if !f.gotrue.IsUndefined() {
		f.call(glue.setHeader, f.gotrue, name, value)
	}
}

// UserStarted is `new User(this.api, tokenResponse, this.audience || ”)`
// in a flow of a GoTrue object: the User object, now the current user.
func (f *flow) UserStarted(u *gotrue.User, tok *gotrue.Token) {
	if f.gotrue.IsUndefined() {
		return
	}
	json, nan := tokenJSON(tok)
	obj := f.call(glue.started, f.gotrue, json, nan)
	f.mu.Lock()
	f.users[u] = obj
	f.mu.Unlock()
}

// TokenSet is user.token = tok.
func (f *flow) TokenSet(u *gotrue.User, tok *gotrue.Token) {
	if obj, ok := f.object(u); ok {
		json, nan := tokenJSON(tok)
		f.call(glue.setToken, obj, json, nan)
	}
}

// FieldsMerged is _saveUserData(attrs), with the keys it skips left out.
func (f *flow) FieldsMerged(u *gotrue.User, attrs gotrue.Object) {
	if obj, ok := f.object(u); ok && attrs.Len() > 0 {
		raw, _ := attrs.MarshalJSON()
		f.call(glue.assign, obj, string(raw))
	}
}

// CurrentCleared is `currentUser = null`.
func (f *flow) CurrentCleared() { f.call(glue.clearCurrent) }

// tokenJSON is a token as the glue's setToken takes it: JSON (nil for
// none), and whether expires_at is NaN, which JSON cannot carry.
func tokenJSON(t *gotrue.Token) (any, bool) {
	if t == nil {
		return nil, false
	}
	raw, _ := t.MarshalJSON()
	ea, _ := t.Object().Get("expires_at")
	return string(raw), string(ea) == "null" && math.IsNaN(t.ExpiresAt)
}

// abandon ends a flow whose call failed before its work started, and
// returns err.
func (f *flow) abandon(err error) error {
	f.end()
	return err
}
