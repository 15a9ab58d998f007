package gotruetest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUserMetadataReadBack: netlify/gotrue writes a user created without
// data with user_metadata null (a nil JSONMap marshals so), and reading the
// row back yields an empty map (models/json_map.go). So the response of the
// request that created the user says null, and every later read says {}:
// GET /user, the JWT, verify, admin reads, and updates, where a null value
// then deletes a key instead of being stored.
func TestUserMetadataReadBack(t *testing.T) {
	t.Parallel()
	e := setup(t)
	op := bearer(e.srv.Config().OperatorToken)
	meta := func(r resp) any { require.Less(t, r.status, 300, r.body); return r.json(t)["user_metadata"] }
	claims := func(access string) any {
		payload, err := jwt.NewParser().DecodeSegment(strings.Split(access, ".")[1])
		require.NoError(t, err)
		var c map[string]any
		require.NoError(t, json.Unmarshal(payload, &c))
		return c["user_metadata"]
	}

	created := e.call("POST", "/signup", `{"email":"bare@example.com","password":"secret"}`)
	m, ok := e.srv.LastMail("bare@example.com")
	require.True(t, ok)
	verified := e.call("POST", "/verify", `{"type":"signup","token":"`+m.Token+`"}`)
	access, _ := e.login("bare@example.com", "secret")
	adminCreated := e.call("POST", "/admin/users", `{"email":"admin-made@example.com","password":"secret"}`, op...)
	id, _ := adminCreated.json(t)["id"].(string)

	tests := []struct {
		name string
		got  any
		want any
	}{
		{"signup response (the request that created the user)", meta(created), nil},
		{"admin create response", meta(adminCreated), nil},
		{"verify response's JWT", claims(verified.json(t)["access_token"].(string)), map[string]any{}},
		{"login JWT", claims(access), map[string]any{}},
		{"GET /user", meta(e.call("GET", "/user", "", bearer(access)...)), map[string]any{}},
		{"admin get", meta(e.call("GET", "/admin/users/"+id, "", op...)), map[string]any{}},
		{"PUT /user with a null value", meta(e.call("PUT", "/user", `{"data":{"gone":null,"kept":1}}`, bearer(access)...)), map[string]any{"kept": 1.0}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got, tt.name)
	}
	list := e.call("GET", "/admin/users", "", op...).json(t)["users"].([]any)
	for _, u := range list {
		assert.NotNil(t, u.(map[string]any)["user_metadata"], "admin list reads rows back")
	}
}
