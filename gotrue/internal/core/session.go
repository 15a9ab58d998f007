package core

import (
	"errors"
	"math"
)

// storedSession is a parsed gotrue.user value, in the format of gotrue-js
// 1.0.1 ({"token","url","audience",…}) or 0.9.29 ({"url","token",…}).
type storedSession struct {
	data     Object
	url      string
	token    Object
	audience RawJSON
	id       string
}

// parseStored reads a stored session. Its errors never quote the stored
// text, which holds tokens (D6).
func parseStored(raw string) (*storedSession, error) {
	data, err := ParseObject([]byte(raw))
	switch {
	case err == ErrNotObject && trimJSONSpace(raw) == "null":
		return nil, errors.New("TypeError: Cannot destructure property 'url' of 'data' as it is null.")
	case err == ErrNotObject: // 5, [], "s": no url, no token
		return nil, ErrNoSession
	case err != nil:
		return nil, errors.New("SyntaxError: the stored session is not valid JSON")
	}
	s := &storedSession{data: data}
	urlRaw, _ := data.Get("url")
	tokRaw, _ := data.Get("token")
	if !truthy(urlRaw) || !truthy(tokRaw) {
		return nil, ErrNoSession
	}
	s.url = jsString(urlRaw)
	s.token, _ = ParseObject(tokRaw) // empty when the token is not an object
	s.audience, _ = data.Get("audience")
	s.id, _ = data.String("id")
	return s, nil
}

func (s *storedSession) refreshToken() string {
	rt, _ := s.token.String("refresh_token")
	return rt
}

// tokenJSON is the stored token object as it was written.
func (s *storedSession) tokenJSON() RawJSON {
	raw, _ := s.data.Get("token")
	return raw
}

// expiresAt is the stored token's expiry, recomputed from its JWT as
// recovering the session recomputes it (NaN when it cannot be read).
func (s *storedSession) expiresAt() float64 {
	t, _ := newToken(s.token)
	return t.ExpiresAt
}

// expired is Token.expired for the stored token.
func (s *storedSession) expired(nowMS float64) bool { return s.expiresAt()-ExpiryMargin < nowMS }

// RecoverSession does what gotrue-js's User.recoverSession(api) does: the current user,
// or else the session in storage, which then becomes the current user. The
// recovered user belongs to api (its url is api's URL, not the stored one);
// a nil api means a new API for the stored URL, without default headers.
// It returns nil when there is no usable session; it never panics or fails
// on bad storage content (D4), logging a parse error without its input (D6).
func (r *Realm) RecoverSession(api *API) *User {
	if u := r.Current(); u != nil {
		return u
	}
	raw, ok := r.stored()
	if !ok {
		return nil
	}
	s, err := parseStored(raw)
	if err != nil {
		if err != ErrNoSession {
			r.logf("error", "Gotrue-js: Error recovering session: "+err.Error())
		}
		return nil
	}
	if api == nil {
		api = NewAPI(s.url, nil, r.transport)
	}
	u := newUser(r, api, s.token, s.audience)
	if raw := s.tokenJSON(); raw[0] != '{' {
		u.replaceToken(&Token{other: raw, ExpiresAt: math.NaN()}) // gotrue-js keeps what was stored, as it is
	}
	u.saveUserData(s.data, true)
	return u
}
