package gotruetest

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCORSPreflight(t *testing.T) {
	t.Parallel()
	e := setup(t)
	tests := []struct {
		name, method, headers string
		allowed               bool
	}{
		{"simple POST", "POST", "", true},
		{"allowed headers in browser format", "PUT", "authorization,content-type,x-jwt-aud,x-use-cookie", true},
		{"accept", "GET", "accept", true},
		{"X-Nf-Client is not allowed", "GET", "x-nf-client", false},
		{"one bad header fails all", "POST", "authorization,content-type,x-nf-client", false},
		{"unsorted", "POST", "content-type,authorization", false},
		{"capitalised", "POST", "Content-Type", false},
		{"with spaces", "POST", "authorization, content-type", false},
		{"PATCH", "PATCH", "", false},
		{"DELETE", "DELETE", "authorization", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := []string{"Origin", "https://site.example", "Access-Control-Request-Method", tt.method}
			if tt.headers != "" {
				h = append(h, "Access-Control-Request-Headers", tt.headers)
			}
			r := e.call("OPTIONS", "/user", "", h...)
			assert.Equal(t, 204, r.status)
			assert.Empty(t, r.body)
			assert.Equal(t, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers", r.header.Get("Vary"))
			if !tt.allowed {
				assert.Empty(t, r.header.Get("Access-Control-Allow-Origin"))
				assert.Empty(t, r.header.Get("Access-Control-Allow-Methods"))
				return
			}
			assert.Equal(t, "*", r.header.Get("Access-Control-Allow-Origin"))
			assert.Equal(t, tt.method, r.header.Get("Access-Control-Allow-Methods"))
			assert.Equal(t, tt.headers, r.header.Get("Access-Control-Allow-Headers"))
			assert.Equal(t, "true", r.header.Get("Access-Control-Allow-Credentials"))
		})
	}
}

func TestCORSActualRequests(t *testing.T) {
	t.Parallel()
	e := setup(t)
	r := e.call("GET", "/settings", "", "Origin", "https://site.example")
	assert.Equal(t, "*", r.header.Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "true", r.header.Get("Access-Control-Allow-Credentials"))
	assert.Empty(t, r.header.Get("Access-Control-Expose-Headers"))
	assert.Equal(t, "Origin", r.header.Get("Vary"))
	plain := e.call("GET", "/settings", "")
	assert.Empty(t, plain.header.Get("Access-Control-Allow-Origin"), "no Origin, no CORS headers")
	assert.Equal(t, "Origin", plain.header.Get("Vary"))
}

func TestCookies(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signupConfirmed("cookie@example.com")
	login := func(mode string) string {
		r := e.form("/token", url.Values{"grant_type": {"password"}, "username": {"cookie@example.com"}, "password": {"secret"}}, "X-Use-Cookie", mode)
		return r.header.Get("Set-Cookie")
	}
	persistent := login("1")
	assert.Regexp(t, `^nf_jwt=ey[^;]+; Path=/; Expires=[^;]+ GMT; Max-Age=86400; HttpOnly; Secure$`, persistent)
	session := login("session")
	assert.Regexp(t, `^nf_jwt=ey[^;]+; Path=/; HttpOnly; Secure$`, session)
	assert.Empty(t, login(""))

	e.call("POST", "/signup", `{"email":"vc@example.com","password":"secret"}`)
	m, _ := e.srv.LastMail("vc@example.com")
	v := e.call("POST", "/verify", `{"type":"signup","token":"`+m.Token+`"}`, "X-Use-Cookie", "1")
	assert.Contains(t, v.header.Get("Set-Cookie"), "Max-Age=86400", "verify sets it too")

	_, rt := e.login("cookie@example.com", "secret")
	ref := e.form("/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}, "X-Use-Cookie", "session")
	assert.Regexp(t, `^nf_jwt=ey`, ref.header.Get("Set-Cookie"), "the refresh grant sets it")

	access, _ := e.login("cookie@example.com", "secret")
	only := e.call("GET", "/user", "", "Cookie", "nf_jwt="+access)
	assert.Equal(t, 401, only.status, "the server never reads the cookie")
}
