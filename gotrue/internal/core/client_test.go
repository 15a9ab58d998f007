package core_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	. "github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var ctx = context.Background()

func TestSettingsVerbatim(t *testing.T) {
	t.Parallel()
	e := setup(t, gotruetest.WithProviders("github"))
	s, err := e.client.Settings(ctx)
	require.NoError(t, err)
	assert.Equal(t, `{"external":{"bitbucket":false,"github":true,"gitlab":false,"google":false,"facebook":false,"email":true,"saml":false},"external_labels":{},"disable_signup":false,"autoconfirm":false}`, string(s))
	r := e.rec.last()
	assert.Equal(t, "GET", r.Method)
	assert.Equal(t, "/.netlify/identity/settings", r.URL)
	assert.Equal(t, Header{{"X-Nf-Client", "gotrue-js"}}, r.Header, "no Content-Type without a body")
	assert.Equal(t, "same-origin", r.Credentials)
	assert.Nil(t, r.Body)
}

func TestSignup(t *testing.T) {
	t.Parallel()
	e := setup(t)
	u, err := e.client.Signup(ctx, "new@example.com", "pw", json.RawMessage(`{"full_name":"New"}`))
	require.NoError(t, err)
	assert.Contains(t, string(u), `"email":"new@example.com"`)
	assert.Contains(t, string(u), `"user_metadata":{"full_name":"New"}`)
	r := e.rec.last()
	assert.Equal(t, `{"email":"new@example.com","password":"pw","data":{"full_name":"New"}}`, string(r.Body))
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))

	_, err = e.client.Signup(ctx, "nodata@example.com", "pw", nil)
	require.NoError(t, err)
	assert.Equal(t, `{"email":"nodata@example.com","password":"pw"}`, string(e.rec.last().Body), "data omitted when undefined")

	_, err = e.client.Signup(ctx, "x@example.com", "pw", json.RawMessage(`true`))
	var he *HTTPError
	require.ErrorAs(t, err, &he, "a boolean data goes through untouched; the server refuses it")
	assert.Equal(t, 400, he.Status)
	assert.True(t, strings.HasPrefix(he.Message(), "Could not read Signup params"))
}

func TestErrorRowsAClientCanTrigger(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("taken@example.com", "")
	_, _ = e.client.Signup(ctx, "pending@example.com", "secret", nil)
	tests := []struct {
		name    string
		run     func() error
		status  int
		message string
	}{
		{"signup: confirmed user", func() error { _, err := e.client.Signup(ctx, "taken@example.com", "x", nil); return err },
			400, "A user with this email address has already been registered"},
		{"signup: no password", func() error { _, err := e.client.Signup(ctx, "a@example.com", "", nil); return err },
			422, "Signup requires a valid password"},
		{"signup: bad email", func() error { _, err := e.client.Signup(ctx, "nope", "x", nil); return err },
			422, "Unable to validate email address: mail: missing '@' or angle-addr"},
		{"login: wrong password", func() error { _, err := e.client.Login(ctx, "taken@example.com", "bad", false); return err },
			400, "invalid_grant: No user found with that email, or password invalid."},
		{"login: unconfirmed", func() error { _, err := e.client.Login(ctx, "pending@example.com", "secret", false); return err },
			400, "invalid_grant: Email not confirmed"},
		{"confirm: unknown token", func() error { _, err := e.client.Confirm(ctx, "nope", false); return err },
			404, "User not found"},
		{"confirm: empty token", func() error { _, err := e.client.Confirm(ctx, " ", false); return err },
			422, "Verify requires a token"},
		{"verify: bad type", func() error { _, err := e.client.Verify(ctx, "invite", "abc", false); return err },
			422, "Verify requires a verification type"},
		{"recover: unknown token", func() error { _, err := e.client.Recover(ctx, "nope", false); return err },
			404, "User not found"},
		{"acceptInvite: unknown token", func() error { _, err := e.client.AcceptInvite(ctx, "nope", "pw", false); return err },
			404, "User not found"},
		{"requestPasswordRecovery: empty", func() error { _, err := e.client.RequestPasswordRecovery(ctx, ""); return err },
			422, "Password recovery requires an email"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			var he *HTTPError
			require.ErrorAs(t, err, &he)
			assert.True(t, he.IsJSON())
			assert.Equal(t, tt.status, he.Status)
			assert.Equal(t, tt.message, he.Message(), "shaped as gotrue-js shapes it")
			assert.Contains(t, he.Error(), tt.message)
		})
	}
	assert.Nil(t, e.client.CurrentUser(), "failed logins leave no session")
}

func TestLoginRemembered(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("ada@example.com", `{"full_name":"Ada"}`)
	u := e.login("ada@example.com", true)
	assert.Equal(t, []string{"id", "aud", "role", "email", "confirmed_at", "confirmation_sent_at", "app_metadata", "user_metadata", "created_at", "updated_at"}, u.Fields().Keys())
	assert.Equal(t, "ada@example.com", u.Email())
	tok := u.TokenDetails()
	require.NotNil(t, tok)
	assert.Equal(t, []string{"access_token", "token_type", "expires_in", "refresh_token", "expires_at"}, tok.Object().Keys())
	assert.Equal(t, float64(e.clock.Now().Add(3600e9).Unix()*1000), tok.ExpiresAt)
	assert.Same(t, u, e.client.CurrentUser())

	reqs := e.rec.requests()
	login := reqs[len(reqs)-2]
	assert.Equal(t, "POST", login.Method)
	assert.Equal(t, "/.netlify/identity/token", login.URL)
	assert.Equal(t, "grant_type=password&username=ada%40example.com&password=secret", string(login.Body))
	assert.Equal(t, "application/x-www-form-urlencoded", login.Header.Get("Content-Type"))
	get := reqs[len(reqs)-1]
	assert.Equal(t, "/.netlify/identity/user", get.URL)
	assert.Equal(t, "Bearer "+tok.AccessToken(), get.Header.Get("Authorization"))

	stored := e.stored()
	require.NotEmpty(t, stored)
	var fields Object
	require.NoError(t, json.Unmarshal([]byte(stored), &fields))
	assert.Equal(t, append([]string{"token", "url", "audience"}, u.Fields().Keys()...), fields.Keys())
	assert.True(t, strings.HasPrefix(stored, `{"token":{"access_token":"`))
	assert.Contains(t, stored, `"url":"/.netlify/identity","audience":"","id":"`)
}

func TestLoginNotRememberedClearsStorage(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("one@example.com", "")
	e.signup("two@example.com", "")
	e.login("one@example.com", true)
	require.NotEmpty(t, e.stored())
	u := e.login("two@example.com", false)
	assert.Empty(t, e.stored(), "login removes any stored session, even another user's")
	require.NoError(t, u.GetUserData(ctx))
	assert.Empty(t, e.stored(), "re-saved only when something is stored")
	assert.Same(t, u, e.client.CurrentUser(), "kept in memory")
}

func TestFormEscaping(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, _ = e.client.Login(ctx, "a b+c@example.com", "p&w=d !'()*~é", false)
	assert.Equal(t, "grant_type=password&username=a%20b%2Bc%40example.com&password=p%26w%3Dd%20!'()*~%C3%A9", string(e.rec.last().Body))
}

func TestConfirmRecoverAcceptInvite(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, err := e.client.Signup(ctx, "c@example.com", "secret", nil)
	require.NoError(t, err)
	m, _ := e.emu.LastMail("c@example.com")
	u, err := e.client.Confirm(ctx, m.Token, true)
	require.NoError(t, err)
	assert.Equal(t, `{"token":"`+m.Token+`","type":"signup"}`, string(e.rec.requests()[1].Body))
	assert.Equal(t, "c@example.com", u.Email())
	assert.NotEmpty(t, e.stored(), "remembered")

	_, err = e.client.RequestPasswordRecovery(ctx, "c@example.com")
	require.NoError(t, err)
	rm, _ := e.emu.LastMail("c@example.com")
	r, err := e.client.Recover(ctx, rm.Token, false)
	require.NoError(t, err)
	require.NoError(t, r.Update(ctx, []byte(`{"password":"new"}`)))
	_, err = e.client.Login(ctx, "c@example.com", "new", false)
	require.NoError(t, err)

	admin := e.emu.Config().OperatorToken
	inviteReq := &Request{Method: "POST", URL: "/.netlify/identity/invite", Header: Header{{"Authorization", "Bearer " + admin}, {"Content-Type", "application/json"}}, Body: []byte(`{"email":"inv@example.com"}`)}
	res, err := e.nethttp.Do(ctx, inviteReq)
	require.NoError(t, err)
	require.Equal(t, 200, res.Status)
	im, _ := e.emu.LastMail("inv@example.com")
	inv, err := e.client.AcceptInvite(ctx, im.Token, "pw", false)
	require.NoError(t, err)
	assert.Equal(t, `{"token":"`+im.Token+`","password":"pw","type":"signup"}`, string(e.rec.requests()[len(e.rec.requests())-2].Body))
	assert.Equal(t, "inv@example.com", inv.Email())
}

func TestExternalURLs(t *testing.T) {
	t.Parallel()
	c := New(nil, Options{APIURL: "https://example.com/.netlify/identity"})
	assert.Equal(t, "https://example.com/.netlify/identity/authorize?provider=github", c.LoginExternalURL("github"))
	assert.Equal(t, "https://example.com/.netlify/identity/authorize?provider=a b&invite_token=t&x", c.AcceptInviteExternalURL("a b", "t&x"), "no escaping, as gotrue-js")
}

func TestCreateUserFromHashParams(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("hash@example.com", "")
	u := e.login("hash@example.com", false)
	tok := u.TokenDetails()
	var params Object
	params.Set("access_token", mustJSON(tok.AccessToken()))
	params.Set("expires_in", mustJSON("3600"))
	params.Set("refresh_token", mustJSON(tok.RefreshToken()))
	params.Set("token_type", mustJSON("bearer"))
	params.Set("state", mustJSON("xyz"))
	params.Set("expires_at", mustJSON("caller's"))
	got, err := e.client.SessionFromToken(ctx, params, true)
	require.NoError(t, err)
	assert.Equal(t, []string{"access_token", "expires_in", "refresh_token", "token_type", "state", "expires_at"}, got.TokenDetails().Object().Keys())
	v, _ := got.TokenDetails().Object().Get("expires_in")
	assert.Equal(t, `"3600"`, string(v), "string values stay strings")
	assert.Equal(t, tok.ExpiresAt, got.TokenDetails().ExpiresAt, "expires_at from the JWT, replacing the caller's")
	assert.Equal(t, "hash@example.com", got.Email())
	assert.NotEmpty(t, e.stored())
}

func TestHalfBuiltUserStaysCurrent(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("half@example.com", "")
	e.rec.setHook(func(r *Request) (*Response, error, bool) {
		if strings.HasSuffix(r.URL, "/user") {
			return nil, errors.New("offline"), true
		}
		return nil, nil, false
	})
	_, err := e.client.Login(ctx, "half@example.com", "secret", true)
	require.EqualError(t, err, "offline", "transport errors pass through unchanged")
	u := e.client.CurrentUser()
	require.NotNil(t, u, "as in gotrue-js, the half-built user is current")
	assert.Empty(t, u.ID())
	assert.Empty(t, e.stored())
}

func TestValidateCurrentSession(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, err := e.client.ValidateCurrentSession(ctx)
	assert.ErrorIs(t, err, ErrNoSession)
	e.signup("val@example.com", "")
	u := e.login("val@example.com", true)
	got, err := e.client.ValidateCurrentSession(ctx)
	require.NoError(t, err)
	assert.Same(t, u, got)
	stored := e.stored()
	e.rec.setHook(func(*Request) (*Response, error, bool) { return nil, errors.New("offline"), true })
	got, err = e.client.ValidateCurrentSession(ctx)
	assert.Nil(t, got, "offline: no user, as in gotrue-js")
	assert.EqualError(t, err, "offline", "and what happened")
	assert.Same(t, u, e.client.CurrentUser(), "but the session stays (D8)")
	assert.Equal(t, stored, e.stored())
	e.rec.setHook(func(*Request) (*Response, error, bool) {
		return jsonResponse(404, "Not Found", `{"code":404,"msg":"User not found"}`), nil, true
	})
	got, err = e.client.ValidateCurrentSession(ctx)
	assert.Nil(t, got)
	var he *HTTPError
	require.ErrorAs(t, err, &he, "the server's answer")
	assert.Equal(t, 404, he.Status)
	assert.Nil(t, e.client.CurrentUser(), "ends the session")
	assert.Empty(t, e.stored())
}

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}
