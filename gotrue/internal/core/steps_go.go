package core

// clientSteps and userSteps are a Go program's Client and User as the
// flows reach them: the core's own steps, with the answers as JSON.

type clientSteps struct{ c *Client }

func (s clientSteps) SetRememberHeaders(remember bool) error {
	s.c.setRememberHeaders(remember)
	return nil
}

func (s clientSteps) Request(ctx Context, c Call) (Value, error) {
	return s.c.request(ctx, call{method: c.Method, path: c.Path, header: c.Header, body: c.Body})
}

func (s clientSteps) CreateUser(ctx Context, tokenResponse Value, remember bool) (Value, error) {
	raw, _ := tokenResponse.(RawJSON)
	return s.c.createUserJSON(ctx, raw, remember)
}

func (s clientSteps) Verify(ctx Context, typ string, token RawJSON, remember bool) (Value, error) {
	return Verify(ctx, s, quote(typ), token, remember)
}

func (s clientSteps) RemoveSavedSession() error {
	s.c.realm.RemoveSavedSession()
	return nil
}

func (s clientSteps) CurrentUser() (UserSteps, error) {
	if u := s.c.CurrentUser(); u != nil {
		return userSteps{u}, nil
	}
	return nil, nil
}

type userSteps struct{ u *User }

func (s userSteps) Request(ctx Context, c Call) (Value, error) {
	return s.u.request(ctx, call{method: c.Method, path: c.Path, header: c.Header, body: c.Body}, c.Audience)
}

// SaveUserData merges the server's user into the fields.
func (s userSteps) SaveUserData(attrs Value) (UserSteps, error) {
	raw, _ := attrs.(RawJSON)
	var o Object
	if err := o.UnmarshalJSON(raw); err != nil && err != ErrNotObject {
		return nil, &ResponseError{Op: "user", Msg: "the server's user is not valid JSON"}
	}
	s.u.saveUserData(o, false)
	return s, nil
}

func (s userSteps) RefreshSavedSession() (Value, error) {
	s.u.refreshSavedSession()
	return s.u, nil
}

func (s userSteps) GetUserData(ctx Context) (Value, error) { return GetUserData(ctx, s) }

func (s userSteps) ClearSession() error {
	s.u.ClearSession()
	return nil
}

func (s userSteps) SaveSession(user Value) error {
	if u, ok := user.(*User); ok {
		u.saveSession()
	}
	return nil
}

// userOf is a flow's user, for a Go program.
func userOf(v Value, err error) (*User, error) {
	if err != nil {
		return nil, err
	}
	u, _ := v.(*User)
	return u, nil
}
