package core

// request is User's _request (UserRequest) for a call, with the audience
// aud when it is not empty.
func (u *User) request(ctx Context, c call, aud string) (RawJSON, error) {
	c.aud = aud
	return decoded(UserRequest(ctx, userObject{u}, c.path, &c))
}

// userObject is a User as UserRequest reaches it.
type userObject struct{ u *User }

// Audience is the user's audience when it is truthy.
func (o userObject) Audience() (string, error) {
	if !truthy(o.u.audience) {
		return "", nil
	}
	return jsString(o.u.audience), nil
}

// JWT is the access token, refreshed when due. A session whose token has
// no access token sends nothing and returns ErrNoSession (gotrue-js sends
// "Bearer undefined").
func (o userObject) JWT(ctx Context) (string, error) {
	jwt, err := o.u.JWT(ctx, false)
	if err == nil && jwt == "" && !o.u.hasAccessToken() {
		return "", ErrNoSession
	}
	return jwt, err
}

// Sender is the user's API.
func (o userObject) Sender() (Sender, error) { return o.u.api, nil }

func (u *User) hasAccessToken() bool {
	t := u.TokenDetails()
	return t != nil && t.HasAccessToken()
}

// GetUserData fetches the user (GET /user), merges the response into the
// fields and re-saves a stored session.
//
// GoTrue API: GET /user.
func (u *User) GetUserData(ctx Context) error {
	_, err := GetUserData(ctx, userSteps{u})
	return err
}

// Update changes the user (PUT /user) with attrs, the JSON body as given:
// {"email","password","data","email_change_token",…}. The response is
// merged into the fields and a stored session re-saved. A nil attrs sends
// no body, as JSON.stringify(undefined) does.
//
// GoTrue API: PUT /user.
func (u *User) Update(ctx Context, attrs []byte) error {
	_, err := Update(ctx, userSteps{u}, attrs)
	return err
}

// Logout ends the session on the server (POST /logout) and always clears
// it locally, whatever the server answered. It returns the request's error:
// the session is gone here either way, but a failed request may have left
// the refresh token valid on the server.
//
// GoTrue API: POST /logout.
func (u *User) Logout(ctx Context) error {
	err, _ := Logout(ctx, userSteps{u})
	return err
}
