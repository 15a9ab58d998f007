package core_test

import (
	"testing"

	. "github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClientHeaderOnlyToOwnOrigin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, apiURL, origin string
		sends                bool
	}{
		{"relative", "/.netlify/identity", "https://site.example", true},
		{"same origin, absolute", "https://site.example/.netlify/identity", "https://site.example", true},
		{"other origin (D3)", "https://auth.example/gotrue", "https://site.example", false},
		{"other port (D3)", "https://site.example:8443/x", "https://site.example", false},
		{"protocol-relative (D3)", "//auth.example/x", "https://site.example", false},
		{"no page origin: always, as gotrue-js", "https://auth.example/gotrue", "", true},
		{"userinfo does not make it same-origin (D3)", "https://site.example@auth.example/x", "https://site.example", false},
		{"scheme case", "HTTPS://site.example/x", "https://site.example", true},
		{"query right after the host", "https://site.example?x=1", "https://site.example", true},
		{"relative path", "api/identity", "https://site.example", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(nil, Options{APIURL: tt.apiURL, Origin: tt.origin, ClientName: "widget"})
			if tt.sends {
				assert.Equal(t, Header{{"X-Nf-Client", "widget"}}, c.API().Headers())
			} else {
				assert.Empty(t, c.API().Headers())
			}
		})
	}
	assert.True(t, New(nil, Options{}).API().SameOrigin())
	assert.False(t, New(nil, Options{APIURL: "//x.example/id"}).API().SameOrigin())
	assert.False(t, New(nil, Options{APIURL: "https://x.example/id"}).API().SameOrigin())
}

func TestHTTPWarning(t *testing.T) {
	t.Parallel()
	logs := &logSink{}
	New(NewRealm(WithLogger(logs.logf)), Options{APIURL: "http://insecure.example"})
	New(NewRealm(WithLogger(logs.logf)), Options{APIURL: "https://secure.example"})
	assert.Equal(t, "warn: Warning:\n\nDO NOT USE HTTP IN PRODUCTION FOR GOTRUE EVER!\nGoTrue REQUIRES HTTPS to work securely.", logs.all())
}

func TestAudienceHeader(t *testing.T) {
	t.Parallel()
	e := setup(t)
	c := e.newClient(Options{Audience: "shop"})
	_, err := c.Signup(ctx, "aud@example.com", "secret", nil)
	require.NoError(t, err)
	assert.Equal(t, "shop", e.rec.last().Header.Get("X-JWT-AUD"))
	m, _ := e.emu.LastMail("aud@example.com")
	u, err := c.Confirm(ctx, m.Token, false)
	require.NoError(t, err)
	aud, ok := u.Audience()
	assert.True(t, ok)
	assert.Equal(t, "shop", aud)
	raw, _ := u.Field("aud")
	assert.Equal(t, `"shop"`, string(raw))

	_, err = u.JWT(ctx, true)
	require.NoError(t, err)
	refresh := e.rec.last()
	assert.Empty(t, refresh.Header.Get("X-JWT-AUD"), "refresh carries no X-JWT-AUD")
	assert.Empty(t, refresh.Header.Get("Authorization"), "and no Authorization")
	assert.Equal(t, "application/x-www-form-urlencoded", refresh.Header.Get("Content-Type"))

	plain := e.newClient(Options{})
	_, _ = plain.Settings(ctx)
	assert.Empty(t, e.rec.last().Header.Get("X-JWT-AUD"), "no audience, no header")
}

func TestSetCookieHeaders(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("cookie@example.com", "")
	c := e.newClient(Options{SetCookie: true})
	_, err := c.Login(ctx, "cookie@example.com", "secret", true)
	require.NoError(t, err)
	assert.Equal(t, "1", c.API().Headers().Get("X-Use-Cookie"))
	assert.Equal(t, "1", e.rec.last().Header.Get("X-Use-Cookie"), "sent on later requests")
	u, err := c.Login(ctx, "cookie@example.com", "secret", false)
	require.NoError(t, err)
	assert.Equal(t, "session", c.API().Headers().Get("X-Use-Cookie"))
	_, err = u.JWT(ctx, true)
	require.NoError(t, err)
	assert.Equal(t, "session", e.rec.last().Header.Get("X-Use-Cookie"), "refreshes too")

	e.realm.ForgetCurrent()
	e.login("cookie@example.com", true)
	e.realm.ForgetCurrent()
	require.NotNil(t, c.CurrentUser())
	assert.Equal(t, "1", c.API().Headers().Get("X-Use-Cookie"), "currentUser: '1' for a stored session")

	none := e.newClient(Options{})
	_, err = none.Login(ctx, "cookie@example.com", "secret", true)
	require.NoError(t, err)
	assert.Empty(t, none.API().Headers().Get("X-Use-Cookie"), "setCookie false adds nothing")
}
