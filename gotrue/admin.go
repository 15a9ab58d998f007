package gotrue

// Admin is the counterpart of gotrue-js's user.admin: admin calls made with the user's
// token. The server decides who is an admin. Every method returns the
// server's JSON as is.
type Admin struct {
	user *User
}

// Admin returns the admin API acting as u.
func (u *User) Admin() *Admin { return &Admin{user: u} }

// ListUsers lists the users of aud ("" means the user's audience). As in
// gotrue-js, the pagination headers are ignored.
//
// GoTrue API: GET /admin/users.
func (a *Admin) ListUsers(ctx Context, aud string) (RawJSON, error) {
	return a.user.request(ctx, call{method: "GET", path: "/admin/users"}, aud)
}

// GetUser returns one user by id. The id is put in the path as is.
//
// GoTrue API: GET /admin/users/{id}.
func (a *Admin) GetUser(ctx Context, id string) (RawJSON, error) {
	return a.user.request(ctx, call{method: "GET", path: "/admin/users/" + id}, "")
}

// UpdateUser changes a user with attrs, the JSON body as given
// ({"role","confirm","password","email","app_metadata","user_metadata"}).
//
// GoTrue API: PUT /admin/users/{id}.
func (a *Admin) UpdateUser(ctx Context, id string, attrs []byte) (RawJSON, error) {
	return a.user.request(ctx, call{method: "PUT", path: "/admin/users/" + id, body: attrs}, "")
}

// CreateUser creates a user. attrs are sent first, then email and
// password, as gotrue-js adds them to the caller's object.
//
// GoTrue API: POST /admin/users.
func (a *Admin) CreateUser(ctx Context, email, password string, attrs Object) (RawJSON, error) {
	body := attrs.Clone()
	body.SetString("email", email)
	body.SetString("password", password)
	b, _ := body.MarshalJSON()
	return a.CreateUserJSON(ctx, b)
}

// CreateUserJSON sends body as is; bindings that serialise the caller's
// object themselves use it.
func (a *Admin) CreateUserJSON(ctx Context, body []byte) (RawJSON, error) {
	return a.user.request(ctx, call{method: "POST", path: "/admin/users", body: body}, "")
}

// DeleteUser deletes a user.
//
// GoTrue API: DELETE /admin/users/{id}.
func (a *Admin) DeleteUser(ctx Context, id string) (RawJSON, error) {
	return a.user.request(ctx, call{method: "DELETE", path: "/admin/users/" + id}, "")
}
