package core

// Settings returns the server's settings verbatim.
//
// GoTrue API: GET /settings.
func (c *Client) Settings(ctx Context) (RawJSON, error) {
	return decoded(Settings(ctx, clientSteps{c}))
}

// Signup registers a user and returns the server's user JSON (not a
// session). data, when not nil, is sent as is as the "data" field.
//
// GoTrue API: POST /signup.
func (c *Client) Signup(ctx Context, email, password string, data RawJSON) (RawJSON, error) {
	return decoded(Signup(ctx, clientSteps{c}, quote(email), quote(password), data))
}

// Login signs in with a password. On success any stored session is removed
// first, whatever remember is; with remember the new one is saved.
//
// GoTrue API: POST /token (grant_type=password), then GET /user.
func (c *Client) Login(ctx Context, email, password string, remember bool) (*User, error) {
	return userOf(Login(ctx, clientSteps{c}, email, password, remember))
}

// LoginExternalURL returns the URL that starts an OAuth login with provider.
// As in gotrue-js, provider is not escaped.
func (c *Client) LoginExternalURL(provider string) string {
	return c.api.URL() + "/authorize?provider=" + provider
}

// AcceptInviteExternalURL returns the URL that accepts an invite through an
// OAuth provider. Neither argument is escaped, as in gotrue-js.
func (c *Client) AcceptInviteExternalURL(provider, token string) string {
	return c.LoginExternalURL(provider) + "&invite_token=" + token
}

// Confirm confirms a signup with the token from #confirmation_token=.
func (c *Client) Confirm(ctx Context, token string, remember bool) (*User, error) {
	return userOf(Confirm(ctx, clientSteps{c}, quote(token), remember))
}

// Recover logs in with the token from #recovery_token=. Set a new password
// afterwards with User.Update.
func (c *Client) Recover(ctx Context, token string, remember bool) (*User, error) {
	return userOf(Recover(ctx, clientSteps{c}, quote(token), remember))
}

// Verify exchanges a confirmation or recovery token for a session.
//
// GoTrue API: POST /verify.
func (c *Client) Verify(ctx Context, typ, token string, remember bool) (*User, error) {
	return userOf(Verify(ctx, clientSteps{c}, quote(typ), quote(token), remember))
}

// AcceptInvite sets the password of an invited user with the token from
// #invite_token=, and logs in.
//
// GoTrue API: POST /verify (type signup, with password).
func (c *Client) AcceptInvite(ctx Context, token, password string, remember bool) (*User, error) {
	return userOf(AcceptInvite(ctx, clientSteps{c}, quote(token), quote(password), remember))
}

// RequestPasswordRecovery asks the server to mail a recovery link; it
// returns the server's JSON ({}), also for unknown addresses.
//
// GoTrue API: POST /recover.
func (c *Client) RequestPasswordRecovery(ctx Context, email string) (RawJSON, error) {
	return decoded(RequestPasswordRecovery(ctx, clientSteps{c}, quote(email)))
}

// createUserJSON starts a session from a token response. A response that
// is not an object gives a session without a token, as in gotrue-js, whose
// next request then fails on the server.
func (c *Client) createUserJSON(ctx Context, res RawJSON, remember bool) (*User, error) {
	tok, _ := ParseObject(res)
	return c.SessionFromToken(ctx, tok, remember)
}

// SessionFromToken starts a session from a token response, such as the
// pairs of an #access_token=… fragment (string values, extra keys allowed),
// then fetches the user: gotrue-js's createUser. With remember the session
// is saved.
//
// GoTrue API: GET /user.
func (c *Client) SessionFromToken(ctx Context, tok Object, remember bool) (*User, error) {
	u := c.startUser(tok, remember)
	if err := u.establish(ctx, remember); err != nil {
		return nil, err
	}
	return u, nil
}

// startUser is the synchronous first half of SessionFromToken: it sets the
// remember headers and makes the session the realm's current user, before
// any request.
func (c *Client) startUser(tok Object, remember bool) *User {
	c.setRememberHeaders(remember)
	u := newUser(c.realm, c.api, tok, quote(c.audience))
	c.realm.obtain(u.TokenDetails())
	return u
}

// establish is the second half of SessionFromToken: it fetches the user and, with
// remember, saves the session. On error the half-built user stays current,
// as in gotrue-js.
func (u *User) establish(ctx Context, remember bool) error {
	_, err := Established(ctx, userSteps{u}, remember)
	return err
}

// CurrentUser returns the current user, recovering a stored session when
// there is none in memory. It makes no request and does not check expiry.
func (c *Client) CurrentUser() *User {
	u := c.realm.RecoverSession(c.api)
	if u != nil {
		c.setRememberHeaders(u.FromStorage())
	}
	return u
}

// ValidateCurrentSession checks the current user with the server and
// returns it. Without a current user it returns ErrNoSession; on a failure,
// an *InvalidSessionError with the cause. The session is cleared only when
// the server answered (a 4xx, a refresh it refused); offline, it stays (D8;
// see Unanswered).
//
// GoTrue API: GET /user.
func (c *Client) ValidateCurrentSession(ctx Context) (*User, error) {
	u, err := userOf(ValidateCurrentSession(ctx, clientSteps{c}))
	if u == nil && err == nil {
		return nil, ErrNoSession
	}
	return u, err
}
