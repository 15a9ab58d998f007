package core_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	. "github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jwtFor signs a token for a stored fixture; the client never checks it.
func jwtFor(t *testing.T, sub string, exp time.Time) string {
	t.Helper()
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"exp": exp.Unix(), "sub": sub}).SignedString([]byte("x"))
	require.NoError(t, err)
	return tok
}

// The payloads below are the exact shapes the contract gives for sessions
// written by gotrue-js 1.0.1 and 0.9.29.
func TestRecoverSessionsWrittenByGotrueJS(t *testing.T) {
	t.Parallel()
	exp := time.Now().Add(time.Hour).Truncate(time.Second)
	access := jwtFor(t, "u-1", exp)
	v101 := `{"token":{"access_token":"` + access + `","token_type":"bearer","expires_in":3600,"refresh_token":"rt-1","expires_at":1},` +
		`"url":"https://example.com/.netlify/identity","audience":"","id":"u-1","aud":"","role":"","email":"a@example.com",` +
		`"confirmed_at":"2026-11-27T04:12:59Z","app_metadata":{"provider":"email"},"user_metadata":{"full_name":"A"},` +
		`"created_at":"2026-11-27T04:12:48Z","updated_at":"2026-11-27T04:12:59Z"}`
	v0929 := `{"url":"https://example.com/.netlify/identity","token":{"access_token":"` + access + `","token_type":"bearer","expires_in":3600,"refresh_token":"rt-1","expires_at":1},` +
		`"id":"u-1","aud":"","role":"","email":"a@example.com","app_metadata":{"provider":"email"},"user_metadata":null,"created_at":"2026-11-27T04:12:48Z","updated_at":"2026-11-27T04:12:48Z"}`
	resaved := v101[:len(v101)-1] + `,"_fromStorage":true}`
	tests := []struct {
		name, stored string
		audience     bool
		saved        string
	}{
		{"gotrue-js 1.0.1", v101, true,
			`{"token":{"access_token":"` + access + `","token_type":"bearer","expires_in":3600,"refresh_token":"rt-1","expires_at":` + itoa(exp.Unix()*1000) + `},` +
				`"url":"/.netlify/identity","audience":"","id":"u-1","aud":"","role":"","email":"a@example.com","confirmed_at":"2026-11-27T04:12:59Z",` +
				`"app_metadata":{"provider":"email"},"user_metadata":{"full_name":"A"},"created_at":"2026-11-27T04:12:48Z","updated_at":"2026-11-27T04:12:59Z","_fromStorage":true}`},
		{"gotrue-js 1.0.1, saved again after recovery", resaved, true, ""},
		{"gotrue-js 0.9.29", v0929, false,
			`{"token":{"access_token":"` + access + `","token_type":"bearer","expires_in":3600,"refresh_token":"rt-1","expires_at":` + itoa(exp.Unix()*1000) + `},` +
				`"url":"/.netlify/identity","id":"u-1","aud":"","role":"","email":"a@example.com","app_metadata":{"provider":"email"},"user_metadata":null,` +
				`"created_at":"2026-11-27T04:12:48Z","updated_at":"2026-11-27T04:12:48Z","_fromStorage":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			store := &MemoryStorage{}
			require.NoError(t, store.Set(StorageKey, tt.stored))
			c := New(NewRealm(WithStorage(store)), Options{})
			u := c.CurrentUser()
			require.NotNil(t, u)
			assert.Equal(t, "a@example.com", u.Email())
			assert.Equal(t, "/.netlify/identity", u.URL(), "the caller's API URL, not the stored one")
			assert.Equal(t, float64(exp.Unix()*1000), u.TokenDetails().ExpiresAt, "recomputed from the JWT")
			assert.True(t, u.FromStorage())
			_, hasAud := u.Audience()
			assert.Equal(t, tt.audience, hasAud)
			assert.Same(t, u, c.CurrentUser(), "then it is the current user")
			if tt.saved != "" {
				assert.Equal(t, tt.saved, string(u.Details()), "what we save back, which gotrue-js reads")
			}
		})
	}
}

func TestStoredSessionReadByGotrueJSShape(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("ours@example.com", `{"full_name":"Ours"}`)
	e.login("ours@example.com", true)
	s, err := ParseObject([]byte(e.stored()))
	require.NoError(t, err)
	keys := s.Keys()
	require.GreaterOrEqual(t, len(keys), 5)
	// gotrue-js (both versions) needs url and token, and reads the rest by name.
	assert.Equal(t, []string{"token", "url", "audience", "id", "aud", "role", "email"}, keys[:7])
	tok, _ := s.Get("token")
	tokObj, err := ParseObject(tok)
	require.NoError(t, err)
	assert.Equal(t, []string{"access_token", "token_type", "expires_in", "refresh_token", "expires_at"}, tokObj.Keys())
	ea, _ := tokObj.Get("expires_at")
	assert.Regexp(t, `^\d{13}$`, string(ea), "milliseconds, as a JSON number")
}

func TestBadStorageContent(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, stored, log string }{
		{"corrupt JSON", `{"token":{"access_token":"secret-tok`, "Gotrue-js: Error recovering session: SyntaxError: the stored session is not valid JSON"},
		{"null", `null`, "Gotrue-js: Error recovering session: TypeError: Cannot destructure property 'url' of 'data' as it is null."},
		{"not an object", `"just a string"`, ""},
		{"no url", `{"token":{"access_token":"x"}}`, ""},
		{"no token", `{"url":"/x"}`, ""},
		{"empty", ``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			store := &MemoryStorage{}
			require.NoError(t, store.Set(StorageKey, tt.stored))
			logs := &logSink{}
			c := New(NewRealm(WithStorage(store), WithLogger(logs.logf)), Options{})
			assert.Nil(t, c.CurrentUser())
			assert.Equal(t, tt.log, strings.TrimPrefix(logs.all(), "error: "), "what gotrue-js prints (pair_js_test.go compares)")
			assert.NotContains(t, logs.all(), "secret-tok", "no token in console output (D6)")
			v, ok, _ := store.Get(StorageKey)
			assert.True(t, ok, "the key stays")
			assert.Equal(t, tt.stored, v)
		})
	}
}

func TestUnparsableAccessTokenLogsWithoutTheToken(t *testing.T) {
	t.Parallel()
	logs := &logSink{}
	c := New(NewRealm(WithLogger(logs.logf)), Options{})
	var tok Object
	tok.Set("access_token", mustJSON("secret.bm90IGpzb24.sig"))
	tok.Set("refresh_token", mustJSON("rt"))
	u := c.StartUser(tok, false)
	assert.Contains(t, logs.all(), "Gotrue-js: Failed to parse tokenResponse claims: ")
	assert.NotContains(t, logs.all(), "secret")
	assert.NotContains(t, logs.all(), "not json")
	jwt, err := u.JWT(ctx, false)
	require.NoError(t, err, "without expires_at, jwt() never refreshes")
	assert.Equal(t, "secret.bm90IGpzb24.sig", jwt)

	var noExp Object
	noExp.Set("access_token", mustJSON(jwtWithoutExp(t)))
	u = c.StartUser(noExp, false)
	v, _ := u.TokenDetails().Object().Get("expires_at")
	assert.Equal(t, "null", string(v), "exp missing: NaN, written as null")
}

func jwtWithoutExp(t *testing.T) string {
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "x"}).SignedString([]byte("x"))
	require.NoError(t, err)
	return tok
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
