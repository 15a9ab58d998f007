package core_test

import (
	"errors"
	"testing"

	. "github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// steps records the steps a flow takes through its object, as a page's
// patched prototype would see them, and answers each request with answer
// (err: with that error).
type steps struct {
	log    []string
	answer RawJSON
	err    error
}

func (s *steps) SetRememberHeaders(remember bool) error {
	s.log = append(s.log, "_setRememberHeaders "+map[bool]string{true: "true", false: "false"}[remember])
	return nil
}

func (s *steps) Request(_ Context, c Call) (Value, error) {
	s.log = append(s.log, "_request "+c.Method+" "+c.Path+" "+string(c.Body))
	return s.answer, s.err
}

func (s *steps) CreateUser(_ Context, tok Value, _ bool) (Value, error) {
	s.log = append(s.log, "createUser "+string(tok.(RawJSON)))
	return "user", nil
}

func (s *steps) Verify(_ Context, typ string, token RawJSON, _ bool) (Value, error) {
	s.log = append(s.log, "verify "+typ+" "+string(token))
	return "user", nil
}

func (s *steps) RemoveSavedSession() error {
	s.log = append(s.log, "removeSavedSession")
	return nil
}

func (s *steps) CurrentUser() (UserSteps, error) {
	s.log = append(s.log, "currentUser")
	return s, nil
}

func (s *steps) SaveUserData(attrs Value) (UserSteps, error) {
	s.log = append(s.log, "_saveUserData "+string(attrs.(RawJSON)))
	return s, nil
}

func (s *steps) RefreshSavedSession() (Value, error) {
	s.log = append(s.log, "_refreshSavedSession")
	return "user", nil
}

func (s *steps) GetUserData(ctx Context) (Value, error) {
	s.log = append(s.log, "getUserData")
	return GetUserData(ctx, s)
}

func (s *steps) ClearSession() error {
	s.log = append(s.log, "clearSession")
	return nil
}

func (s *steps) SaveSession(user Value) error {
	s.log = append(s.log, "_saveSession of "+user.(string))
	return nil
}

// TestFlowsTakeTheirSteps: each flow takes gotrue-js's steps, in its order,
// through the object it runs on, and composes what its request carries.
func TestFlowsTakeTheirSteps(t *testing.T) {
	t.Parallel()
	offline := errors.New("Failed to fetch")
	refused := &HTTPError{Status: 401, StatusText: "Unauthorized"}
	cases := []struct {
		name string
		err  error
		flow func(*steps) (Value, error)
		want []string
	}{
		{"settings", nil, func(s *steps) (Value, error) { return Settings(ctx, s) }, []string{"_request  /settings "}},
		{"signup without data", nil, func(s *steps) (Value, error) { return Signup(ctx, s, RawJSON(`"a@b.c"`), RawJSON(`"pw"`), nil) },
			[]string{`_request POST /signup {"email":"a@b.c","password":"pw"}`}},
		{"login", nil, func(s *steps) (Value, error) { return Login(ctx, s, "a+b@c.d", "p&w", true) },
			[]string{"_setRememberHeaders true", "_request POST /token grant_type=password&username=a%2Bb%40c.d&password=p%26w", "removeSavedSession", `createUser {"ok":1}`}},
		{"a login refused", refused, func(s *steps) (Value, error) { return Login(ctx, s, "a", "b", false) },
			[]string{"_setRememberHeaders false", "_request POST /token grant_type=password&username=a&password=b"}},
		{"confirm", nil, func(s *steps) (Value, error) { return Confirm(ctx, s, RawJSON(`"t"`), true) },
			[]string{"_setRememberHeaders true", `verify signup "t"`}},
		{"recover", nil, func(s *steps) (Value, error) { return Recover(ctx, s, RawJSON(`"t"`), false) },
			[]string{"_setRememberHeaders false", `verify recovery "t"`}},
		{"verify", nil, func(s *steps) (Value, error) { return Verify(ctx, s, RawJSON(`"signup"`), RawJSON(`"t"`), true) },
			[]string{"_setRememberHeaders true", `_request POST /verify {"token":"t","type":"signup"}`, `createUser {"ok":1}`}},
		{"acceptInvite", nil, func(s *steps) (Value, error) { return AcceptInvite(ctx, s, RawJSON(`"t"`), RawJSON(`"pw"`), true) },
			[]string{"_setRememberHeaders true", `_request POST /verify {"token":"t","password":"pw","type":"signup"}`, `createUser {"ok":1}`}},
		{"requestPasswordRecovery", nil, func(s *steps) (Value, error) { return RequestPasswordRecovery(ctx, s, RawJSON(`"a@b.c"`)) },
			[]string{`_request POST /recover {"email":"a@b.c"}`}},
		{"getUserData", nil, func(s *steps) (Value, error) { return GetUserData(ctx, s) },
			[]string{"_request  /user ", `_saveUserData {"ok":1}`, "_refreshSavedSession"}},
		{"update without attributes", nil, func(s *steps) (Value, error) { return Update(ctx, s, nil) },
			[]string{"_request PUT /user ", `_saveUserData {"ok":1}`, "_refreshSavedSession"}},
		{"validateCurrentSession", nil, func(s *steps) (Value, error) { return ValidateCurrentSession(ctx, s) },
			[]string{"currentUser", "getUserData", "_request  /user ", `_saveUserData {"ok":1}`, "_refreshSavedSession"}},
		{"validateCurrentSession refused: cleared", refused, func(s *steps) (Value, error) { return ValidateCurrentSession(ctx, s) },
			[]string{"currentUser", "getUserData", "_request  /user ", "clearSession"}},
		{"validateCurrentSession offline: kept (D8)", offline, func(s *steps) (Value, error) { return ValidateCurrentSession(ctx, s) },
			[]string{"currentUser", "getUserData", "_request  /user "}},
		{"createUser's end, remembered", nil, func(s *steps) (Value, error) { return Established(ctx, s, true) },
			[]string{"getUserData", "_request  /user ", `_saveUserData {"ok":1}`, "_refreshSavedSession", "_saveSession of user"}},
		{"createUser's end, refused", refused, func(s *steps) (Value, error) { return Established(ctx, s, true) },
			[]string{"getUserData", "_request  /user "}},
		{"logout", nil, func(s *steps) (Value, error) { err, _ := Logout(ctx, s); return nil, err },
			[]string{"_request POST /logout ", "clearSession"}},
		{"logout refused: cleared all the same", refused, func(s *steps) (Value, error) { err, _ := Logout(ctx, s); return nil, err },
			[]string{"_request POST /logout ", "clearSession"}},
		{"admin listUsers", nil, func(s *steps) (Value, error) { return AdminListUsers(ctx, s, "", "") },
			[]string{"_request GET /admin/users "}},
		{"admin deleteUser", nil, func(s *steps) (Value, error) { return AdminDeleteUser(ctx, s, "id") },
			[]string{"_request DELETE /admin/users/id "}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &steps{answer: RawJSON(`{"ok":1}`), err: c.err}
			_, err := c.flow(s)
			assert.Equal(t, c.want, s.log)
			if c.err == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, c.err)
		})
	}
}

// TestValidateCurrentSessionFailure: the fetch's failure is an
// *InvalidSessionError that keeps its cause; no user is no error.
func TestValidateCurrentSessionFailure(t *testing.T) {
	t.Parallel()
	refused := &HTTPError{Status: 401, StatusText: "Unauthorized"}
	_, err := ValidateCurrentSession(ctx, &steps{err: refused})
	var invalid *InvalidSessionError
	require.ErrorAs(t, err, &invalid)
	assert.Same(t, refused, invalid.Err)
}
