package gotruetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVerifyErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	tests := []struct {
		name, body string
		status     int
		msg        string
	}{
		{"not JSON", `{`, 400, "Could not read verification params: unexpected EOF"},
		{"no token", `{"type":"signup"}`, 422, "Verify requires a token"},
		{"whitespace token", `{"type":"signup","token":"  "}`, 422, "Verify requires a token"},
		{"bad type", `{"type":"invite","token":"abc"}`, 422, "Verify requires a verification type"},
		{"unknown token", `{"type":"signup","token":"abc"}`, 404, "User not found"},
		{"unknown recovery token", `{"type":"recovery","token":"abc"}`, 404, "User not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.call("POST", "/verify", tt.body)
			assert.Equal(t, tt.status, r.status)
			assert.Equal(t, map[string]any{"code": float64(tt.status), "msg": tt.msg}, r.json(t))
		})
	}
}

func TestVerifySignupIsSingleUse(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.call("POST", "/signup", `{"email":"v@example.com","password":"secret"}`)
	m, _ := e.srv.LastMail("v@example.com")
	r := e.call("POST", "/verify", `{"type":"signup","token":"`+m.Token+`"}`)
	require.Equal(t, 200, r.status)
	assert.Equal(t, []string{"access_token", "token_type", "expires_in", "refresh_token"}, keys(t, r.body))
	assert.Equal(t, "bearer", r.json(t)["token_type"])
	assert.Equal(t, float64(3600), r.json(t)["expires_in"])
	again := e.call("POST", "/verify", `{"type":"signup","token":"`+m.Token+`"}`)
	assert.Equal(t, 404, again.status)
}

func TestVerifyExpiry(t *testing.T) {
	t.Parallel()
	e := setup(t, WithClock(fixedClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))))
	e.call("POST", "/signup", `{"email":"old@example.com","password":"secret"}`)
	m, _ := e.srv.LastMail("old@example.com")
	e.srv.Advance(24*time.Hour + time.Second)
	r := e.call("POST", "/verify", `{"type":"signup","token":"`+m.Token+`"}`)
	assert.Equal(t, 422, r.status)
	assert.JSONEq(t, `{"code":422,"msg":"Confirmation token expired"}`, r.body)

	e.signupConfirmed("rec@example.com")
	require.Equal(t, 200, e.call("POST", "/recover", `{"email":"rec@example.com"}`).status)
	rm, _ := e.srv.LastMail("rec@example.com")
	e.srv.Advance(25 * time.Hour)
	r = e.call("POST", "/verify", `{"type":"recovery","token":"`+rm.Token+`"}`)
	assert.Equal(t, 422, r.status)
	assert.JSONEq(t, `{"code":422,"msg":"Recovery token expired"}`, r.body)
}

func TestRecoveryConfirmsAndKeepsPassword(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.call("POST", "/signup", `{"email":"unconf@example.com","password":"secret"}`)
	require.Equal(t, 200, e.call("POST", "/recover", `{"email":"unconf@example.com"}`).status)
	m, _ := e.srv.LastMail("unconf@example.com")
	assert.Equal(t, MailRecovery, m.Kind)
	assert.Equal(t, "Reset Your Password", m.Subject)
	r := e.call("POST", "/verify", `{"type":"recovery","token":"`+m.Token+`","password":"ignored"}`)
	require.Equal(t, 200, r.status)
	access := r.json(t)["access_token"].(string)
	u := e.call("GET", "/user", "", bearer(access)...).json(t)
	assert.NotEmpty(t, u["confirmed_at"], "recovery confirms")
	e.login("unconf@example.com", "secret")
	put := e.call("PUT", "/user", `{"password":"new"}`, bearer(access)...)
	require.Equal(t, 200, put.status)
	e.login("unconf@example.com", "new")
	assert.Equal(t, 404, e.call("POST", "/verify", `{"type":"recovery","token":"`+m.Token+`"}`).status, "single use")
}

func TestInviteAcceptance(t *testing.T) {
	t.Parallel()
	e := setup(t)
	op := bearer(e.srv.Config().OperatorToken)
	inv := e.call("POST", "/invite", `{"email":"inv@example.com","data":{"full_name":"Inv"}}`, op...)
	require.Equal(t, 200, inv.status, inv.body)
	im := inv.json(t)
	assert.NotEmpty(t, im["invited_at"])
	assert.NotContains(t, im, "confirmed_at")
	assert.Equal(t, map[string]any{"provider": "email"}, im["app_metadata"])
	m, _ := e.srv.LastMail("inv@example.com")
	assert.Equal(t, MailInvite, m.Kind)
	assert.Equal(t, "You have been invited", m.Subject)
	assert.Contains(t, m.Link, "#invite_token=")

	login := e.form("/token", map[string][]string{"grant_type": {"password"}, "username": {"inv@example.com"}, "password": {""}})
	assert.JSONEq(t, `{"error":"invalid_grant","error_description":"Email not confirmed"}`, login.body)

	r := e.call("POST", "/verify", `{"type":"signup","token":"`+m.Token+`"}`)
	assert.Equal(t, 422, r.status)
	assert.JSONEq(t, `{"code":422,"msg":"Invited users must specify a password"}`, r.body)

	e.srv.Advance(30 * 24 * time.Hour) // invite links effectively never expire
	r = e.call("POST", "/verify", `{"type":"signup","token":"`+m.Token+`","password":"pw"}`)
	require.Equal(t, 200, r.status, r.body)
	e.login("inv@example.com", "pw")
}
