package gotrue

// Bindings is the seam through which gotrue-wasm's browser build reaches
// what gotrue-js's objects expose beyond their API: the underscore methods
// (_request, _refreshToken, _saveUserData, _processTokenResponse,
// _saveSession, _refreshSavedSession), page code's own new User(), the two
// halves of createUser (which must keep the caller's token object), and the
// counters that let a binding mirror a User into a JavaScript object
// cheaply. Go programs have no use for it: it is not part of this package's
// API, and it changes with the bindings.
var Bindings bindings

type bindings struct{}

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

// Refresh is User._refreshToken: the shared refresh of refreshToken.
func (bindings) Refresh(u *User, ctx Context, refreshToken string) (string, error) {
	return u.refresh(ctx, refreshToken, true)
}

// SaveUserData is User._saveUserData: merge attrs into the fields.
func (bindings) SaveUserData(u *User, attrs Object, fromStorage bool) {
	u.saveUserData(attrs, fromStorage)
}

// ProcessTokenResponse is User._processTokenResponse: tok becomes the
// token, with expires_at from its JWT.
func (bindings) ProcessTokenResponse(u *User, tok Object) { u.setToken(tok) }

// SaveSession is User._saveSession: write the session to storage.
func (bindings) SaveSession(u *User) { u.saveSession() }

// RefreshSavedSession is User._refreshSavedSession.
func (bindings) RefreshSavedSession(u *User) { u.refreshSavedSession() }

// NewUser is page code's `new User(api, tokenResponse, audience)`: a
// session for api that becomes the realm's current user. A nil audience is
// undefined.
func (bindings) NewUser(r *Realm, api *API, tok Object, audience RawJSON) *User {
	return newUser(r, api, tok, audience)
}

// StartUser is the synchronous first half of Client.CreateUser: the
// remember headers, and the session made current before any request.
func (bindings) StartUser(c *Client, tok Object, remember bool) *User {
	return c.startUser(tok, remember)
}

// Establish is the second half of Client.CreateUser: fetch the user and,
// with remember, save the session. On error the half-built user stays
// current, as in gotrue-js.
func (bindings) Establish(u *User, ctx Context, remember bool) error {
	return u.establish(ctx, remember)
}

// UserVersion increases on every change of u's token or fields.
func (bindings) UserVersion(u *User) uint64 { return u.changes() }

// APIVersion increases whenever a's default headers change.
func (bindings) APIVersion(a *API) uint64 { return a.changes() }

// CachedJWT is the part of User.JWT that needs no request: the access
// token when it is not within ExpiryMargin of expiry and force is not set.
// Otherwise ok is false and refreshToken is what JWT would send, in
// gotrue-js's spelling ("undefined" when the token has none), or "" when
// there is no session; bindings share one pending result among the callers
// of one refresh token, as gotrue-js shares one Promise.
func (bindings) CachedJWT(u *User, force bool) (access, refreshToken string, ok bool) {
	tok := u.TokenDetails()
	if tok == nil {
		return "", "", false
	}
	if force || tok.expired(u.realm.nowMS()) {
		return "", tok.refreshTokenJS(), false
	}
	return tok.AccessToken(), "", true
}
