package gotruetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSignupErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signupConfirmed("taken@example.com")
	tests := []struct {
		name, body string
		status     int
		msg        string
	}{
		{"not JSON", `nope`, 400, "Could not read Signup params: invalid character 'o' in literal null (expecting 'u')"},
		{"empty body", ``, 400, "Could not read Signup params: EOF"},
		{"boolean data", `{"email":"a@example.com","password":"x","data":true}`, 400, "Could not read Signup params: json: cannot unmarshal bool into Go struct field SignupParams.data of type map[string]interface {}"},
		{"no password", `{"email":"a@example.com"}`, 422, "Signup requires a valid password"},
		{"no email", `{"password":"x"}`, 422, "An email address is required"},
		{"bad email", `{"email":"nope","password":"x"}`, 422, "Unable to validate email address: mail: missing '@' or angle-addr"},
		{"confirmed user", `{"email":"TAKEN@example.com","password":"x"}`, 400, "A user with this email address has already been registered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.call("POST", "/signup", tt.body)
			assert.Equal(t, tt.status, r.status)
			assert.Equal(t, map[string]any{"code": float64(tt.status), "msg": tt.msg}, r.json(t))
		})
	}
}

func TestSignupDisabled(t *testing.T) {
	t.Parallel()
	e := setup(t, WithDisableSignup(true))
	r := e.call("POST", "/signup", `not json`)
	assert.Equal(t, 403, r.status)
	assert.JSONEq(t, `{"code":403,"msg":"Signups not allowed for this instance"}`, r.body)
}

func TestSignupAutoconfirm(t *testing.T) {
	t.Parallel()
	e := setup(t, WithAutoconfirm(true))
	r := e.call("POST", "/signup", `{"email":"auto@example.com","password":"secret","data":{"full_name":"Auto"}}`)
	require.Equal(t, 200, r.status)
	m := r.json(t)
	assert.NotEmpty(t, m["confirmed_at"])
	assert.NotContains(t, m, "confirmation_sent_at")
	assert.Equal(t, map[string]any{"full_name": "Auto"}, m["user_metadata"])
	assert.Empty(t, e.srv.Mails(), "autoconfirm sends no mail")
	e.login("auto@example.com", "secret")
}

func TestResignupOfUnconfirmedUser(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 27, 4, 0, 0, 0, time.UTC)
	e := setup(t, WithClock(fixedClock(now)))
	first := e.call("POST", "/signup", `{"email":"re@example.com","password":"first","data":{"a":1,"b":2}}`).json(t)
	m1, _ := e.srv.LastMail("re@example.com")

	e.srv.Advance(time.Minute)
	second := e.call("POST", "/signup", `{"email":"RE@example.com","password":"second","data":{"b":null,"c":3}}`)
	require.Equal(t, 200, second.status)
	sm := second.json(t)
	assert.Equal(t, first["id"], sm["id"], "same user")
	assert.Equal(t, map[string]any{"a": float64(1), "c": float64(3)}, sm["user_metadata"], "merged, null deletes")
	assert.Len(t, e.srv.Mails(), 1, "within max frequency: no new mail")

	e.srv.Advance(15 * time.Minute)
	e.call("POST", "/signup", `{"email":"re@example.com","password":"third"}`)
	mails := e.srv.Mails()
	require.Len(t, mails, 2, "outside the window a new mail goes out")
	assert.NotEqual(t, m1.Token, mails[1].Token)
	old := e.call("POST", "/verify", `{"type":"signup","token":"`+m1.Token+`"}`)
	assert.Equal(t, 404, old.status, "the new token replaces the old one")
	ok := e.call("POST", "/verify", `{"type":"signup","token":"`+mails[1].Token+`"}`)
	require.Equal(t, 200, ok.status)
	e.login("re@example.com", "first") // the password never changed
}

func TestMailLinks(t *testing.T) {
	t.Parallel()
	e := setup(t, WithSiteURL("https://example.com/app"))
	e.call("POST", "/signup", `{"email":"link@example.com","password":"secret"}`)
	m, ok := e.srv.LastMail("link@example.com")
	require.True(t, ok)
	assert.Equal(t, MailConfirmation, m.Kind)
	assert.Equal(t, "Confirm Your Signup", m.Subject)
	assert.Equal(t, "admin@example.com", m.From)
	assert.Equal(t, "https://example.com/#confirmation_token="+m.Token, m.Link)
	assert.Regexp(t, `^[A-Za-z0-9_-]{22}$`, m.Token)
	assert.Contains(t, m.Body, m.Link)
}
