package gotruetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHealthAndSettings(t *testing.T) {
	t.Parallel()
	e := setup(t, WithProviders("github"), WithSAML("Okta"))
	h := e.call("GET", "/health", "")
	assert.Equal(t, 200, h.status)
	assert.Equal(t, "application/json", h.header.Get("Content-Type"))
	assert.JSONEq(t, `{"description":"GoTrue is a user registration and authentication API","name":"GoTrue","version":""}`, h.body)

	s := e.call("GET", "/settings", "")
	assert.Equal(t, `{"external":{"bitbucket":false,"github":true,"gitlab":false,"google":false,"facebook":false,"email":true,"saml":true},"external_labels":{"saml":"Okta"},"disable_signup":false,"autoconfirm":false}`, s.body)

	d := setup(t, WithAutoconfirm(true), WithDisableSignup(true))
	assert.Equal(t, `{"external":{"bitbucket":false,"github":false,"gitlab":false,"google":false,"facebook":false,"email":true,"saml":false},"external_labels":{},"disable_signup":true,"autoconfirm":true}`, d.call("GET", "/settings", "").body)
}

func TestRoutingErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	tests := []struct {
		name, method, path string
		status             int
		body, ctype        string
	}{
		{"unknown route", "GET", "/nope", 404, "404 page not found\n", "text/plain; charset=utf-8"},
		{"trailing slash", "GET", "/settings/", 404, "404 page not found\n", "text/plain; charset=utf-8"},
		{"wrong method on /token", "GET", "/token", 405, "", ""},
		{"wrong method on /settings", "POST", "/settings", 405, "", ""},
		{"PATCH /user", "PATCH", "/user", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.call(tt.method, tt.path, "")
			assert.Equal(t, tt.status, r.status)
			assert.Equal(t, tt.body, r.body)
			assert.Equal(t, tt.ctype, r.header.Get("Content-Type"))
			assert.Equal(t, "Origin", r.header.Get("Vary"))
			assert.Empty(t, r.header.Get("Cache-Control"))
		})
	}
}

func TestUserShapeAndTimestamps(t *testing.T) {
	t.Parallel()
	e := setup(t)
	r := e.call("POST", "/signup", `{"email":"Shape@Example.com","password":"secret"}`)
	require.Equal(t, 200, r.status, r.body)
	assert.Equal(t, []string{"id", "aud", "role", "email", "confirmation_sent_at", "app_metadata", "user_metadata", "created_at", "updated_at"}, keys(t, r.body))
	m := r.json(t)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, m["id"])
	assert.Equal(t, "", m["aud"])
	assert.Equal(t, "", m["role"])
	assert.Equal(t, "Shape@Example.com", m["email"], "stored as given")
	assert.Nil(t, m["user_metadata"])
	assert.Contains(t, r.body, `"user_metadata":null`)
	assert.Equal(t, map[string]any{"provider": "email"}, m["app_metadata"])
	// Written by this request: sub-second precision (unless the clock hit a whole second).
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`, m["created_at"])

	mail, ok := e.srv.LastMail("shape@example.com")
	require.True(t, ok)
	v := e.call("POST", "/verify", `{"type":"signup","token":"`+mail.Token+`"}`)
	require.Equal(t, 200, v.status)
	access := v.json(t)["access_token"].(string)
	u := e.call("GET", "/user", "", bearer(access)...)
	require.Equal(t, 200, u.status)
	assert.Equal(t, []string{"id", "aud", "role", "email", "confirmed_at", "confirmation_sent_at", "app_metadata", "user_metadata", "created_at", "updated_at"}, keys(t, u.body))
	um := u.json(t)
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`, um["created_at"], "read back: whole seconds")
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`, um["confirmed_at"])
}

func TestTwoEmulatorsAreIndependent(t *testing.T) {
	t.Parallel()
	a, b := setup(t, WithAutoconfirm(true)), setup(t, WithAutoconfirm(true))
	a.signupConfirmed("one@example.com")
	r := b.form("/token", map[string][]string{"grant_type": {"password"}, "username": {"one@example.com"}, "password": {"secret"}})
	assert.Equal(t, 400, r.status)
	assert.Len(t, a.srv.Mails(), 0)
}
