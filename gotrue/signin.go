package gotrue

import (
	"context"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

// SessionOption configures a session as it starts.
type SessionOption func(*sessionConfig)

type sessionConfig struct{ store Storage }

// Remember keeps the session in store, under StorageKey, in the JSON
// gotrue-js writes (a browser's localStorage, or any store a Go program
// gives it), re-saved after each refresh and update and removed when the
// session ends. ResumeSession picks it up again. Signing in with a store
// replaces the session it held.
func Remember(store Storage) SessionOption { return func(c *sessionConfig) { c.store = store } }

func configOf(opts []SessionOption) sessionConfig {
	var c sessionConfig
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Settings returns the server's public configuration.
//
// GoTrue API: GET /settings.
func (c *Client) Settings(ctx context.Context) (*Settings, error) {
	raw, err := c.engine(nil).Settings(ctx)
	if err != nil {
		return nil, err
	}
	s := &Settings{}
	return s, decode(raw, "settings", s)
}

// Signup registers a user with data as the user's metadata (nil: none).
// Unless the server confirms sign-ups by itself (Settings.Autoconfirm), it
// mails a confirmation link; Confirm takes its token.
//
// GoTrue API: POST /signup.
func (c *Client) Signup(ctx context.Context, email, password string, data map[string]any) (*User, error) {
	var rawData core.RawJSON
	if data != nil {
		b, err := encode(data)
		if err != nil {
			return nil, err
		}
		rawData = b
	}
	raw, err := c.engine(nil).Signup(ctx, email, password, rawData)
	if err != nil {
		return nil, err
	}
	return userOf(raw)
}

// RequestPasswordRecovery mails a recovery link to email; Recover takes
// its token. The server answers the same for unknown addresses.
//
// GoTrue API: POST /recover.
func (c *Client) RequestPasswordRecovery(ctx context.Context, email string) error {
	_, err := c.engine(nil).RequestPasswordRecovery(ctx, email)
	return err
}

// Login signs in with a password.
//
// GoTrue API: POST /token (grant_type=password), then GET /user.
func (c *Client) Login(ctx context.Context, email, password string, opts ...SessionOption) (*Session, error) {
	cfg := configOf(opts)
	e := c.engine(cfg.store)
	return c.session(e.Login(ctx, email, password, cfg.store != nil))
}

// Confirm confirms a sign-up with the token of its mail
// (#confirmation_token=) and signs the user in.
//
// GoTrue API: POST /verify (type signup), then GET /user.
func (c *Client) Confirm(ctx context.Context, token string, opts ...SessionOption) (*Session, error) {
	return c.Verify(ctx, VerifySignup, token, opts...)
}

// Recover signs in with the token of a recovery mail (#recovery_token=);
// Session.Update then sets the new password.
//
// GoTrue API: POST /verify (type recovery), then GET /user.
func (c *Client) Recover(ctx context.Context, token string, opts ...SessionOption) (*Session, error) {
	return c.Verify(ctx, VerifyRecovery, token, opts...)
}

// Verify exchanges a verification token of type typ for a session.
//
// GoTrue API: POST /verify, then GET /user.
func (c *Client) Verify(ctx context.Context, typ VerifyType, token string, opts ...SessionOption) (*Session, error) {
	cfg := configOf(opts)
	return c.session(c.engine(cfg.store).Verify(ctx, string(typ), token, cfg.store != nil))
}

// AcceptInvite sets the password of an invited user with the token of the
// invite mail (#invite_token=) and signs the user in.
//
// GoTrue API: POST /verify (type signup, with the password), then GET /user.
func (c *Client) AcceptInvite(ctx context.Context, token, password string, opts ...SessionOption) (*Session, error) {
	cfg := configOf(opts)
	return c.session(c.engine(cfg.store).AcceptInvite(ctx, token, password, cfg.store != nil))
}

// NewSession starts a session from a token GoTrue issued elsewhere, such
// as the #access_token= fragment an OAuth sign-in returns with, and fetches
// its user.
//
// GoTrue API: GET /user.
func (c *Client) NewSession(ctx context.Context, tok *Token, opts ...SessionOption) (*Session, error) {
	if tok == nil || tok.AccessToken == "" {
		return nil, ErrNoSession
	}
	cfg := configOf(opts)
	return c.session(c.engine(cfg.store).SessionFromToken(ctx, tok.object(), cfg.store != nil))
}

// ResumeSession resumes the session Remember kept in store. It returns
// ErrNoSession when the store holds none (or one it cannot read). It makes
// no request: the token is refreshed when it is next used, if it is due.
func (c *Client) ResumeSession(store Storage) (*Session, error) {
	u := c.engine(store).CurrentUser()
	if u == nil {
		return nil, ErrNoSession
	}
	return &Session{user: u, client: c}, nil
}

// session wraps what a core sign-in returned.
func (c *Client) session(u *core.User, err error) (*Session, error) {
	if err != nil {
		return nil, err
	}
	return &Session{user: u, client: c}, nil
}
