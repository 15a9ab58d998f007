package gotrue

import (
	"context"
	"net/url"
	"strconv"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

// TokenSource supplies the token a request is signed with. A Session is
// one; StaticToken is another.
type TokenSource interface {
	Token(ctx context.Context) (*Token, error)
}

// StaticToken is a TokenSource that always returns accessToken, such as
// the server's operator token (GOTRUE_OPERATOR_TOKEN), which the admin API
// takes for any audience.
func StaticToken(accessToken string) TokenSource {
	return staticToken{&Token{AccessToken: accessToken, TokenType: "bearer"}}
}

type staticToken struct{ t *Token }

func (s staticToken) Token(context.Context) (*Token, error) { return s.t, nil }

// Admin is GoTrue's admin API, signed with the tokens of a TokenSource.
// The server decides whether that token may use it. Safe for concurrent
// use.
type Admin struct {
	client *Client
	source TokenSource
	api    *core.API
}

// Admin returns the admin API signed with source's tokens.
func (c *Client) Admin(source TokenSource) *Admin {
	return &Admin{client: c, source: source, api: c.engine(nil).API()}
}

// AdminUserParams are a user's attributes as an admin sets them; empty
// fields are left out.
type AdminUserParams struct {
	Email        string         `json:"email,omitempty"`
	Password     string         `json:"password,omitempty"`
	Confirm      bool           `json:"confirm,omitempty"` // mark the address confirmed
	Role         string         `json:"role,omitempty"`    // "admin" makes the user an admin of its audience
	Aud          string         `json:"aud,omitempty"`
	UserMetadata map[string]any `json:"user_metadata,omitempty"`
	AppMetadata  map[string]any `json:"app_metadata,omitempty"` // dropped by the server on create
}

// ListOptions selects a page of users.
type ListOptions struct {
	Page     int    // from 1; 0 means 1
	PerPage  int    // 0 means the server's default (50)
	Audience string // "" means the client's audience
}

// UserList is one page of users.
type UserList struct {
	Aud      string  `json:"aud"`
	Users    []*User `json:"users"`
	Total    int     `json:"-"` // users in the audience, on every page (X-Total-Count)
	NextPage int     `json:"-"` // 0 on the last page
	LastPage int     `json:"-"`
}

// ListUsers lists one page of the audience's users.
//
// GoTrue API: GET /admin/users.
func (a *Admin) ListUsers(ctx context.Context, opts *ListOptions) (*UserList, error) {
	var o ListOptions
	if opts != nil {
		o = *opts
	}
	q := url.Values{}
	if o.Page > 0 {
		q.Set("page", strconv.Itoa(o.Page))
	}
	if o.PerPage > 0 {
		q.Set("per_page", strconv.Itoa(o.PerPage))
	}
	raw, header, err := a.do(ctx, func(r core.Requester) (core.Value, error) {
		return core.AdminListUsers(ctx, r, o.Audience, q.Encode())
	})
	if err != nil {
		return nil, err
	}
	list := &UserList{}
	if err := decode(raw, "user list", list); err != nil {
		return nil, err
	}
	list.Total, _ = strconv.Atoi(header.Get("X-Total-Count"))
	list.NextPage, list.LastPage = pageLinks(header.Get("Link"))
	return list, nil
}

// GetUser returns the user with id.
//
// GoTrue API: GET /admin/users/{id}.
func (a *Admin) GetUser(ctx context.Context, id string) (*User, error) {
	return a.user(a.do(ctx, func(r core.Requester) (core.Value, error) {
		return core.AdminGetUser(ctx, r, url.PathEscape(id))
	}))
}

// CreateUser creates a user.
//
// GoTrue API: POST /admin/users.
func (a *Admin) CreateUser(ctx context.Context, params AdminUserParams) (*User, error) {
	body, err := encode(params)
	if err != nil {
		return nil, err
	}
	return a.user(a.do(ctx, func(r core.Requester) (core.Value, error) {
		return core.AdminCreateUser(ctx, r, body)
	}))
}

// UpdateUser changes the user with id.
//
// GoTrue API: PUT /admin/users/{id}.
func (a *Admin) UpdateUser(ctx context.Context, id string, params AdminUserParams) (*User, error) {
	body, err := encode(params)
	if err != nil {
		return nil, err
	}
	return a.user(a.do(ctx, func(r core.Requester) (core.Value, error) {
		return core.AdminUpdateUser(ctx, r, url.PathEscape(id), body)
	}))
}

// InviteUser creates a user of the audience and mails an invite
// (#invite_token=), which Client.AcceptInvite takes with the user's new
// password. data becomes the user's metadata (nil: none).
//
// GoTrue API: POST /invite.
func (a *Admin) InviteUser(ctx context.Context, email string, data map[string]any) (*User, error) {
	body, err := encode(struct {
		Email string         `json:"email"`
		Data  map[string]any `json:"data,omitempty"`
	}{email, data})
	if err != nil {
		return nil, err
	}
	return a.user(a.call(ctx, "POST", "/invite", "", body))
}

// DeleteUser deletes the user with id.
//
// GoTrue API: DELETE /admin/users/{id}.
func (a *Admin) DeleteUser(ctx context.Context, id string) error {
	_, _, err := a.do(ctx, func(r core.Requester) (core.Value, error) {
		return core.AdminDeleteUser(ctx, r, url.PathEscape(id))
	})
	return err
}

func (a *Admin) user(raw []byte, _ Header, err error) (*User, error) {
	if err != nil {
		return nil, err
	}
	return userOf(raw)
}

// do runs one of the core's admin flows with the admin as its signer,
// and returns the answer with its headers.
func (a *Admin) do(ctx context.Context, flow func(core.Requester) (core.Value, error)) ([]byte, Header, error) {
	s := &signer{a: a, ctx: ctx}
	v, err := flow(s)
	if err != nil {
		return nil, nil, err
	}
	raw, _ := v.(core.RawJSON)
	return raw, s.header, nil
}

// signer is an Admin as the core's admin flows reach it: each request
// signed with the source's token; the answer's headers kept.
type signer struct {
	a      *Admin
	ctx    context.Context
	header Header
}

// Request sends c, signed.
func (s *signer) Request(_ core.Context, c core.Call) (core.Value, error) {
	raw, h, err := s.a.call(s.ctx, c.Method, c.Path, c.Audience, c.Body)
	s.header = h
	return core.RawJSON(raw), err
}

// call sends one admin request signed with the source's token, with
// X-JWT-AUD for aud or else the client's audience.
func (a *Admin) call(ctx context.Context, method, path, aud string, body []byte) ([]byte, Header, error) {
	tok, err := a.source.Token(ctx)
	if err != nil {
		return nil, nil, err
	}
	if aud == "" {
		aud = a.client.audience
	}
	h := Header{{Name: "Authorization", Value: "Bearer " + tok.AccessToken}}
	if aud != "" {
		h = append(h, HeaderField{Name: "X-JWT-AUD", Value: aud})
	}
	return a.api.CallWithHeaders(ctx, method, path, h, body)
}

// pageLinks reads the next and last page numbers of a Link header:
// <…?page=3&per_page=50>; rel="next", …; rel="last".
func pageLinks(link string) (next, last int) {
	for _, part := range splitLinks(link) {
		u, err := url.Parse(part.target)
		if err != nil {
			continue
		}
		n, _ := strconv.Atoi(u.Query().Get("page"))
		switch part.rel {
		case "next":
			next = n
		case "last":
			last = n
		}
	}
	return next, last
}
