package gotrue

import (
	"errors"
	"math"
)

// Bindings is the seam through which gotrue-wasm's browser build reaches
// what a Go program has no use for. In the browser the JavaScript objects
// are the state: page code reads and edits user.token, api.defaultHeaders
// and the rest, and gotrue-js reads them when a method runs. So each call
// builds its core values from what those objects hold when it starts
// (NewAPI, NewClient, RestoreUser), runs the core's flow, and the mirror it
// gave NewAPI applies each change the flow makes to the objects, as it
// makes it. Bindings also offers gotrue-js's underscore methods (_request,
// _refreshToken). It is not part of this package's API, and it changes with
// the bindings.
var Bindings bindings

type bindings struct{}

// NewAPI is an API object's state as a call found it, in JSON:
// [apiURL, _sameOrigin, [name, value, ...]] (its default headers, as page
// code may have changed them). m, when not nil, is told of every change the
// call makes.
func (bindings) NewAPI(state []byte, t Transport, m mirror) (*API, error) {
	parts, ok := splitArray(state)
	if !ok || len(parts) != 3 {
		return nil, errBadState
	}
	url, _ := unquote(parts[0])
	list, ok := splitArray(parts[2])
	if !ok {
		return nil, errBadState
	}
	var headers Header
	for i := 0; i+1 < len(list); i += 2 {
		name, _ := unquote(list[i])
		value, _ := unquote(list[i+1])
		headers.Set(name, value)
	}
	a := NewAPI(url, headers, t)
	a.sameOrigin = string(parts[1]) == "true"
	if m != nil {
		a.mirror = m
	}
	return a, nil
}

var errBadState = errors.New("gotrue: bindings: malformed object state")

// NewClient is a GoTrue object's state as a call found it: api, audience
// ("" for none) and setCookie.
func (bindings) NewClient(r *Realm, api *API, audience string, setCookie bool) *Client {
	return &Client{realm: r, api: api, audience: audience, setCookie: setCookie}
}

// RestoreUser is a User object's state as a call found it: details is
// JSON.stringify(user._details) (its token, url, audience and fields, as
// gotrue-js stores them), expiresAt is Number(user.token.expires_at), which
// decides whether the token is refreshed (NaN: never), and api its API.
// Unlike a session recovered from storage, the token is taken as it is:
// its expiry is not recomputed from the JWT. The user does not become the
// realm's current user.
func (bindings) RestoreUser(r *Realm, api *API, details []byte, expiresAt float64) (*User, error) {
	data, err := ParseObject(details)
	if err != nil {
		return nil, errBadState
	}
	u := &User{realm: r, api: api}
	u.url, _ = data.String("url")
	if aud, ok := data.Get("audience"); ok {
		u.audience = aud
	}
	if raw, ok := data.Get("token"); ok && string(raw) != "null" {
		u.token = restoredToken(raw, expiresAt)
	}
	for _, k := range data.Keys() {
		if k != "token" && k != "url" && k != "audience" {
			v, _ := data.Get(k)
			u.fields.Set(k, v)
		}
	}
	return u, nil
}

// restoredToken is a token as page code left it: an object, or any other
// value gotrue-js would carry as user.token.
func restoredToken(raw RawJSON, expiresAt float64) *Token {
	obj, err := ParseObject(raw)
	if err != nil {
		return &Token{other: raw, ExpiresAt: math.NaN()}
	}
	return &Token{raw: obj, ExpiresAt: expiresAt}
}

// ClientRequest is GoTrue._request: an unauthenticated call to path with
// the client's audience (or audience, when not empty) and shaped errors. A
// method of "" is GET; a nil body sends none.
func (bindings) ClientRequest(c *Client, ctx Context, path, method string, header Header, body []byte, audience string) (RawJSON, error) {
	cl := newCall(path, method, header, body)
	if audience != "" {
		cl.header.Set("X-JWT-AUD", audience)
		res, err := c.api.do(ctx, cl)
		return res, shape(err)
	}
	return c.request(ctx, cl)
}

// UserRequest is User._request: an authenticated call to path.
func (bindings) UserRequest(u *User, ctx Context, path, method string, header Header, body []byte, audience string) (RawJSON, error) {
	return u.request(ctx, newCall(path, method, header, body), audience)
}

func newCall(path, method string, header Header, body []byte) call {
	if method == "" {
		method = "GET"
	}
	return call{method: method, path: path, body: body, header: header.Clone()}
}

// Refresh is User._refreshToken: the shared refresh of refreshToken. It
// returns the new token's access_token as JSON (gotrue-js resolves it as
// it is, undefined when there is none: nil).
func (bindings) Refresh(u *User, ctx Context, refreshToken string) (RawJSON, error) {
	t, err := u.refresh(ctx, refreshToken, true)
	if err != nil {
		return nil, err
	}
	v, _ := t.raw.Get("access_token")
	return v, nil
}
