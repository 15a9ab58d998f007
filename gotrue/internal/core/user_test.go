package core_test

import (
	"errors"
	"strings"
	"testing"

	. "github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUpdateMergesAndNeverDeletes(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("up@example.com", "")
	u := e.login("up@example.com", true)
	require.NoError(t, u.Update(ctx, []byte(`{"data":{"full_name":"Up"}}`)))
	meta, _ := u.Field("user_metadata")
	assert.Equal(t, `{"full_name":"Up"}`, string(meta))
	assert.Equal(t, "PUT", e.rec.last().Method)
	assert.Equal(t, `{"data":{"full_name":"Up"}}`, string(e.rec.last().Body))
	assert.Contains(t, e.stored(), `"user_metadata":{"full_name":"Up"}`, "stored session re-saved")

	require.NoError(t, u.Update(ctx, []byte(`{"email":"next@example.com"}`)))
	keys := u.Fields().Keys()
	assert.Equal(t, []string{"new_email", "email_change_sent_at"}, keys[len(keys)-2:], "new keys are appended")
	m, _ := e.emu.LastMail("next@example.com")
	require.NoError(t, u.Update(ctx, []byte(`{"email_change_token":"`+m.Token+`"}`)))
	assert.Equal(t, "next@example.com", u.Email())
	ne, ok := u.Field("new_email")
	assert.True(t, ok, "a key is never deleted")
	assert.Equal(t, `"next@example.com"`, string(ne))

	err := u.Update(ctx, []byte(`{"app_metadata":{"roles":["x"]}}`))
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 401, he.Status)
	assert.Equal(t, "Updating app_metadata requires admin privileges", he.Message())
	assert.NotNil(t, u.TokenDetails(), "a failed update keeps the session")
	assert.NotEmpty(t, e.stored())

	err = u.Update(ctx, nil)
	require.ErrorAs(t, err, &he, "update(undefined) sends no body; the server refuses it")
	assert.Equal(t, "Could not read User Update params: EOF", he.Message())
	assert.Nil(t, e.rec.last().Body)
	assert.Empty(t, e.rec.last().Header.Get("Content-Type"))
}

func TestUpdateSkipsReservedAndPrototypeKeys(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signup("skip@example.com", "")
	u := e.login("skip@example.com", false)
	e.rec.setHook(func(r *Request) (*Response, error, bool) {
		return jsonResponse(200, "OK", `{"id":"x","token":"t","api":1,"url":"u","audience":"a","jwt":1,"toString":1,"__proto__":1,"extra":true}`), nil, true
	})
	require.NoError(t, u.GetUserData(ctx))
	f := u.Fields()
	assert.Equal(t, `"x"`, string(must(f.Get("id"))))
	assert.Equal(t, "true", string(must(f.Get("extra"))), "unknown fields are kept")
	for _, k := range []string{"token", "api", "url", "audience", "jwt", "toString", "__proto__"} {
		_, ok := f.Get(k)
		assert.False(t, ok, k)
	}
}

func must(v []byte, _ bool) []byte { return v }

func TestLogout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		hook    func(*Request) (*Response, error, bool)
		wantErr string
	}{
		{"server ok", nil, ""},
		{"server 500", func(r *Request) (*Response, error, bool) {
			return jsonResponse(500, "Internal Server Error", `{"code":500,"msg":"boom"}`), nil, strings.HasSuffix(r.URL, "/logout")
		}, "gotrue: 500 Internal Server Error: boom"},
		{"offline", func(r *Request) (*Response, error, bool) { return nil, errors.New("offline"), true }, "offline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := setup(t)
			e.signup("out@example.com", "")
			u := e.login("out@example.com", true)
			e.rec.setHook(tt.hook)
			err := u.Logout(ctx)
			if tt.wantErr == "" {
				assert.NoError(t, err)
			} else {
				assert.EqualError(t, err, tt.wantErr, "the request's error is returned")
			}
			assert.Nil(t, u.TokenDetails())
			assert.Nil(t, e.client.CurrentUser())
			assert.Empty(t, e.stored())
			assert.Equal(t, "out@example.com", u.Email(), "fields stay")
			assert.ErrorIs(t, u.Logout(ctx), ErrNoSession, "no token: nothing sent, still cleared")
		})
	}
	e := setup(t)
	e.signup("o@example.com", "")
	u := e.login("o@example.com", false)
	require.NoError(t, u.Logout(ctx))
	r := e.rec.last()
	assert.Equal(t, "POST", r.Method)
	assert.Equal(t, "/.netlify/identity/logout", r.URL)
	assert.Nil(t, r.Body)
}
