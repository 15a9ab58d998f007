package gotruetest

import (
	"net/url"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAuthorizeErrors(t *testing.T) {
	t.Parallel()
	e := setup(t, WithProviders("github"))
	tests := []struct{ query, msg string }{
		{"", "Unsupported provider: Provider  could not be found"},
		{"provider=foo", "Unsupported provider: Provider foo could not be found"},
		{"provider=gitlab", "Unsupported provider: Provider is not enabled"},
		{"provider=saml", "Unsupported provider: SAML Provider is not enabled"},
	}
	for _, tt := range tests {
		r := e.call("GET", "/authorize?"+tt.query, "")
		assert.Equal(t, 400, r.status, tt.query)
		assert.Equal(t, map[string]any{"code": float64(400), "msg": tt.msg}, r.json(t))
	}
	r := e.call("GET", "/authorize?provider=github&invite_token=nope", "")
	assert.Equal(t, 404, r.status)
	assert.JSONEq(t, `{"code":404,"msg":"User not found"}`, r.body)
}

// followOAuth walks /authorize → the fake provider → /callback and returns
// the final Location.
func followOAuth(t *testing.T, e *env, query, decision string, headers ...string) string {
	t.Helper()
	a := e.call("GET", "/authorize?"+query, "", headers...)
	require.Equal(t, 302, a.status, a.body)
	loc := a.header.Get("Location")
	require.True(t, strings.HasPrefix(loc, "fake-provider/authorize?"), loc)
	page := e.call("GET", "/"+loc, "")
	require.Contains(t, page.body, "Sign in with")
	u, _ := url.Parse(loc)
	q := url.Values{"state": {u.Query().Get("state")}, "provider": {u.Query().Get("provider")},
		"email": {"octo@example.com"}, "name": {"Octo Cat"}, "decision": {decision}}
	ap := e.call("GET", "/fake-provider/approve?"+q.Encode(), "")
	require.Equal(t, 302, ap.status)
	back := ap.header.Get("Location")
	require.True(t, strings.HasPrefix(back, "../"), back)
	method := "GET"
	if strings.HasPrefix(back, "../saml/") {
		method = "POST"
	}
	cb := e.call(method, "/"+strings.TrimPrefix(back, "../"), "")
	require.Equal(t, 302, cb.status, cb.body)
	return cb.header.Get("Location")
}

func TestOAuthFlow(t *testing.T) {
	t.Parallel()
	e := setup(t, WithProviders("github"), WithSiteURL("http://site.test"))
	a := e.call("GET", "/authorize?provider=GitHub", "", "Referer", "http://site.test/login")
	state, _ := url.Parse(a.header.Get("Location"))
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(state.Query().Get("state"), claims, func(*jwt.Token) (any, error) {
		return []byte(e.srv.Config().OperatorToken), nil
	})
	require.NoError(t, err, "state is signed with the operator token")
	assert.Equal(t, "github", claims["provider"])
	assert.Equal(t, nilUUID, claims["id"])
	assert.Equal(t, "http://site.test/login", claims["referrer"])

	loc := followOAuth(t, e, "provider=github", "allow")
	target, frag, ok := strings.Cut(loc, "#")
	require.True(t, ok)
	assert.Equal(t, "http://site.test", target)
	assert.Regexp(t, `^access_token=[^&]+&expires_in=3600&refresh_token=[A-Za-z0-9_-]{22}&token_type=bearer$`, frag)
	v, _ := url.ParseQuery(frag)
	u := e.call("GET", "/user", "", bearer(v.Get("access_token"))...).json(t)
	assert.Equal(t, "octo@example.com", u["email"])
	assert.Equal(t, map[string]any{"provider": "github"}, u["app_metadata"])
	assert.Equal(t, map[string]any{"full_name": "Octo Cat"}, u["user_metadata"])
	assert.NotEmpty(t, u["confirmed_at"])

	denied := followOAuth(t, e, "provider=github", "deny")
	assert.Equal(t, "http://site.test#error=access_denied&error_description=The+user+denied+the+request", denied)

	bad := e.call("GET", "/callback?code=x&state=forged", "")
	assert.Equal(t, 302, bad.status)
	assert.Contains(t, bad.header.Get("Location"), "#error=invalid_request&error_description=OAuth+state+is+invalid")
}

func TestOAuthInviteAndRedirectURL(t *testing.T) {
	t.Parallel()
	e := setup(t, WithProviders("github"), WithSAML("Okta"), WithExternalRedirectURL("http://override.test/cb"))
	op := bearer(e.srv.Config().OperatorToken)
	require.Equal(t, 200, e.call("POST", "/invite", `{"email":"invited@example.com"}`, op...).status)
	m, _ := e.srv.LastMail("invited@example.com")
	loc := followOAuth(t, e, "provider=github&invite_token="+m.Token, "allow")
	assert.True(t, strings.HasPrefix(loc, "http://override.test/cb#access_token="), loc)
	v, _ := url.ParseQuery(strings.SplitN(loc, "#", 2)[1])
	u := e.call("GET", "/user", "", bearer(v.Get("access_token"))...).json(t)
	assert.Equal(t, "invited@example.com", u["email"], "the invite is accepted")
	assert.NotEmpty(t, u["confirmed_at"])

	saml := followOAuth(t, e, "provider=saml", "allow")
	assert.Contains(t, saml, "#access_token=")
}
