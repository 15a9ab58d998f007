package gotrue_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/nethttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSettings(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s, err := e.client.Settings(context.Background())
	require.NoError(t, err)
	assert.True(t, s.Autoconfirm)
	assert.False(t, s.DisableSignup)
	assert.True(t, s.External["email"])
	assert.Equal(t, "gotrue-go", e.rec.last().Header.Get("X-Nf-Client"))
}

// TestMailFlows: each token a mail carries gives a session through its own
// call: confirmation, recovery (then a new password), invite.
func TestMailFlows(t *testing.T) {
	t.Parallel()
	emu := gotruetest.New()
	srv := site(emu)
	t.Cleanup(srv.Close)
	ctx := context.Background()
	client := gotrue.NewClient(srv.URL+"/.netlify/identity", gotrue.WithTransport(&nethttp.Transport{}))

	u, err := client.Signup(ctx, "mail@example.com", "first", map[string]any{"full_name": "Mai"})
	require.NoError(t, err)
	assert.True(t, u.ConfirmedAt.IsZero())
	assert.False(t, u.ConfirmationSentAt.IsZero())
	mail, ok := emu.LastMail("mail@example.com")
	require.True(t, ok)
	s, err := client.Verify(ctx, gotrue.VerifySignup, mail.Token)
	require.NoError(t, err)
	assert.False(t, s.User().ConfirmedAt.IsZero())

	require.NoError(t, client.RequestPasswordRecovery(ctx, "mail@example.com"))
	mail, _ = emu.LastMail("mail@example.com")
	s, err = client.Recover(ctx, mail.Token)
	require.NoError(t, err)
	_, err = s.Update(ctx, gotrue.UserAttributes{Password: "second"})
	require.NoError(t, err)
	_, err = client.Login(ctx, "mail@example.com", "second")
	require.NoError(t, err, "the new password")

	_, err = client.Confirm(ctx, "no such token")
	var he *gotrue.HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 404, he.Status)
}

// TestInviteAndEmailChange: an admin invites, the invited user accepts
// with a password; then changes address, confirmed with the mail's token.
func TestInviteAndEmailChange(t *testing.T) {
	t.Parallel()
	emu := gotruetest.New()
	srv := site(emu)
	t.Cleanup(srv.Close)
	ctx := context.Background()
	client := gotrue.NewClient(srv.URL+"/.netlify/identity", gotrue.WithTransport(&nethttp.Transport{}))
	admin := client.Admin(gotrue.StaticToken(emu.Config().OperatorToken))

	invited, err := admin.InviteUser(ctx, "new@example.com", map[string]any{"team": "docs"})
	require.NoError(t, err)
	assert.False(t, invited.InvitedAt.IsZero())
	assert.True(t, invited.ConfirmedAt.IsZero())
	mail, ok := emu.LastMail("new@example.com")
	require.True(t, ok)
	assert.Equal(t, gotruetest.MailInvite, mail.Kind)
	s, err := client.AcceptInvite(ctx, mail.Token, "chosen")
	require.NoError(t, err)
	assert.Equal(t, "docs", s.User().UserMetadata["team"])
	_, err = client.Login(ctx, "new@example.com", "chosen")
	require.NoError(t, err, "the password the invite set")

	u, err := s.Update(ctx, gotrue.UserAttributes{Email: "moved@example.com"})
	require.NoError(t, err)
	assert.Equal(t, "moved@example.com", u.NewEmail, "waits for confirmation")
	mail, ok = emu.LastMail("moved@example.com")
	require.True(t, ok)
	u, err = s.Update(ctx, gotrue.UserAttributes{EmailChangeToken: mail.Token})
	require.NoError(t, err)
	assert.Equal(t, "moved@example.com", u.Email)

	_, err = admin.InviteUser(ctx, "moved@example.com", nil)
	var he *gotrue.HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 422, he.Status)
}

// TestNewSession: a token issued elsewhere (an OAuth redirect's fragment)
// starts a session; one without an access token is refused before any
// request.
func TestNewSession(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.login("oauth@example.com")
	tok, err := s.Token(context.Background())
	require.NoError(t, err)
	other, err := e.client.NewSession(context.Background(), &gotrue.Token{AccessToken: tok.AccessToken, TokenType: "bearer", RefreshToken: tok.RefreshToken})
	require.NoError(t, err)
	assert.Equal(t, "oauth@example.com", other.User().Email)
	_, err = e.client.NewSession(context.Background(), &gotrue.Token{})
	assert.ErrorIs(t, err, gotrue.ErrNoSession)
}

func TestExternalURLs(t *testing.T) {
	t.Parallel()
	c := gotrue.NewClient("https://id.example/.netlify/identity")
	assert.Equal(t, "https://id.example/.netlify/identity/authorize?provider=github", c.LoginExternalURL("github"))
	assert.Equal(t, "https://id.example/.netlify/identity/authorize?provider=a%26b&invite_token=t%3D1", c.AcceptInviteExternalURL("a&b", "t=1"))
}

// TestLoggerAndMissingTransport: gotrue-js's console warning reaches the
// logger; a client without a Transport says so, as an error that is not
// taken for an unanswered request.
func TestLoggerAndMissingTransport(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	c := gotrue.NewClient("http://id.example", gotrue.WithLogger(slog.New(slog.NewTextHandler(&buf, nil))))
	_, err := c.Settings(context.Background())
	assert.EqualError(t, err, "gotrue: no Transport configured")
	assert.False(t, gotrue.Unanswered(err))
	_, _ = c.Settings(context.Background())
	assert.Equal(t, 1, strings.Count(buf.String(), "GoTrue requires HTTPS"), "warned once, not per call: %s", buf.String())
}

// TestEncodeError: a body JSON cannot encode is an error before any
// request, and not one the server left unanswered.
func TestEncodeError(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, err := e.client.Signup(context.Background(), "enc@example.com", "pw", map[string]any{"f": func() {}})
	var ee *gotrue.EncodeError
	require.ErrorAs(t, err, &ee)
	assert.False(t, gotrue.Unanswered(err))
	assert.Equal(t, 0, e.rec.count("POST", "/signup"), "nothing sent")
}
