package gotrue_test

import (
	"context"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAdminByOperatorToken: the operator token, which a function or a back
// office holds, manages users with no signed-in admin; each answer typed.
func TestAdminByOperatorToken(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	admin := e.client.Admin(gotrue.StaticToken(e.emu.Config().OperatorToken))

	made, err := admin.CreateUser(ctx, gotrue.AdminUserParams{Email: "made@example.com", Password: "pw", Confirm: true,
		UserMetadata: map[string]any{"full_name": "Made"}})
	require.NoError(t, err)
	assert.NotEmpty(t, made.ID)
	assert.Equal(t, "Made", made.UserMetadata["full_name"])
	assert.False(t, made.ConfirmedAt.IsZero())
	assert.Contains(t, string(made.Raw), `"email":"made@example.com"`)

	up, err := admin.UpdateUser(ctx, made.ID, gotrue.AdminUserParams{Role: "admin", AppMetadata: map[string]any{"roles": []string{"editor"}}})
	require.NoError(t, err)
	assert.Equal(t, "admin", up.Role)
	assert.Equal(t, []any{"editor"}, up.AppMetadata["roles"])
	got, err := admin.GetUser(ctx, made.ID)
	require.NoError(t, err)
	assert.Equal(t, "admin", got.Role)

	require.NoError(t, admin.DeleteUser(ctx, made.ID))
	_, err = admin.GetUser(ctx, made.ID)
	var he *gotrue.HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 404, he.Status)
	assert.Equal(t, "User not found", he.Message())
	assert.Equal(t, "Bearer "+e.emu.Config().OperatorToken, e.rec.last().Header.Get("Authorization"))

	_, err = e.client.Admin(gotrue.StaticToken("not the operator")).ListUsers(ctx, nil)
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 401, he.Status)
}

// TestAdminAsSession: a session is a token source too; the server decides
// whether its user may use the admin API.
func TestAdminAsSession(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	s := e.login("boss@example.com")
	_, err := s.Admin().ListUsers(ctx, nil)
	var he *gotrue.HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, "User not allowed", he.Message())

	op := e.client.Admin(gotrue.StaticToken(e.emu.Config().OperatorToken))
	_, err = op.UpdateUser(ctx, s.User().ID, gotrue.AdminUserParams{Role: "admin"})
	require.NoError(t, err)
	list, err := s.Admin().ListUsers(ctx, nil)
	require.NoError(t, err)
	require.Len(t, list.Users, 1)
	assert.Equal(t, "boss@example.com", list.Users[0].Email)
	assert.Equal(t, 1, list.Total)
	assert.Zero(t, list.NextPage)
}

// TestListUsersPages: pages follow the server's Link and X-Total-Count
// headers, and the audience option is sent as X-JWT-AUD.
func TestListUsersPages(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	admin := e.client.Admin(gotrue.StaticToken(e.emu.Config().OperatorToken))
	for _, email := range []string{"1@example.com", "2@example.com", "3@example.com", "4@example.com", "5@example.com"} {
		_, err := admin.CreateUser(ctx, gotrue.AdminUserParams{Email: email, Password: "pw"})
		require.NoError(t, err)
	}
	tests := []struct {
		opts                  *gotrue.ListOptions
		users, next, last, of int
		query                 string
	}{
		{nil, 5, 0, 1, 5, "/admin/users"},
		{&gotrue.ListOptions{PerPage: 2}, 2, 2, 3, 5, "/admin/users?per_page=2"},
		{&gotrue.ListOptions{Page: 2, PerPage: 2}, 2, 3, 3, 5, "/admin/users?page=2&per_page=2"},
		{&gotrue.ListOptions{Page: 3, PerPage: 2}, 1, 0, 3, 5, "/admin/users?page=3&per_page=2"},
		{&gotrue.ListOptions{Audience: "elsewhere"}, 0, 0, 0, 0, "/admin/users"},
	}
	for _, tt := range tests {
		list, err := admin.ListUsers(ctx, tt.opts)
		require.NoError(t, err)
		assert.Len(t, list.Users, tt.users, tt.query)
		assert.Equal(t, tt.next, list.NextPage, tt.query)
		assert.Equal(t, tt.last, list.LastPage, tt.query)
		assert.Equal(t, tt.of, list.Total, tt.query)
		assert.Equal(t, e.url+tt.query, e.rec.last().URL)
	}
	assert.Equal(t, "elsewhere", e.rec.last().Header.Get("X-JWT-AUD"))
}
