package core

// The admin flows (gotrue-js's Admin, and package gotrue's): requests
// signed by an admin, through its _request step (a User's, or a Go
// program's token source).

// Requester is the request step of whoever signs the admin's requests.
type Requester interface {
	Request(ctx Context, c Call) (Value, error)
}

// AdminListUsers is Admin.listUsers: a page of the audience's users
// (aud: the signer's when ""); query, when not empty, is the page's
// query string (page, per_page), which gotrue-js does not send.
//
// GoTrue API: GET /admin/users.
func AdminListUsers(ctx Context, r Requester, aud, query string) (Value, error) {
	path := "/admin/users"
	if query != "" {
		path += "?" + query
	}
	return r.Request(ctx, Call{Method: "GET", Path: path, Audience: aud})
}

// AdminGetUser is Admin.getUser: the user with id, as given.
//
// GoTrue API: GET /admin/users/{id}.
func AdminGetUser(ctx Context, r Requester, id string) (Value, error) {
	return r.Request(ctx, Call{Path: "/admin/users/" + id})
}

// AdminUpdateUser is Admin.updateUser: the user with id changed with
// attrs (JSON; nil: no body).
//
// GoTrue API: PUT /admin/users/{id}.
func AdminUpdateUser(ctx Context, r Requester, id string, attrs RawJSON) (Value, error) {
	return r.Request(ctx, Call{Method: "PUT", Path: "/admin/users/" + id, Body: attrs})
}

// AdminCreateUser is Admin.createUser: a user made of attrs (JSON with
// its email and password).
//
// GoTrue API: POST /admin/users.
func AdminCreateUser(ctx Context, r Requester, attrs RawJSON) (Value, error) {
	return r.Request(ctx, Call{Method: "POST", Path: "/admin/users", Body: attrs})
}

// AdminDeleteUser is Admin.deleteUser: the user with id deleted.
//
// GoTrue API: DELETE /admin/users/{id}.
func AdminDeleteUser(ctx Context, r Requester, id string) (Value, error) {
	return r.Request(ctx, Call{Method: "DELETE", Path: "/admin/users/" + id})
}
