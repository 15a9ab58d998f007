package gotruetest

import (
	"maps"
	"net/http"
	"strings"
)

// getUser serves GET /user.
func (s *Server) getUser(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	claims, ok := s.bearerUser(w, r, rc)
	if !ok {
		return
	}
	if s.requestAud(r, claims) != claims.Aud {
		sendError(w, badRequest("Token audience doesn't match request audience"))
		return
	}
	u := s.userByID(claims.Sub)
	if u == nil {
		sendError(w, notFound("User not found"))
		return
	}
	sendJSON(w, http.StatusOK, u.render(rc))
}

// UserUpdateParams is gotrue's name for the PUT /user body.
type UserUpdateParams struct {
	Email            string         `json:"email"`
	Password         *string        `json:"password"`
	EmailChangeToken string         `json:"email_change_token"`
	Data             map[string]any `json:"data"`
	AppData          map[string]any `json:"app_metadata,omitempty"`
}

// putUser serves PUT /user. Every change of one request applies together,
// or none does.
func (s *Server) putUser(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	claims, ok := s.bearerUser(w, r, rc)
	if !ok {
		return
	}
	var p UserUpdateParams
	if err := decodeBody(r, &p); err != nil {
		sendError(w, badRequest("Could not read User Update params: %v", err))
		return
	}
	u := s.userByID(claims.Sub)
	if u == nil {
		sendError(w, notFound("User not found"))
		return
	}
	next := u.clone()
	if err := s.applyUpdate(rc, next, &p); err != nil {
		sendError(w, err)
		return
	}
	next.updatedAt = rc.stamp()
	*u = *next
	if next.newEmail != "" && p.EmailChangeToken == "" && next.emailChangeSentAt != nil && next.emailChangeSentAt.req == rc.id {
		s.sendMail(rc, MailEmailChange, u.newEmail, u.emailChangeToken, u)
	}
	s.record(rc, u, "user_modified")
	sendJSON(w, http.StatusOK, u.render(rc))
}

func (u *user) clone() *user {
	c := *u
	c.appMetadata = maps.Clone(u.appMetadata)
	c.userMetadata = maps.Clone(u.userMetadata)
	return &c
}

func (s *Server) applyUpdate(rc reqCtx, u *user, p *UserUpdateParams) *apiError {
	if p.Password != nil && *p.Password != "" {
		u.setPassword(*p.Password)
	}
	if p.Data != nil {
		u.userMetadata = mergeMetadata(u.readBack(rc).userMetadata, p.Data)
	}
	if p.AppData != nil {
		if !s.isAdmin(u) {
			return unauthorized("Updating app_metadata requires admin privileges")
		}
		u.appMetadata = mergeMetadata(u.appMetadata, p.AppData)
	}
	if p.EmailChangeToken != "" {
		return s.confirmEmailChange(rc, u, p.EmailChangeToken)
	}
	if p.Email != "" && !strings.EqualFold(p.Email, u.email) {
		return s.startEmailChange(rc, u, p.Email)
	}
	return nil
}

func (s *Server) confirmEmailChange(rc reqCtx, u *user, token string) *apiError {
	if u.emailChangeToken == "" || token != u.emailChangeToken {
		return unauthorized("Email Change Token didn't match token on file")
	}
	if u.emailChangeSentAt != nil && rc.now.After(u.emailChangeSentAt.t.Add(s.cfg.ConfirmationMaxAge)) {
		return unprocessable("Email change token expired")
	}
	u.email, u.newEmail, u.emailChangeToken = u.newEmail, "", ""
	return nil
}

func (s *Server) startEmailChange(rc reqCtx, u *user, email string) *apiError {
	if err := validateEmail(email); err != nil {
		return err
	}
	if other := s.userByEmail(u.aud, email); other != nil && other.id != u.id {
		return unprocessable("Email address already registered by another user")
	}
	u.newEmail = email
	u.emailChangeToken = newToken()
	u.emailChangeSentAt = rc.stamp()
	return nil
}

// logout serves POST /logout: every refresh token of the user is deleted,
// the cookie cleared, and the answer is 204 with no body.
func (s *Server) logout(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	claims, ok := s.bearerUser(w, r, rc)
	if !ok {
		return
	}
	u := s.userByID(claims.Sub)
	if u == nil {
		sendError(w, unauthorized("Invalid user"))
		return
	}
	for k, rt := range s.refresh {
		if rt.userID == u.id {
			delete(s.refresh, k)
		}
	}
	s.record(rc, u, "logout")
	s.clearCookie(w, rc)
	w.WriteHeader(http.StatusNoContent)
}

// InviteParams is gotrue's name for the /invite body.
type InviteParams struct {
	Email string         `json:"email"`
	Data  map[string]any `json:"data"`
}

// invite serves POST /invite (admin): a new user with invited_at, and a
// mail with #invite_token=.
func (s *Server) invite(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	ac, ok := s.requireAdmin(w, rc, r)
	if !ok {
		return
	}
	var p InviteParams
	if err := decodeJSON(ac.body, &p); err != nil {
		sendError(w, badRequest("Could not read Invite params: %v", err))
		return
	}
	if err := validateEmail(p.Email); err != nil {
		sendError(w, err)
		return
	}
	if s.userByEmail(ac.aud, p.Email) != nil {
		sendError(w, unprocessable("Email address already registered by another user"))
		return
	}
	u := s.newUser(rc, ac.aud, p.Email)
	u.userMetadata = p.Data
	u.invitedAt = rc.stamp()
	u.confirmationToken = newToken()
	s.sendMail(rc, MailInvite, u.email, u.confirmationToken, u)
	s.record(rc, u, "user_invited")
	sendJSON(w, http.StatusOK, u.render(rc))
}
