package gotruetest

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// accessClaims are the claims of a GoTrue access token, in wire order.
type accessClaims struct {
	Aud          string         `json:"aud,omitempty"`
	Exp          *int64         `json:"exp,omitempty"`
	Sub          string         `json:"sub"`
	Email        string         `json:"email"`
	AppMetadata  map[string]any `json:"app_metadata"`
	UserMetadata map[string]any `json:"user_metadata"`
}

// The jwt.Claims methods. Validation is done by verifyJWT against the
// emulator's clock, so these only report what the token says.
func (c *accessClaims) GetExpirationTime() (*jwt.NumericDate, error) {
	if c.Exp == nil {
		return nil, nil
	}
	return jwt.NewNumericDate(time.Unix(*c.Exp, 0)), nil
}
func (c *accessClaims) GetIssuedAt() (*jwt.NumericDate, error)  { return nil, nil }
func (c *accessClaims) GetNotBefore() (*jwt.NumericDate, error) { return nil, nil }
func (c *accessClaims) GetIssuer() (string, error)              { return "", nil }
func (c *accessClaims) GetSubject() (string, error)             { return c.Sub, nil }
func (c *accessClaims) GetAudience() (jwt.ClaimStrings, error)  { return jwt.ClaimStrings{c.Aud}, nil }

// signAccessToken mints the access JWT of u: HS256, kid nf-ident.
func (s *Server) signAccessToken(rc reqCtx, u *user) string {
	exp := rc.now.Add(s.cfg.JWTExp).Unix()
	meta := u.readBack(rc).userMetadata
	if meta == nil {
		meta = map[string]any{}
	}
	app := u.appMetadata
	if app == nil {
		app = map[string]any{}
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, &accessClaims{
		Aud: u.aud, Exp: &exp, Sub: u.id, Email: u.email, AppMetadata: app, UserMetadata: meta,
	})
	tok.Header["kid"] = "nf-ident"
	signed, err := tok.SignedString([]byte(s.cfg.JWTSecret))
	if err != nil {
		panic(fmt.Sprintf("gotruetest: signing a JWT: %v", err)) // HS256 with a []byte key cannot fail
	}
	return signed
}

// verifyJWT checks an HS256 token against secret and the emulator's clock,
// returning errors worded as jwt-go v3 words them in netlify/gotrue.
func verifyJWT(raw, secret string, now time.Time, claims jwt.Claims) error {
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		return []byte(secret), nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
	if err != nil {
		return errors.New(jwtErrorText(err))
	}
	exp, _ := claims.GetExpirationTime()
	if exp != nil && now.Unix() > exp.Unix() {
		return fmt.Errorf("token is expired by %v", time.Unix(now.Unix(), 0).Sub(exp.Time))
	}
	return nil
}

func jwtErrorText(err error) string {
	switch {
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return "signature is invalid"
	case errors.Is(err, jwt.ErrTokenUnverifiable):
		return strings.TrimPrefix(err.Error(), jwt.ErrTokenUnverifiable.Error()+": ")
	case errors.Is(err, jwt.ErrTokenMalformed):
		// jwt-go v3 reported the decoder's own error, without v5's context.
		msg := strings.TrimPrefix(err.Error(), jwt.ErrTokenMalformed.Error()+": ")
		for _, p := range []string{"could not JSON decode header: ", "could not JSON decode claim: ",
			"could not base64 decode header: ", "could not base64 decode claim: "} {
			msg = strings.TrimPrefix(msg, p)
		}
		return msg
	}
	return err.Error()
}
