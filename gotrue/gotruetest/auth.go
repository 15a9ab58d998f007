package gotruetest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
)

var bearerRe = regexp.MustCompile(`^(?:B|b)earer (\S+$)`)

const nilUUID = "00000000-0000-0000-0000-000000000000"

func bearerToken(r *http.Request) (string, *apiError) {
	m := bearerRe.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return "", unauthorized("This endpoint requires a Bearer token")
	}
	return m[1], nil
}

// authenticate checks the Bearer JWT; its errors are 401s, which the caller
// answers with the clearing cookie.
func (s *Server) authenticate(rc reqCtx, r *http.Request) (*accessClaims, *apiError) {
	raw, aerr := bearerToken(r)
	if aerr != nil {
		return nil, aerr
	}
	claims := &accessClaims{}
	if err := verifyJWT(raw, s.cfg.JWTSecret, rc.now, claims); err != nil {
		return nil, unauthorized("Invalid token: %s", err.Error())
	}
	return claims, nil
}

// bearerUser runs the Bearer check of a user endpoint, answering its 401
// with the clearing cookie; ok is false when the answer was sent.
func (s *Server) bearerUser(w http.ResponseWriter, r *http.Request, rc reqCtx) (*accessClaims, bool) {
	claims, aerr := s.authenticate(rc, r)
	if aerr != nil {
		s.fail401(w, rc, aerr)
		return nil, false
	}
	return claims, true
}

// requestAud is the audience of a request: X-JWT-AUD, else the token's,
// else the configured default.
func (s *Server) requestAud(r *http.Request, claims *accessClaims) string {
	if aud := r.Header.Get("X-JWT-AUD"); aud != "" {
		return aud
	}
	if claims != nil && claims.Aud != "" {
		return claims.Aud
	}
	return s.cfg.Aud
}

// adminCtx is who is calling an admin endpoint, and for which audience.
type adminCtx struct {
	aud   string
	actor *user // nil for the operator token and the system user
	body  []byte
}

// requireAdmin applies gotrue's admin rules: the operator token, the
// system user (sub "0" or the nil UUID), or a user whose role is the admin
// group and whose aud is the request aud. A JSON body's non-empty "aud"
// overrides the request aud.
func (s *Server) requireAdmin(w http.ResponseWriter, rc reqCtx, r *http.Request) (*adminCtx, bool) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	raw, aerr := bearerToken(r)
	if aerr != nil {
		s.fail401(w, rc, aerr)
		return nil, false
	}
	if raw == s.cfg.OperatorToken {
		return &adminCtx{aud: s.bodyAud(body, s.requestAud(r, nil)), body: body}, true
	}
	claims, aerr := s.authenticate(rc, r)
	if aerr != nil {
		s.fail401(w, rc, aerr)
		return nil, false
	}
	aud := s.requestAud(r, claims)
	if len(body) > 0 {
		var p struct {
			Aud string `json:"aud"`
		}
		if err := json.NewDecoder(bytes.NewReader(body)).Decode(&p); err != nil {
			sendError(w, badRequest("Could not decode admin user params: %v", err))
			return nil, false
		}
		if p.Aud != "" {
			aud = p.Aud
		}
	}
	if claims.Sub == "0" || claims.Sub == nilUUID {
		return &adminCtx{aud: aud, body: body}, true
	}
	actor := s.userByID(claims.Sub)
	if actor == nil {
		sendError(w, unauthorized("Invalid admin user"))
		return nil, false
	}
	if actor.role != s.cfg.AdminGroup || actor.aud != aud {
		sendError(w, unauthorized("User not allowed"))
		return nil, false
	}
	return &adminCtx{aud: aud, actor: actor, body: body}, true
}

func (s *Server) bodyAud(body []byte, aud string) string {
	var p struct {
		Aud string `json:"aud"`
	}
	if json.Unmarshal(body, &p) == nil && p.Aud != "" {
		return p.Aud
	}
	return aud
}

// fail401 answers an authentication failure with the clearing cookie.
func (s *Server) fail401(w http.ResponseWriter, rc reqCtx, err *apiError) {
	s.clearCookie(w, rc)
	sendError(w, err)
}

// isAdmin reports whether the user may change app_metadata through PUT
// /user: gotrue checks the configured aud there, not the request aud.
func (s *Server) isAdmin(u *user) bool {
	return u.role == s.cfg.AdminGroup && u.aud == s.cfg.Aud
}
