package gotruetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func systemToken(t *testing.T, e *env, sub string) string {
	t.Helper()
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": e.srv.Now().Add(time.Hour).Unix()}).
		SignedString([]byte(e.srv.Config().JWTSecret))
	require.NoError(t, err)
	return tok
}

func TestAdminAuthorization(t *testing.T) {
	t.Parallel()
	e := setup(t)
	op := e.srv.Config().OperatorToken
	userTok, _ := e.signupConfirmed("plain@example.com")
	adminTok, _ := e.signupConfirmed("admin@example.com")
	adminID := e.call("GET", "/user", "", bearer(adminTok)...).json(t)["id"].(string)
	require.Equal(t, 200, e.call("PUT", "/admin/users/"+adminID, `{"role":"admin"}`, bearer(op)...).status)
	goneTok, _ := e.signupConfirmed("gone@example.com")
	goneID := e.call("GET", "/user", "", bearer(goneTok)...).json(t)["id"].(string)
	require.Equal(t, 200, e.call("DELETE", "/admin/users/"+goneID, "", bearer(op)...).status)

	tests := []struct {
		name    string
		headers []string
		status  int
		msg     string
	}{
		{"operator token", bearer(op), 200, ""},
		{"operator token, any aud", append(bearer(op), "X-JWT-AUD", "elsewhere"), 200, ""},
		{"system user sub 0", bearer(systemToken(t, e, "0")), 200, ""},
		{"system user nil uuid, any aud", append(bearer(systemToken(t, e, nilUUID)), "X-JWT-AUD", "x"), 200, ""},
		{"admin role, own aud", bearer(adminTok), 200, ""},
		{"admin role, other aud", append(bearer(adminTok), "X-JWT-AUD", "shop"), 401, "User not allowed"},
		{"plain user", bearer(userTok), 401, "User not allowed"},
		{"deleted user", bearer(goneTok), 401, "Invalid admin user"},
		{"no header", nil, 401, "This endpoint requires a Bearer token"},
		{"garbage", bearer("garbage"), 401, "Invalid token: token contains an invalid number of segments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.call("GET", "/admin/users", "", tt.headers...)
			assert.Equal(t, tt.status, r.status, r.body)
			if tt.msg != "" {
				assert.Equal(t, map[string]any{"code": float64(tt.status), "msg": tt.msg}, r.json(t))
			}
		})
	}
	bad := e.call("POST", "/admin/users", `{`, bearer(adminTok)...)
	assert.Equal(t, 400, bad.status)
	assert.JSONEq(t, `{"code":400,"msg":"Could not decode admin user params: unexpected EOF"}`, bad.body)
	other := e.call("POST", "/admin/users", `{"email":"x@example.com","aud":"shop"}`, bearer(adminTok)...)
	assert.Equal(t, 401, other.status, "a body aud overrides the request aud for the check")
}

func TestAdminListPagination(t *testing.T) {
	t.Parallel()
	e := setup(t)
	op := bearer(e.srv.Config().OperatorToken)
	empty := e.call("GET", "/admin/users", "", op...)
	assert.Equal(t, `{"aud":"","users":[]}`, empty.body)
	assert.Equal(t, "0", empty.header.Get("X-Total-Count"))
	assert.Equal(t, `</admin/users?page=0>; rel="last"`, empty.header.Get("Link"))
	for i := 0; i < 120; i++ {
		require.Equal(t, 200, e.call("POST", "/admin/users", fmt.Sprintf(`{"email":"u%03d@example.com"}`, i), op...).status)
		e.srv.Advance(time.Second)
	}
	r := e.call("GET", "/admin/users?per_page=50&page=2", "", op...)
	require.Equal(t, 200, r.status)
	assert.Equal(t, "120", r.header.Get("X-Total-Count"))
	assert.Equal(t, `</admin/users?page=3&per_page=50>; rel="next", </admin/users?page=1&per_page=50>; rel="prev", </admin/users?page=3&per_page=50>; rel="last"`, r.header.Get("Link"))
	assert.Equal(t, []string{"aud", "users"}, keys(t, r.body))
	users := r.json(t)["users"].([]any)
	require.Len(t, users, 50)
	assert.Equal(t, "u069@example.com", users[0].(map[string]any)["email"], "newest first")

	asc := e.call("GET", "/admin/users?sort=created_at%20asc&per_page=1", "", op...).json(t)["users"].([]any)
	assert.Equal(t, "u000@example.com", asc[0].(map[string]any)["email"])
	first := e.call("GET", "/admin/users", "", op...)
	assert.Equal(t, `</admin/users?page=2>; rel="next", </admin/users?page=3>; rel="last"`, first.header.Get("Link"))

	for _, q := range []struct{ query, msg string }{
		{"page=x", `Bad Pagination Parameters: strconv.ParseUint: parsing "x": invalid syntax`},
		{"per_page=-1", `Bad Pagination Parameters: strconv.ParseUint: parsing "-1": invalid syntax`},
		{"sort=email", `Bad Sort Parameters: bad field for sort "email"`},
	} {
		b := e.call("GET", "/admin/users?"+q.query, "", op...)
		assert.Equal(t, 400, b.status, q.query)
		assert.Equal(t, q.msg, b.json(t)["msg"])
	}
}

func TestAdminListFilterAndAud(t *testing.T) {
	t.Parallel()
	e := setup(t)
	op := bearer(e.srv.Config().OperatorToken)
	e.call("POST", "/admin/users", `{"email":"alice@example.com","user_metadata":{"full_name":"Alice Liddell"}}`, op...)
	e.call("POST", "/admin/users", `{"email":"bob@example.com"}`, op...)
	e.call("POST", "/admin/users", `{"email":"carol@example.com","aud":"shop"}`, op...)
	emails := func(r resp) []string {
		var out []string
		for _, u := range r.json(t)["users"].([]any) {
			out = append(out, u.(map[string]any)["email"].(string))
		}
		return out
	}
	assert.Equal(t, []string{"alice@example.com"}, emails(e.call("GET", "/admin/users?filter=LIDDELL", "", op...)))
	assert.Equal(t, []string{"bob@example.com"}, emails(e.call("GET", "/admin/users?filter=b_b", "", op...)))
	assert.Equal(t, []string{"bob@example.com", "alice@example.com"}, emails(e.call("GET", "/admin/users?filter=%25example%25", "", op...)))
	shop := e.call("GET", "/admin/users", "", append(op, "X-JWT-AUD", "shop")...)
	assert.Equal(t, []string{"carol@example.com"}, emails(shop))
	assert.Equal(t, "shop", shop.json(t)["aud"])
}

func TestAdminCreateGetUpdate(t *testing.T) {
	t.Parallel()
	e := setup(t)
	op := bearer(e.srv.Config().OperatorToken)
	c := e.call("POST", "/admin/users", `{"email":"new@example.com","password":"pw","confirm":true,"role":"editor","user_metadata":{"a":1},"app_metadata":{"roles":["x"]}}`, op...)
	require.Equal(t, 200, c.status, c.body)
	u := c.json(t)
	assert.Equal(t, "editor", u["role"])
	assert.NotEmpty(t, u["confirmed_at"])
	assert.Equal(t, map[string]any{"provider": "email"}, u["app_metadata"], "app_metadata is ignored on create")
	assert.Equal(t, map[string]any{"a": float64(1)}, u["user_metadata"])
	assert.Empty(t, e.srv.Mails(), "no mail")
	e.login("new@example.com", "pw")

	nopw := e.call("POST", "/admin/users", `{"email":"nopw@example.com"}`, op...).json(t)
	assert.Equal(t, "", nopw["role"])
	assert.Nil(t, nopw["user_metadata"])

	dup := e.call("POST", "/admin/users", `{"email":"NEW@example.com"}`, op...)
	assert.Equal(t, 422, dup.status)
	assert.JSONEq(t, `{"code":422,"msg":"Email address already registered by another user"}`, dup.body)

	id := u["id"].(string)
	g := e.call("GET", "/admin/users/"+id, "", append(op, "X-JWT-AUD", "any")...)
	assert.Equal(t, 200, g.status, "lookup by id across auds")
	for _, tt := range []struct{ path, body string }{
		{"/admin/users/not-a-uuid", `{"code":400,"msg":"user_id must be an UUID"}`},
		{"/admin/users/6f1c1e52-0000-4000-8000-000000000000", `{"code":404,"msg":"User not found"}`},
	} {
		assert.JSONEq(t, tt.body, e.call("GET", tt.path, "", op...).body)
	}

	up := e.call("PUT", "/admin/users/"+id, `{"email":"renamed@example.com","app_metadata":{"roles":["admin"]},"user_metadata":{"a":null,"b":2},"password":"pw2"}`, op...)
	require.Equal(t, 200, up.status, up.body)
	um := up.json(t)
	assert.Equal(t, "renamed@example.com", um["email"], "immediately, no mail")
	assert.Equal(t, map[string]any{"provider": "email", "roles": []any{"admin"}}, um["app_metadata"])
	assert.Equal(t, map[string]any{"b": float64(2)}, um["user_metadata"])
	assert.Empty(t, e.srv.Mails())
	e.login("renamed@example.com", "pw2")
	clash := e.call("PUT", "/admin/users/"+id, `{"email":"nopw@example.com"}`, op...)
	assert.Equal(t, 500, clash.status)
	m := clash.json(t)
	assert.Equal(t, "Error updating user", m["msg"])
	assert.NotEmpty(t, m["error_id"], "5xx answers carry an error_id")
	assert.Equal(t, 400, e.call("PUT", "/admin/users/"+id, `nope`, op...).status)
}

func TestInviteErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	op := bearer(e.srv.Config().OperatorToken)
	e.signupConfirmed("here@example.com")
	assert.JSONEq(t, `{"code":422,"msg":"Email address already registered by another user"}`, e.call("POST", "/invite", `{"email":"here@example.com"}`, op...).body)
	assert.Equal(t, 400, e.call("POST", "/invite", `[`, op...).status)
	assert.True(t, strings.HasPrefix(e.call("POST", "/invite", `[`, op...).json(t)["msg"].(string), "Could not read Invite params: "))
	assert.Equal(t, 401, e.call("POST", "/invite", `{"email":"x@example.com"}`).status)
}

func TestAdminAudit(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.signupConfirmed("audit@example.com")
	r := e.call("GET", "/admin/audit?query=login", "", bearer(e.srv.Config().OperatorToken)...)
	require.Equal(t, 200, r.status)
	assert.Contains(t, r.body, `"action":"login"`)
	assert.Contains(t, r.body, `"actor_username":"audit@example.com"`)
	assert.Equal(t, "1", r.header.Get("X-Total-Count"))
}
