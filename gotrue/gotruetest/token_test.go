package gotruetest

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokenErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signupConfirmed("tok@example.com")
	e.call("POST", "/signup", `{"email":"pending@example.com","password":"secret"}`)
	tests := []struct {
		name string
		form url.Values
		json string
		body string
	}{
		{"wrong password", url.Values{"grant_type": {"password"}, "username": {"tok@example.com"}, "password": {"bad"}}, "",
			`{"error":"invalid_grant","error_description":"No user found with that email, or password invalid."}`},
		{"unknown user", url.Values{"grant_type": {"password"}, "username": {"nobody@example.com"}, "password": {"x"}}, "",
			`{"error":"invalid_grant","error_description":"No user found with that email, or password invalid."}`},
		{"unconfirmed, checked before the password", url.Values{"grant_type": {"password"}, "username": {"pending@example.com"}, "password": {"bad"}}, "",
			`{"error":"invalid_grant","error_description":"Email not confirmed"}`},
		{"no grant", url.Values{}, "", `{"error":"unsupported_grant_type"}`},
		{"unknown grant", url.Values{"grant_type": {"client_credentials"}}, "", `{"error":"unsupported_grant_type"}`},
		{"JSON body", nil, `{"grant_type":"password","username":"tok@example.com","password":"secret"}`, `{"error":"unsupported_grant_type"}`},
		{"no refresh token", url.Values{"grant_type": {"refresh_token"}}, "", `{"error":"invalid_request","error_description":"refresh_token required"}`},
		{"unknown refresh token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {"nope"}}, "",
			`{"error":"invalid_grant","error_description":"Invalid Refresh Token"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r resp
			if tt.json != "" {
				r = e.call("POST", "/token", tt.json)
			} else {
				r = e.form("/token", tt.form)
			}
			assert.Equal(t, 400, r.status)
			assert.Equal(t, "application/json", r.header.Get("Content-Type"))
			assert.Equal(t, tt.body, r.body)
			assert.Empty(t, r.header.Get("Set-Cookie"), "these errors leave the cookie alone")
		})
	}
}

func TestTokenQueryStringAndCaseInsensitiveEmail(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signupConfirmed("Mixed@Example.com")
	r := e.call("POST", "/token?grant_type=password&username=mixed%40example.com&password=secret", "")
	assert.Equal(t, 200, r.status, r.body)
}

func TestAccessTokenClaims(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 27, 4, 12, 48, 0, time.UTC)
	e := setup(t, WithClock(fixedClock(now)), WithJWTSecret("s3cret"))
	access, _ := e.signupConfirmed("jwt@example.com")
	parts := strings.Split(access, ".")
	require.Len(t, parts, 3)
	header, _ := base64.RawURLEncoding.DecodeString(parts[0])
	assert.Equal(t, `{"alg":"HS256","kid":"nf-ident","typ":"JWT"}`, string(header))
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	assert.Equal(t, []string{"exp", "sub", "email", "app_metadata", "user_metadata"}, keys(t, string(payload)))
	var claims map[string]any
	require.NoError(t, json.Unmarshal(payload, &claims))
	assert.Equal(t, float64(now.Add(time.Hour).Unix()), claims["exp"])
	assert.Equal(t, map[string]any{}, claims["user_metadata"], "null metadata shows as {} in the JWT")
	_, err := jwt.Parse(access, func(*jwt.Token) (any, error) { return []byte("s3cret"), nil },
		jwt.WithTimeFunc(func() time.Time { return now }))
	assert.NoError(t, err, "signed HS256 with the JWT secret")

	shop, _ := e.signupConfirmed("aud@example.com", "X-JWT-AUD", "shop")
	p2, _ := base64.RawURLEncoding.DecodeString(strings.Split(shop, ".")[1])
	assert.Equal(t, []string{"aud", "exp", "sub", "email", "app_metadata", "user_metadata"}, keys(t, string(p2)))
	assert.Contains(t, string(p2), `"aud":"shop"`)
}

func TestRefreshRotation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, rt := e.signupConfirmed("rot@example.com")
	grant := func(tok string) resp {
		return e.form("/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok}})
	}
	r := grant(rt)
	require.Equal(t, 200, r.status)
	next := r.json(t)["refresh_token"].(string)
	assert.NotEqual(t, rt, next)

	reused := grant(rt)
	assert.Equal(t, 400, reused.status)
	assert.Equal(t, `{"error":"invalid_grant","error_description":"Invalid Refresh Token"}`, reused.body)
	assert.Contains(t, reused.header.Get("Set-Cookie"), "nf_jwt=; Path=/;", "revoked: clearing cookie")
	assert.Contains(t, reused.header.Get("Set-Cookie"), "Max-Age=0")

	assert.Equal(t, 200, grant(next).status)
}

func TestRefreshTokenExpiry(t *testing.T) {
	t.Parallel()
	e := setup(t, WithRefreshTokenLifetime(time.Hour))
	_, rt := e.signupConfirmed("exp@example.com")
	e.srv.Advance(time.Hour + time.Second)
	r := e.form("/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}})
	assert.Equal(t, `{"error":"invalid_grant","error_description":"Refresh token expired"}`, r.body)
	assert.Contains(t, r.header.Get("Set-Cookie"), "Max-Age=0")
}

func TestRefreshCarriesCurrentMetadata(t *testing.T) {
	t.Parallel()
	e := setup(t)
	access, rt := e.signupConfirmed("meta@example.com")
	require.Equal(t, 200, e.call("PUT", "/user", `{"data":{"full_name":"New"}}`, bearer(access)...).status)
	r := e.form("/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}})
	tok := r.json(t)["access_token"].(string)
	payload, _ := base64.RawURLEncoding.DecodeString(strings.Split(tok, ".")[1])
	assert.Contains(t, string(payload), `"user_metadata":{"full_name":"New"}`)
}

func TestTokenRateLimit(t *testing.T) {
	t.Parallel()
	e := setup(t, WithRateLimitHeader("X-Forwarded-For"))
	for i := 0; i < 30; i++ {
		require.Equal(t, 400, e.form("/token", url.Values{}, "X-Forwarded-For", "1.2.3.4").status)
	}
	r := e.form("/token", url.Values{}, "X-Forwarded-For", "1.2.3.4")
	assert.Equal(t, 429, r.status)
	assert.JSONEq(t, `{"code":429,"msg":"Rate limit exceeded"}`, r.body)
	assert.Equal(t, 400, e.form("/token", url.Values{}, "X-Forwarded-For", "5.6.7.8").status, "per header value")
	assert.Equal(t, 400, e.form("/token", url.Values{}).status, "no header: not limited")
	e.srv.Advance(10 * time.Second)
	assert.Equal(t, 400, e.form("/token", url.Values{}, "X-Forwarded-For", "1.2.3.4").status, "refilled")
}

func TestEmailProviderDisabled(t *testing.T) {
	t.Parallel()
	e := setup(t, WithConfig(Config{DisableEmail: true}))
	for _, r := range []resp{
		e.form("/token", url.Values{"grant_type": {"password"}, "username": {"a@example.com"}, "password": {"x"}}),
		e.call("POST", "/signup", `{"email":"a@example.com","password":"x"}`),
		e.call("POST", "/recover", `{"email":"a@example.com"}`),
	} {
		assert.Equal(t, 400, r.status)
		assert.JSONEq(t, `{"code":400,"msg":"Unsupported email provider"}`, r.body)
	}
	assert.Contains(t, e.call("GET", "/settings", "").body, `"email":false`)
}
