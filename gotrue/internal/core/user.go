package core

import (
	"strings"
	"sync"
)

// User is a logged-in session: its token and the user's fields as the server
// last sent them. It behaves as gotrue-js's User: fields are merged from each
// /user response in first-seen order and never deleted, and the session is
// saved to storage when remembered. Safe for concurrent use.
type User struct {
	realm *Realm
	api   *API

	mu       sync.Mutex
	token    *Token // nil once the session is cleared
	url      string
	audience RawJSON // nil when undefined (sessions saved by gotrue-js 0.9)
	fields   Object
}

// prototypeKeys are the names found on gotrue-js 1.0.1's User.prototype,
// inherited ones included. Fields with these names, and api, token,
// audience and url, are never copied from a server response.
var prototypeKeys = map[string]bool{
	"constructor": true, "admin": true, "update": true, "jwt": true, "logout": true,
	"_refreshToken": true, "_request": true, "getUserData": true, "_saveUserData": true,
	"_processTokenResponse": true, "_refreshSavedSession": true, "_details": true,
	"_saveSession": true, "tokenDetails": true, "clearSession": true,
	"__proto__": true, "__defineGetter__": true, "__defineSetter__": true, "__lookupGetter__": true,
	"__lookupSetter__": true, "hasOwnProperty": true, "isPrototypeOf": true,
	"propertyIsEnumerable": true, "toLocaleString": true, "toString": true, "valueOf": true,
}

var reservedKeys = map[string]bool{"api": true, "token": true, "audience": true, "url": true}

// newUser is the counterpart of gotrue-js's `new User(api, tokenResponse, audience)`: it
// processes the token and becomes the realm's current user.
func newUser(r *Realm, api *API, tok Object, audience RawJSON) *User {
	u := &User{realm: r, api: api, url: api.URL(), audience: audience}
	u.setToken(tok)
	r.setCurrent(u)
	return u
}

// setToken is _processTokenResponse: raw, with expires_at from its JWT,
// becomes the session's token, which it returns.
func (u *User) setToken(raw Object) *Token {
	t, err := newToken(raw)
	if err != nil {
		u.realm.logf("error", "Gotrue-js: Failed to parse tokenResponse claims: "+err.Error())
	}
	u.replaceToken(t)
	return t
}

// replaceToken makes t the session's token (nil: no session).
func (u *User) replaceToken(t *Token) {
	u.mu.Lock()
	u.token = t
	u.mu.Unlock()
}

// API returns the API the user was created with (gotrue.api).
func (u *User) API() *API { return u.api }

// URL returns the API URL the user was created with.
func (u *User) URL() string { return u.url }

// Audience returns the user's audience; ok is false when it is undefined.
func (u *User) Audience() (aud string, ok bool) {
	if u.audience == nil {
		return "", false
	}
	return jsString(u.audience), true
}

// TokenDetails returns the session's token, or nil once it is cleared.
func (u *User) TokenDetails() *Token {
	u.mu.Lock()
	v := u.token
	u.mu.Unlock()
	return v
}

// Fields returns the user's fields from the server, in order.
func (u *User) Fields() Object {
	u.mu.Lock()
	v := u.fields.Clone()
	u.mu.Unlock()
	return v
}

// Field returns one field's raw JSON value.
func (u *User) Field(key string) (RawJSON, bool) {
	u.mu.Lock()
	v, ok := u.fields.Get(key)
	u.mu.Unlock()
	return v, ok
}

// ID returns the user's id field, or "".
func (u *User) ID() string { s, _ := u.fieldString("id"); return s }

// Email returns the user's email field, or "".
func (u *User) Email() string { s, _ := u.fieldString("email"); return s }

func (u *User) fieldString(key string) (string, bool) {
	u.mu.Lock()
	v, ok := u.fields.String(key)
	u.mu.Unlock()
	return v, ok
}

// FromStorage reports whether the session was recovered from storage.
func (u *User) FromStorage() bool {
	raw, ok := u.Field("_fromStorage")
	return ok && truthy(raw)
}

// saveUserData does what gotrue-js's _saveUserData does: copy every key of attrs in
// order except prototype and reserved names; never delete a key.
func (u *User) saveUserData(attrs Object, fromStorage bool) {
	var merged Object
	for _, k := range attrs.Keys() {
		if prototypeKeys[k] || reservedKeys[k] {
			continue
		}
		v, _ := attrs.Get(k)
		merged.Set(k, v)
	}
	if fromStorage {
		merged.Set("_fromStorage", RawJSON("true"))
	}
	u.mu.Lock()
	for _, k := range merged.Keys() {
		v, _ := merged.Get(k)
		u.fields.Set(k, v)
	}
	u.mu.Unlock()
}

// Details returns the JSON gotrue-js stores for this user: token, url,
// audience, then every field.
func (u *User) Details() []byte {
	u.mu.Lock()
	defer u.mu.Unlock()
	var b strings.Builder
	b.WriteString(`{"token":`)
	if u.token == nil {
		b.WriteString("null")
	} else {
		tj, _ := u.token.MarshalJSON()
		b.Write(tj)
	}
	b.WriteString(`,"url":`)
	b.Write(quote(u.url))
	if u.audience != nil {
		b.WriteString(`,"audience":`)
		b.Write(u.audience)
	}
	fj, _ := u.fields.MarshalJSON()
	if len(fj) > 2 {
		b.WriteByte(',')
		b.Write(fj[1 : len(fj)-1])
	}
	b.WriteByte('}')
	return []byte(b.String())
}

// saveSession writes the session to storage (_saveSession).
func (u *User) saveSession() { u.realm.save(string(u.Details())) }

// refreshSavedSession re-saves only when storage already holds a session,
// so sessions that were not remembered stay in memory.
func (u *User) refreshSavedSession() {
	if _, ok := u.realm.stored(); ok {
		u.saveSession()
	}
}

// ClearSession forgets the session: the stored copy is removed, the token
// dropped and the realm's current user unset. The fields stay.
func (u *User) ClearSession() {
	u.realm.RemoveSavedSession()
	u.replaceToken(nil)
	u.realm.clearCurrent()
}
