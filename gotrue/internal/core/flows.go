package core

// The flows of a GoTrue and of a User, step by step as gotrue-js takes
// them. Each step is a method of the object (ClientSteps, UserSteps): Go
// programs run the core's own; in the browser a step page code replaced
// runs as the page's, and the library's own runs in Go.

// ClientSteps is a GoTrue as its flows reach it.
type ClientSteps interface {
	// SetRememberHeaders is this._setRememberHeaders(remember).
	SetRememberHeaders(remember bool) error
	// Request is this._request(c.Path, options of c).
	Request(ctx Context, c Call) (Value, error)
	// CreateUser is this.createUser(tokenResponse, remember): the user.
	CreateUser(ctx Context, tokenResponse Value, remember bool) (Value, error)
	// Verify is this.verify(typ, token, remember): the user.
	Verify(ctx Context, typ string, token RawJSON, remember bool) (Value, error)
	// RemoveSavedSession is User.removeSavedSession().
	RemoveSavedSession() error
	// CurrentUser is this.currentUser(): nil when there is none.
	CurrentUser() (UserSteps, error)
}

// UserSteps is a User as its flows reach it.
type UserSteps interface {
	// Request is this._request(c.Path, options of c).
	Request(ctx Context, c Call) (Value, error)
	// SaveUserData is this._saveUserData(attrs), which returns the user.
	SaveUserData(attrs Value) (UserSteps, error)
	// RefreshSavedSession is this._refreshSavedSession(): the user.
	RefreshSavedSession() (Value, error)
	// GetUserData is this.getUserData(): the user.
	GetUserData(ctx Context) (Value, error)
	// ClearSession is this.clearSession().
	ClearSession() error
	// SaveSession is user._saveSession() of user, a value a step gave.
	SaveSession(user Value) error
}

// Settings is GoTrue.settings: the server's settings.
//
// GoTrue API: GET /settings.
func Settings(ctx Context, c ClientSteps) (Value, error) {
	return c.Request(ctx, Call{Path: "/settings"})
}

// Signup is GoTrue.signup: it registers a user and gives the server's
// user (not a session). Each of email, password and data is JSON, left out
// when nil (JSON.stringify leaves out undefined).
//
// GoTrue API: POST /signup.
func Signup(ctx Context, c ClientSteps, email, password, data RawJSON) (Value, error) {
	body := jsonObject(field{"email", email}, field{"password", password}, field{"data", data})
	return c.Request(ctx, Call{Method: "POST", Path: "/signup", Body: body})
}

// Login is GoTrue.login: the password grant, then, when the server gave a
// token, the stored session removed and the user created from it.
//
// GoTrue API: POST /token (grant_type=password), then GET /user.
func Login(ctx Context, c ClientSteps, email, password string, remember bool) (Value, error) {
	if err := c.SetRememberHeaders(remember); err != nil {
		return nil, err
	}
	res, err := c.Request(ctx, Call{
		Method: "POST", Path: "/token",
		Header: Header{{"Content-Type", "application/x-www-form-urlencoded"}},
		Body:   []byte("grant_type=password&username=" + encodeURIComponent(email) + "&password=" + encodeURIComponent(password)),
	})
	if err != nil {
		return nil, err
	}
	if err := c.RemoveSavedSession(); err != nil {
		return nil, err
	}
	return c.CreateUser(ctx, res, remember)
}

// Confirm is GoTrue.confirm: Verify of a signup token.
func Confirm(ctx Context, c ClientSteps, token RawJSON, remember bool) (Value, error) {
	if err := c.SetRememberHeaders(remember); err != nil {
		return nil, err
	}
	return c.Verify(ctx, "signup", token, remember)
}

// Recover is GoTrue.recover: Verify of a recovery token.
func Recover(ctx Context, c ClientSteps, token RawJSON, remember bool) (Value, error) {
	if err := c.SetRememberHeaders(remember); err != nil {
		return nil, err
	}
	return c.Verify(ctx, "recovery", token, remember)
}

// Verify is GoTrue.verify: a confirmation or recovery token exchanged for
// a session, and the user created from it.
//
// GoTrue API: POST /verify, then GET /user.
func Verify(ctx Context, c ClientSteps, typ, token RawJSON, remember bool) (Value, error) {
	return verified(ctx, c, jsonObject(field{"token", token}, field{"type", typ}), remember)
}

// AcceptInvite is GoTrue.acceptInvite: an invited user's password set with
// the invite token, and the user created from the session.
//
// GoTrue API: POST /verify (type signup, with password), then GET /user.
func AcceptInvite(ctx Context, c ClientSteps, token, password RawJSON, remember bool) (Value, error) {
	return verified(ctx, c, jsonObject(field{"token", token}, field{"password", password}, field{"type", quote("signup")}), remember)
}

func verified(ctx Context, c ClientSteps, body []byte, remember bool) (Value, error) {
	if err := c.SetRememberHeaders(remember); err != nil {
		return nil, err
	}
	res, err := c.Request(ctx, Call{Method: "POST", Path: "/verify", Body: body})
	if err != nil {
		return nil, err
	}
	return c.CreateUser(ctx, res, remember)
}

// RequestPasswordRecovery is GoTrue.requestPasswordRecovery: the server
// mails a recovery link, and answers {} for unknown addresses too.
//
// GoTrue API: POST /recover.
func RequestPasswordRecovery(ctx Context, c ClientSteps, email RawJSON) (Value, error) {
	return c.Request(ctx, Call{Method: "POST", Path: "/recover", Body: jsonObject(field{"email", email})})
}

// InvalidSessionError is ValidateCurrentSession's failure to fetch the
// user: the session was cleared unless the server gave no answer (D8).
type InvalidSessionError struct{ Err error }

func (e *InvalidSessionError) Error() string { return e.Err.Error() }

// Unwrap is the failure.
func (e *InvalidSessionError) Unwrap() error { return e.Err }

// ValidateCurrentSession is GoTrue.validateCurrentSession: the current
// user, fetched again. Without one it gives nil. When the fetch fails it
// returns an *InvalidSessionError, after clearing the session if the
// server answered (D8).
//
// GoTrue API: GET /user.
func ValidateCurrentSession(ctx Context, c ClientSteps) (Value, error) {
	u, err := c.CurrentUser()
	if err != nil || u == nil {
		return nil, err
	}
	v, err := u.GetUserData(ctx)
	if err != nil {
		if !Unanswered(err) {
			err = firstError(err, u.ClearSession())
		}
		return nil, &InvalidSessionError{err}
	}
	return v, nil
}

// firstError is err, or else then.
func firstError(err, then error) error {
	if err != nil {
		return err
	}
	return then
}

// GetUserData is User.getUserData: the user fetched, its answer merged
// into the user and a stored session saved again.
//
// GoTrue API: GET /user.
func GetUserData(ctx Context, u UserSteps) (Value, error) {
	res, err := u.Request(ctx, Call{Path: "/user"})
	if err != nil {
		return nil, err
	}
	return merged(u, res)
}

// Update is User.update: the user changed with attrs (JSON; nil sends no
// body, as JSON.stringify(undefined) does), the answer merged as
// GetUserData merges it.
//
// GoTrue API: PUT /user.
func Update(ctx Context, u UserSteps, attrs RawJSON) (Value, error) {
	res, err := u.Request(ctx, Call{Method: "PUT", Path: "/user", Body: attrs})
	if err != nil {
		return nil, err
	}
	return merged(u, res)
}

// Established is the end of GoTrue.createUser, on the user it made: the
// user fetched and, with remember, its session saved.
//
// GoTrue API: GET /user.
func Established(ctx Context, u UserSteps, remember bool) (Value, error) {
	v, err := u.GetUserData(ctx)
	if err == nil && remember {
		err = u.SaveSession(v)
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Logout is User.logout: the session ended on the server, then cleared
// here whatever the server answered. It returns the request's error, and
// the clearing's, which is what the page sees.
//
// GoTrue API: POST /logout.
func Logout(ctx Context, u UserSteps) (requestErr, clearErr error) {
	_, requestErr = u.Request(ctx, Call{Method: "POST", Path: "/logout"})
	return requestErr, u.ClearSession()
}

// merged is this._saveUserData(res)._refreshSavedSession().
func merged(u UserSteps, res Value) (Value, error) {
	saved, err := u.SaveUserData(res)
	if err != nil {
		return nil, err
	}
	return saved.RefreshSavedSession()
}

// field is one key and JSON value of a request body.
type field struct {
	key   string
	value RawJSON
}

// jsonObject is the JSON object of fields, as JSON.stringify writes
// {k1: v1, ...}: a nil value is left out.
func jsonObject(fields ...field) []byte {
	var o Object
	for _, f := range fields {
		if f.value != nil {
			o.Set(f.key, f.value)
		}
	}
	b, _ := o.MarshalJSON()
	return b
}
