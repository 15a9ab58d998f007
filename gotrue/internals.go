package gotrue

import ()

// The methods below are gotrue-js's underscore-prefixed members. No known
// consumer calls them, but they exist on its prototypes, so the browser
// build offers them too.

// RequestOptions are the options of gotrue-js's _request.
type RequestOptions struct {
	Method   string // "" means GET
	Header   Header
	Body     []byte // nil: no body
	Audience string // X-JWT-AUD; "" means the client's or user's audience
}

func (o RequestOptions) call(path string) call {
	m := o.Method
	if m == "" {
		m = "GET"
	}
	return call{method: m, path: path, body: o.Body, header: o.Header.Clone()}
}

// Request is GoTrue._request: an unauthenticated call to path, with the
// client's audience and shaped errors.
func (c *Client) Request(ctx Context, path string, o RequestOptions) (RawJSON, error) {
	cl := o.call(path)
	if aud := o.Audience; aud != "" {
		cl.header.Set("X-JWT-AUD", aud)
		res, err := c.api.do(ctx, cl)
		return res, shape(err)
	}
	return c.request(ctx, cl)
}

// Request is User._request: an authenticated call to path.
func (u *User) Request(ctx Context, path string, o RequestOptions) (RawJSON, error) {
	return u.request(ctx, o.call(path), o.Audience)
}

// Refresh is User._refreshToken: the shared refresh of refreshToken.
func (u *User) Refresh(ctx Context, refreshToken string) (string, error) {
	return u.refresh(ctx, refreshToken, true)
}

// SaveUserData is User._saveUserData: merge attrs into the fields.
func (u *User) SaveUserData(attrs Object, fromStorage bool) { u.saveUserData(attrs, fromStorage) }

// ProcessTokenResponse is User._processTokenResponse: tok becomes the token,
// with expires_at from its JWT.
func (u *User) ProcessTokenResponse(tok Object) { u.setToken(tok) }

// SaveSession is User._saveSession: write the session to storage.
func (u *User) SaveSession() { u.saveSession() }

// RefreshSavedSession is User._refreshSavedSession: re-save a stored session.
func (u *User) RefreshSavedSession() { u.refreshSavedSession() }

// NewUser is `new User(api, tokenResponse, audience)`: a session for api
// that becomes the realm's current user. A nil audience is undefined.
func (r *Realm) NewUser(api *API, tok Object, audience RawJSON) *User {
	return newUser(r, api, tok, audience)
}
