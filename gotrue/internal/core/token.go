package core

import (
	"errors"
	"math"
	"strings"
)

// ExpiryMargin is how long before expires_at JWT starts a refresh (60 s,
// as in gotrue-js), in milliseconds.
const ExpiryMargin = 60_000

// Token is a session's token object: the server's token response (or the
// hash parameters page code passed to CreateUser) with expires_at added.
// Its JSON keeps every key in order. A Token is immutable; a refresh makes a
// new one.
type Token struct {
	raw   Object
	other RawJSON // when page code made user.token something else than an object
	// ExpiresAt is expires_at in Unix milliseconds; NaN when unknown, in
	// which case JWT never refreshes by itself (as in gotrue-js).
	ExpiresAt float64
}

// AccessToken returns access_token, or "" when it is missing or not a string.
func (t *Token) AccessToken() string { s, _ := t.raw.String("access_token"); return s }

// HasAccessToken reports whether the token object has an access_token key
// (gotrue-js then sends and resolves it; without one, "undefined").
func (t *Token) HasAccessToken() bool { _, ok := t.raw.Get("access_token"); return ok }

// RefreshToken returns refresh_token, or "" when the token has none.
// A value that is not a string is given as JavaScript's String() gives it.
func (t *Token) RefreshToken() string {
	if s, ok := t.raw.String("refresh_token"); ok {
		return s
	}
	raw, _ := t.raw.Get("refresh_token")
	return jsString(raw)
}

// refreshTokenJS is refresh_token as gotrue-js puts it in the refresh
// request and keys its shared refreshes by: ${refresh_token}, which is
// "undefined" when the token has none.
func (t *Token) refreshTokenJS() string {
	if _, ok := t.raw.Get("refresh_token"); !ok {
		return "undefined"
	}
	return t.RefreshToken()
}

// Object returns the token object's fields in order.
func (t *Token) Object() Object { return t.raw.Clone() }

// MarshalJSON writes the token object.
func (t *Token) MarshalJSON() ([]byte, error) {
	if t.other != nil {
		return append([]byte(nil), t.other...), nil
	}
	return t.raw.MarshalJSON()
}

// expired reports whether the token is within ExpiryMargin of expires_at
// at nowMS (Unix milliseconds): gotrue-js's `expires_at - 60000 < Date.now()`.
func (t *Token) expired(nowMS float64) bool { return t.ExpiresAt-ExpiryMargin < nowMS }

// newToken does what gotrue-js's _processTokenResponse does: expires_at becomes the JWT
// exp claim times 1000, replacing any value the caller gave. When the JWT
// cannot be read, expires_at stays as given and the error is returned for
// logging; it never contains the token (D6).
func newToken(raw Object) (*Token, error) {
	t := &Token{raw: raw.Clone(), ExpiresAt: math.NaN()}
	exp, err := jwtExp(t.raw)
	if err != nil {
		t.ExpiresAt = numberOf(t.raw, "expires_at")
		return t, err
	}
	t.ExpiresAt = exp * 1000
	if math.IsNaN(t.ExpiresAt) {
		t.raw.Set("expires_at", RawJSON("null")) // NaN serialises as null
	} else {
		t.raw.Set("expires_at", RawJSON(formatNumber(t.ExpiresAt)))
	}
	return t, nil
}

// jwtExp reads the exp claim of access_token without checking the
// signature, as gotrue-js does: claims.exp of the parsed payload. A payload
// without exp, or one that is not an object (5, [1], "s"), gives NaN; null
// is the TypeError reading a property of null gives.
func jwtExp(raw Object) (float64, error) {
	access, ok := raw.String("access_token")
	if !ok {
		return 0, errors.New("TypeError: access_token is not a string")
	}
	dot := strings.IndexByte(access, '.')
	if dot < 0 {
		return 0, errors.New("TypeError: the access token has no payload")
	}
	claims := access[dot+1:]
	if end := strings.IndexByte(claims, '.'); end >= 0 {
		claims = claims[:end]
	}
	payload, err := decodeSegment(claims)
	if err != nil {
		return 0, err
	}
	obj, err := ParseObject(payload)
	switch {
	case err == ErrNotObject && trimJSONSpace(string(payload)) == "null":
		return 0, errors.New("TypeError: Cannot read properties of null (reading 'exp')")
	case err == ErrNotObject: // (5).exp, [1].exp, "s".exp: undefined, so NaN
		return math.NaN(), nil
	case err != nil:
		return 0, errors.New("SyntaxError: the JWT payload is not valid JSON")
	}
	exp, _ := obj.Get("exp")
	return numberValue(exp), nil
}

// decodeSegment does what gotrue-js's urlBase64Decode does: base64url to standard
// base64, padded (a length of 1 mod 4 is illegal), then atob. The
// TextDecoder it ends with drops a leading byte order mark.
func decodeSegment(s string) ([]byte, error) {
	if len(s)%4 == 1 {
		return nil, errors.New("Error: Illegal base64url string!")
	}
	std := make([]byte, len(s), len(s)+2)
	for i := range len(s) {
		switch c := s[i]; c {
		case '-':
			std[i] = '+'
		case '_':
			std[i] = '/'
		default:
			std[i] = c
		}
	}
	for len(std)%4 != 0 {
		std = append(std, '=')
	}
	b, ok := atob(string(std))
	if !ok {
		return nil, errors.New("InvalidCharacterError: the JWT payload is not correctly encoded")
	}
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	return b, nil
}

// numberValue is JavaScript's Number(v) for a JSON value: numbers as
// written, strings (and arrays and objects, through their String()) as
// stringToNumber reads them, null and false 0, true 1, and a missing or
// invalid value NaN.
func numberValue(raw RawJSON) float64 {
	switch s := trimJSONSpace(string(raw)); {
	case s == "" || validJSON([]byte(s)) != nil:
		return math.NaN()
	case s == "null" || s == "false":
		return 0
	case s == "true":
		return 1
	case s[0] == '"' || s[0] == '[' || s[0] == '{':
		return stringToNumber(jsString(raw))
	default:
		f, _ := parseDecimal(s)
		return f
	}
}

func numberOf(o Object, key string) float64 {
	raw, ok := o.Get(key)
	if !ok {
		return math.NaN()
	}
	return numberValue(raw)
}
