package gotruetest

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBearerErrors(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	e := setup(t, WithClock(fixedClock(now)))
	access, _ := e.signupConfirmed("bearer@example.com")
	forged := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "x", "exp": now.Add(time.Hour).Unix()})
	forgedTok, _ := forged.SignedString([]byte("other-secret"))
	tests := []struct {
		name, auth string
		msg        string
	}{
		{"missing", "", "This endpoint requires a Bearer token"},
		{"basic scheme", "Basic abc", "This endpoint requires a Bearer token"},
		{"bad signature", "Bearer " + forgedTok, "Invalid token: signature is invalid"},
		{"malformed", "Bearer abc", "Invalid token: token contains an invalid number of segments"},
		{"bad json", "Bearer eyJhbGciOiJIUzI1NiJ9.bm9wZQ.c2ln", "Invalid token: invalid character 'o' in literal null (expecting 'u')"},
	}
	for _, path := range []string{"/user", "/logout"} {
		for _, tt := range tests {
			t.Run(path+" "+tt.name, func(t *testing.T) {
				method := map[string]string{"/user": "GET", "/logout": "POST"}[path]
				r := e.call(method, path, "", "Authorization", tt.auth)
				assert.Equal(t, 401, r.status)
				assert.Equal(t, map[string]any{"code": float64(401), "msg": tt.msg}, r.json(t))
				assert.Contains(t, r.header.Get("Set-Cookie"), "nf_jwt=; Path=/;")
			})
		}
	}
	lower := e.call("GET", "/user", "", "Authorization", "bearer "+access)
	assert.Equal(t, 200, lower.status, "the scheme may be lowercase")

	e.srv.Advance(time.Hour + 2*time.Minute + 3*time.Second)
	r := e.call("GET", "/user", "", bearer(access)...)
	assert.Equal(t, 401, r.status)
	assert.JSONEq(t, `{"code":401,"msg":"Invalid token: token is expired by 2m3s"}`, r.body)
}

func TestUserAudienceMismatch(t *testing.T) {
	t.Parallel()
	e := setup(t)
	access, _ := e.signupConfirmed("aud@example.com", "X-JWT-AUD", "shop")
	assert.Equal(t, 200, e.call("GET", "/user", "", append(bearer(access), "X-JWT-AUD", "shop")...).status)
	assert.Equal(t, 200, e.call("GET", "/user", "", bearer(access)...).status, "no header: the token's aud")
	r := e.call("GET", "/user", "", append(bearer(access), "X-JWT-AUD", "blog")...)
	assert.Equal(t, 400, r.status)
	assert.JSONEq(t, `{"code":400,"msg":"Token audience doesn't match request audience"}`, r.body)
	// Login is scoped: the same email does not exist in the default aud.
	f := e.form("/token", url.Values{"grant_type": {"password"}, "username": {"aud@example.com"}, "password": {"secret"}})
	assert.Equal(t, 400, f.status)
	// The same email can exist once per aud.
	e.signupConfirmed("aud@example.com")
}

func TestPutUser(t *testing.T) {
	t.Parallel()
	e := setup(t)
	access, rt := e.signupConfirmed("put@example.com")
	auth := bearer(access)
	r := e.call("PUT", "/user", `{"data":{"full_name":"Put","x":1}}`, auth...)
	require.Equal(t, 200, r.status)
	assert.Equal(t, map[string]any{"full_name": "Put", "x": float64(1)}, r.json(t)["user_metadata"])
	r = e.call("PUT", "/user", `{"data":{"x":null}}`, auth...)
	assert.Equal(t, map[string]any{"full_name": "Put"}, r.json(t)["user_metadata"])

	tests := []struct {
		name, body string
		status     int
		msg        string
	}{
		{"empty body", "", 400, "Could not read User Update params: EOF"},
		{"app_metadata", `{"app_metadata":{"roles":["x"]}}`, 401, "Updating app_metadata requires admin privileges"},
		{"wrong change token", `{"email_change_token":"nope"}`, 401, "Email Change Token didn't match token on file"},
		{"bad email", `{"email":"nope"}`, 422, "Unable to validate email address: mail: missing '@' or angle-addr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.call("PUT", "/user", tt.body, auth...)
			assert.Equal(t, tt.status, r.status)
			assert.Equal(t, map[string]any{"code": float64(tt.status), "msg": tt.msg}, r.json(t))
		})
	}
	atomic := e.call("PUT", "/user", `{"data":{"lost":true},"app_metadata":{"a":1}}`, auth...)
	assert.Equal(t, 401, atomic.status)
	assert.NotContains(t, e.call("GET", "/user", "", auth...).body, "lost", "an error rolls back the other changes")

	require.Equal(t, 200, e.call("PUT", "/user", `{"password":"changed"}`, auth...).status)
	e.login("put@example.com", "changed")
	assert.Equal(t, 200, e.call("GET", "/user", "", auth...).status, "access tokens survive a password change")
	assert.Equal(t, 200, e.form("/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}).status,
		"refresh tokens survive a password change")
	same := e.call("PUT", "/user", `{"email":"PUT@example.com"}`, auth...)
	assert.NotContains(t, same.json(t), "new_email", "the same email is a no-op")
}

func TestAdminRoleMayUpdateAppMetadata(t *testing.T) {
	t.Parallel()
	e := setup(t)
	access, _ := e.signupConfirmed("boss@example.com")
	id := e.call("GET", "/user", "", bearer(access)...).json(t)["id"].(string)
	require.Equal(t, 200, e.call("PUT", "/admin/users/"+id, `{"role":"admin"}`, bearer(e.srv.Config().OperatorToken)...).status)
	r := e.call("PUT", "/user", `{"app_metadata":{"roles":["editor"]}}`, bearer(access)...)
	require.Equal(t, 200, r.status, r.body)
	assert.Equal(t, map[string]any{"provider": "email", "roles": []any{"editor"}}, r.json(t)["app_metadata"])
}

func TestEmailChange(t *testing.T) {
	t.Parallel()
	e := setup(t)
	access, _ := e.signupConfirmed("old@example.com")
	e.signupConfirmed("other@example.com")
	auth := bearer(access)
	taken := e.call("PUT", "/user", `{"email":"OTHER@example.com"}`, auth...)
	assert.Equal(t, 422, taken.status)
	assert.JSONEq(t, `{"code":422,"msg":"Email address already registered by another user"}`, taken.body)

	r := e.call("PUT", "/user", `{"email":"new@example.com"}`, auth...)
	require.Equal(t, 200, r.status)
	m := r.json(t)
	assert.Equal(t, "old@example.com", m["email"], "not changed yet")
	assert.Equal(t, "new@example.com", m["new_email"])
	assert.NotEmpty(t, m["email_change_sent_at"])
	k := keys(t, r.body)
	assert.Equal(t, []string{"id", "aud", "role", "email", "confirmed_at", "confirmation_sent_at", "new_email", "email_change_sent_at", "app_metadata", "user_metadata", "created_at", "updated_at"}, k)
	mail, ok := e.srv.LastMail("new@example.com")
	require.True(t, ok, "mailed to the new address")
	assert.Equal(t, MailEmailChange, mail.Kind)
	assert.Equal(t, "Confirm Email Change", mail.Subject)
	assert.True(t, strings.Contains(mail.Link, "#email_change_token="))
	last, _ := e.srv.LastMail("old@example.com")
	assert.NotEqual(t, MailEmailChange, last.Kind, "only to the new address")

	done := e.call("PUT", "/user", `{"email_change_token":"`+mail.Token+`","email":"ignored@example.com"}`, auth...)
	require.Equal(t, 200, done.status)
	assert.Equal(t, "new@example.com", done.json(t)["email"])
	assert.NotContains(t, done.json(t), "new_email")
	e.login("new@example.com", "secret")
}

func TestEmailChangeTokenExpires(t *testing.T) {
	t.Parallel()
	e := setup(t)
	access, _ := e.signupConfirmed("slow@example.com")
	require.Equal(t, 200, e.call("PUT", "/user", `{"email":"later@example.com"}`, bearer(access)...).status)
	mail, _ := e.srv.LastMail("later@example.com")
	e.srv.Advance(25 * time.Hour)
	access, _ = e.login("slow@example.com", "secret")
	r := e.call("PUT", "/user", `{"email_change_token":"`+mail.Token+`"}`, bearer(access)...)
	assert.Equal(t, 422, r.status)
	assert.JSONEq(t, `{"code":422,"msg":"Email change token expired"}`, r.body)
}

func TestLogout(t *testing.T) {
	t.Parallel()
	e := setup(t)
	access, rt := e.signupConfirmed("out@example.com")
	_, rt2 := e.login("out@example.com", "secret")
	r := e.call("POST", "/logout", "", bearer(access)...)
	assert.Equal(t, 204, r.status)
	assert.Empty(t, r.body)
	assert.Empty(t, r.header.Get("Content-Type"))
	assert.Contains(t, r.header.Get("Set-Cookie"), "nf_jwt=; Path=/;")
	for _, tok := range []string{rt, rt2} {
		g := e.form("/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok}})
		assert.Equal(t, `{"error":"invalid_grant","error_description":"Invalid Refresh Token"}`, g.body, "all refresh tokens revoked")
	}
	assert.Equal(t, 200, e.call("GET", "/user", "", bearer(access)...).status, "the access JWT stays valid until exp")
}

func TestDeletedUser(t *testing.T) {
	t.Parallel()
	e := setup(t)
	access, _ := e.signupConfirmed("gone@example.com")
	id := e.call("GET", "/user", "", bearer(access)...).json(t)["id"].(string)
	d := e.call("DELETE", "/admin/users/"+id, "", bearer(e.srv.Config().OperatorToken)...)
	require.Equal(t, 200, d.status)
	assert.Equal(t, "{}", d.body)
	r := e.call("GET", "/user", "", bearer(access)...)
	assert.Equal(t, 404, r.status)
	assert.JSONEq(t, `{"code":404,"msg":"User not found"}`, r.body)
	l := e.call("POST", "/logout", "", bearer(access)...)
	assert.Equal(t, 401, l.status)
	assert.JSONEq(t, `{"code":401,"msg":"Invalid user"}`, l.body)
}

func TestRecover(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signupConfirmed("rec@example.com")
	tests := []struct {
		name, body string
		status     int
		want       string
	}{
		{"unknown email", `{"email":"nobody@example.com"}`, 200, `{}`},
		{"empty email", `{"email":""}`, 422, `{"code":422,"msg":"Password recovery requires an email"}`},
		{"not JSON", `x`, 400, `{"code":400,"msg":"Could not read verification params: invalid character 'x' looking for beginning of value"}`},
		{"known", `{"email":"REC@example.com"}`, 200, `{}`},
		{"again within max frequency", `{"email":"rec@example.com"}`, 429, `{"code":429,"msg":"Rate limit exceeded, try again later"}`},
	}
	for _, tt := range tests {
		r := e.call("POST", "/recover", tt.body)
		assert.Equal(t, tt.status, r.status, tt.name)
		assert.Equal(t, tt.want, r.body, tt.name)
	}
	e.srv.Advance(15*time.Minute + time.Second)
	assert.Equal(t, 200, e.call("POST", "/recover", `{"email":"rec@example.com"}`).status)
	n := 0
	for _, m := range e.srv.Mails() {
		if m.Kind == MailRecovery {
			n++
		}
	}
	assert.Equal(t, 2, n)
}
