package gotrue

import (
	"encoding/json"
	"math"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

// Token is a session's OAuth2 token, as GoTrue issues it.
type Token struct {
	AccessToken  string // the JWT to send as "Authorization: Bearer …"
	TokenType    string // "bearer"
	RefreshToken string // single use: each refresh returns a new one
	// Expiry is when the access token expires, read from the JWT's exp
	// claim; zero when the token does not say, and then it is never
	// refreshed on its own.
	Expiry time.Time
}

// tokenOf types the core's token object.
func tokenOf(t *core.Token) *Token {
	o := t.Object()
	typ, _ := o.String("token_type")
	return &Token{AccessToken: t.AccessToken(), TokenType: typ, RefreshToken: t.RefreshToken(), Expiry: expiry(t.ExpiresAt)}
}

// expiry is a time from Unix milliseconds, zero for NaN, infinities and
// values past what time.Time holds.
func expiry(ms float64) time.Time {
	if math.IsNaN(ms) || math.Abs(ms) > 1e17 {
		return time.Time{}
	}
	return time.UnixMilli(int64(ms))
}

// object is the token response a Token stands for.
func (t *Token) object() core.Object {
	var o core.Object
	o.SetString("access_token", t.AccessToken)
	o.SetString("token_type", t.TokenType)
	o.SetString("refresh_token", t.RefreshToken)
	return o
}

// User is a GoTrue user account.
type User struct {
	ID                 string         `json:"id"`
	Aud                string         `json:"aud"`
	Role               string         `json:"role"`
	Email              string         `json:"email"`
	ConfirmedAt        time.Time      `json:"confirmed_at"`
	InvitedAt          time.Time      `json:"invited_at"`
	ConfirmationSentAt time.Time      `json:"confirmation_sent_at"`
	RecoverySentAt     time.Time      `json:"recovery_sent_at"`
	NewEmail           string         `json:"new_email"` // while an email change waits for confirmation
	EmailChangeSentAt  time.Time      `json:"email_change_sent_at"`
	LastSignInAt       time.Time      `json:"last_sign_in_at"`
	AppMetadata        map[string]any `json:"app_metadata"`  // provider, roles: set by admins only
	UserMetadata       map[string]any `json:"user_metadata"` // the user's own data (nil when none)
	CreatedAt          time.Time      `json:"created_at"`
	UpdatedAt          time.Time      `json:"updated_at"`
	// Raw is the user as the server sent it, keys in order, unknown ones
	// included.
	Raw json.RawMessage `json:"-"`
}

// Settings is the server's public configuration.
type Settings struct {
	External       map[string]bool   `json:"external"` // the sign-in providers, and whether each is on
	ExternalLabels map[string]string `json:"external_labels"`
	DisableSignup  bool              `json:"disable_signup"`
	Autoconfirm    bool              `json:"autoconfirm"` // sign-ups need no confirmation mail
}

// UserAttributes are the changes Session.Update asks for; empty fields are
// left alone.
type UserAttributes struct {
	Email    string         `json:"email,omitempty"`    // mails a confirmation to the new address
	Password string         `json:"password,omitempty"` // after Recover, the new password
	Data     map[string]any `json:"data,omitempty"`     // merged into UserMetadata
	// EmailChangeToken confirms an email change (the token of the
	// #email_change_token= link).
	EmailChangeToken string `json:"email_change_token,omitempty"`
}

// VerifyType says what a verification token confirms.
type VerifyType string

// The verification tokens the mails carry.
const (
	VerifySignup   VerifyType = "signup"   // #confirmation_token=
	VerifyRecovery VerifyType = "recovery" // #recovery_token=
)

// decode reads a JSON answer into v. An answer of the wrong shape is a
// *ResponseError, naming what was expected.
func decode(raw []byte, what string, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		return &ResponseError{Op: what, Msg: "the answer is not a " + what + ": " + err.Error()}
	}
	return nil
}

// userOf reads a user answer.
func userOf(raw []byte) (*User, error) {
	u := &User{}
	if err := decode(raw, "user", u); err != nil {
		return nil, err
	}
	u.Raw = append(json.RawMessage(nil), raw...)
	return u, nil
}
