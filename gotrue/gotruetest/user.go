package gotruetest

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"strings"
	"time"

	"github.com/google/uuid"
)

// stamp is a timestamp together with the request that wrote it.
type stamp struct {
	t   time.Time
	req uint64
}

func (rc reqCtx) stamp() *stamp { return &stamp{t: rc.now, req: rc.id} }

// format renders the stamp as netlify/gotrue does: nanoseconds in the
// response of the request that wrote it, whole seconds once read back.
func (st *stamp) format(rc reqCtx) *string {
	if st == nil {
		return nil
	}
	t := st.t.UTC()
	if st.req != rc.id {
		t = t.Truncate(time.Second)
	}
	s := t.Format(time.RFC3339Nano)
	return &s
}

type user struct {
	id, aud, role, email string
	passwordHash         []byte
	hasPassword          bool
	newEmail             string

	confirmedAt, invitedAt, confirmationSentAt *stamp
	recoverySentAt, emailChangeSentAt          *stamp
	createdAt, updatedAt                       *stamp

	confirmationToken, recoveryToken, emailChangeToken string

	appMetadata  map[string]any
	userMetadata map[string]any // nil renders as null
}

// userJSON is the wire shape; the field order is the order on the wire.
type userJSON struct {
	ID                 string         `json:"id"`
	Aud                string         `json:"aud"`
	Role               string         `json:"role"`
	Email              string         `json:"email"`
	ConfirmedAt        *string        `json:"confirmed_at,omitempty"`
	InvitedAt          *string        `json:"invited_at,omitempty"`
	ConfirmationSentAt *string        `json:"confirmation_sent_at,omitempty"`
	RecoverySentAt     *string        `json:"recovery_sent_at,omitempty"`
	NewEmail           string         `json:"new_email,omitempty"`
	EmailChangeSentAt  *string        `json:"email_change_sent_at,omitempty"`
	AppMetadata        map[string]any `json:"app_metadata"`
	UserMetadata       map[string]any `json:"user_metadata"`
	CreatedAt          *string        `json:"created_at"`
	UpdatedAt          *string        `json:"updated_at"`
}

// readBack is u as netlify/gotrue loads it from its database. Its JSON
// maps are written with encoding/json, so a nil map (a user created
// without data) is stored as null, and reading the row back yields an
// empty map (models/json_map.go): user_metadata is null only in the
// response of the request that created the user, and {} from then on, in
// responses, JWT claims and updates (where a null value then deletes a
// key, as it does on the server).
func (u *user) readBack(rc reqCtx) *user {
	if u.createdAt == nil || u.createdAt.req != rc.id {
		if u.userMetadata == nil {
			u.userMetadata = map[string]any{}
		}
		if u.appMetadata == nil {
			u.appMetadata = map[string]any{}
		}
	}
	return u
}

func (u *user) render(rc reqCtx) userJSON {
	u.readBack(rc)
	app := u.appMetadata
	if app == nil {
		app = map[string]any{}
	}
	return userJSON{
		ID: u.id, Aud: u.aud, Role: u.role, Email: u.email,
		ConfirmedAt: u.confirmedAt.format(rc), InvitedAt: u.invitedAt.format(rc),
		ConfirmationSentAt: u.confirmationSentAt.format(rc), RecoverySentAt: u.recoverySentAt.format(rc),
		NewEmail: u.newEmail, EmailChangeSentAt: u.emailChangeSentAt.format(rc),
		AppMetadata: app, UserMetadata: u.userMetadata,
		CreatedAt: u.createdAt.format(rc), UpdatedAt: u.updatedAt.format(rc),
	}
}

func (u *user) confirmed() bool { return u.confirmedAt != nil }

func (u *user) setPassword(pw string) {
	u.passwordHash, u.hasPassword = hashPassword(u.id, pw), pw != ""
}

func (u *user) checkPassword(pw string) bool {
	return u.hasPassword && subtle.ConstantTimeCompare(u.passwordHash, hashPassword(u.id, pw)) == 1
}

// hashPassword keeps passwords out of memory dumps without bcrypt's cost,
// which would dominate benchmarks of the client.
func hashPassword(salt, pw string) []byte {
	h := sha256.Sum256([]byte(salt + "\x00" + pw))
	return h[:]
}

// mergeMetadata is netlify/gotrue's UpdateUserMetaData: a nil map takes the
// updates as they are; otherwise keys are set, and null values delete.
func mergeMetadata(dst map[string]any, updates map[string]any) map[string]any {
	if dst == nil {
		return updates
	}
	for k, v := range updates {
		if v == nil {
			delete(dst, k)
		} else {
			dst[k] = v
		}
	}
	return dst
}

// newToken returns 16 random bytes as unpadded URL-safe base64.
func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *Server) newUser(rc reqCtx, aud, email string) *user {
	u := &user{
		id: uuid.NewString(), aud: aud, role: s.cfg.DefaultGroup, email: email,
		appMetadata: map[string]any{"provider": "email"},
		createdAt:   rc.stamp(), updatedAt: rc.stamp(),
	}
	s.users = append(s.users, u)
	return u
}

func (s *Server) userByEmail(aud, email string) *user {
	for _, u := range s.users {
		if u.aud == aud && strings.EqualFold(u.email, email) {
			return u
		}
	}
	return nil
}

func (s *Server) userByID(id string) *user {
	for _, u := range s.users {
		if u.id == id {
			return u
		}
	}
	return nil
}

func (s *Server) deleteUser(id string) {
	for i, u := range s.users {
		if u.id == id {
			s.users = append(s.users[:i], s.users[i+1:]...)
			break
		}
	}
	for k, rt := range s.refresh {
		if rt.userID == id {
			delete(s.refresh, k)
		}
	}
}
