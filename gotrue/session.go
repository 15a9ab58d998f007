package gotrue

import (
	"context"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

// Session is one signed-in user: the token, refreshed as needed, and the
// account as the server last sent it. Sessions are independent of each
// other. A Session is safe for concurrent use and is a TokenSource.
type Session struct {
	client *Client
	user   *core.User
}

// Token returns a valid token, refreshing it first when it expires within
// a minute. Concurrent callers share one refresh request; ctx ends only
// this caller's wait, and the request goes on while any caller waits for
// it. A refresh the server refuses ends the session (ErrNoSession from
// then on); one it does not answer (Unanswered) keeps it.
func (s *Session) Token(ctx context.Context) (*Token, error) {
	return s.token(ctx, false)
}

// Refresh refreshes the token now, whatever its expiry.
//
// GoTrue API: POST /token (grant_type=refresh_token).
func (s *Session) Refresh(ctx context.Context) (*Token, error) {
	return s.token(ctx, true)
}

func (s *Session) token(ctx context.Context, force bool) (*Token, error) {
	t, err := s.user.Token(ctx, force)
	if err != nil {
		return nil, err
	}
	if t.AccessToken() == "" {
		return nil, ErrNoSession
	}
	return tokenOf(t), nil
}

// User is the account as the server last sent it, without a request.
func (s *Session) User() *User {
	raw, _ := s.user.Fields().MarshalJSON()
	u, err := userOf(raw)
	if err != nil {
		return &User{Raw: raw}
	}
	return u
}

// FetchUser fetches the account from the server.
//
// GoTrue API: GET /user.
func (s *Session) FetchUser(ctx context.Context) (*User, error) {
	if err := s.user.GetUserData(ctx); err != nil {
		return nil, err
	}
	return s.User(), nil
}

// Validate checks the session with the server by fetching the user. When
// the server answers that the session is no good (a 4xx, or a refresh it
// refused), the session ends; offline, it stays (see Unanswered).
//
// GoTrue API: GET /user.
func (s *Session) Validate(ctx context.Context) error {
	err := s.user.GetUserData(ctx)
	if err != nil && !Unanswered(err) {
		s.user.ClearSession()
	}
	return err
}

// Update changes the account and returns it as the server then sends it.
//
// GoTrue API: PUT /user.
func (s *Session) Update(ctx context.Context, attrs UserAttributes) (*User, error) {
	body, err := encode(attrs)
	if err != nil {
		return nil, err
	}
	if err := s.user.Update(ctx, body); err != nil {
		return nil, err
	}
	return s.User(), nil
}

// Logout ends the session: on the server, which revokes its refresh token,
// and here, whatever the server answered (the remembered copy is removed).
// The error is the request's: the session has ended either way, but the
// refresh token may still be valid on a server that was not reached.
//
// GoTrue API: POST /logout.
func (s *Session) Logout(ctx context.Context) error {
	return s.user.Logout(ctx)
}

// Admin is the admin API acting as this session's user, who must be an
// admin (an "admin" role, or a super-admin) for the server to agree.
func (s *Session) Admin() *Admin { return s.client.Admin(s) }
