package gotruetest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/mail"
	"strings"
)

func decodeBody(r *http.Request, v any) error {
	return json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(v)
}

// health serves GET /health.
func (s *Server) health(w http.ResponseWriter, r *http.Request, _ string) {
	sendJSON(w, http.StatusOK, struct {
		Description string `json:"description"`
		Name        string `json:"name"`
		Version     string `json:"version"`
	}{"GoTrue is a user registration and authentication API", "GoTrue", s.cfg.Version})
}

// settings serves GET /settings.
func (s *Server) settings(w http.ResponseWriter, r *http.Request, _ string) {
	type external struct {
		Bitbucket bool `json:"bitbucket"`
		GitHub    bool `json:"github"`
		GitLab    bool `json:"gitlab"`
		Google    bool `json:"google"`
		Facebook  bool `json:"facebook"`
		Email     bool `json:"email"`
		SAML      bool `json:"saml"`
	}
	labels := map[string]string{}
	if s.cfg.SAMLName != "" {
		labels["saml"] = s.cfg.SAMLName
	}
	sendJSON(w, http.StatusOK, struct {
		External       external          `json:"external"`
		ExternalLabels map[string]string `json:"external_labels"`
		DisableSignup  bool              `json:"disable_signup"`
		Autoconfirm    bool              `json:"autoconfirm"`
	}{
		External: external{
			Bitbucket: s.providerEnabled("bitbucket"), GitHub: s.providerEnabled("github"),
			GitLab: s.providerEnabled("gitlab"), Google: s.providerEnabled("google"),
			Facebook: s.providerEnabled("facebook"), Email: !s.cfg.DisableEmail, SAML: s.cfg.SAMLName != "",
		},
		ExternalLabels: labels, DisableSignup: s.cfg.DisableSignup, Autoconfirm: s.cfg.Autoconfirm,
	})
}

func (s *Server) providerEnabled(name string) bool {
	for _, p := range s.cfg.Providers {
		if p == name {
			return true
		}
	}
	return false
}

// validateEmail is gotrue's check: present, and parsable by net/mail.
func validateEmail(email string) *apiError {
	if email == "" {
		return unprocessable("An email address is required")
	}
	if _, err := mail.ParseAddress(email); err != nil {
		return unprocessable("Unable to validate email address: %s", err.Error())
	}
	return nil
}

// SignupParams is gotrue's name for the /signup body; json errors quote it.
type SignupParams struct {
	Email    string         `json:"email"`
	Password string         `json:"password"`
	Data     map[string]any `json:"data"`
	Provider string         `json:"-"`
}

// signup serves POST /signup.
func (s *Server) signup(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	if s.cfg.DisableSignup {
		sendError(w, httpError(http.StatusForbidden, "Signups not allowed for this instance"))
		return
	}
	var p SignupParams
	if err := decodeBody(r, &p); err != nil {
		sendError(w, badRequest("Could not read Signup params: %v", err))
		return
	}
	if err := s.checkSignup(&p); err != nil {
		sendError(w, err)
		return
	}
	u, err := s.signupUser(rc, s.requestAud(r, nil), &p)
	if err != nil {
		sendError(w, err)
		return
	}
	s.record(rc, u, "user_signedup")
	sendJSON(w, http.StatusOK, u.render(rc))
}

func (s *Server) checkSignup(p *SignupParams) *apiError {
	if s.cfg.DisableEmail {
		return badRequest("Unsupported email provider")
	}
	if p.Password == "" {
		return unprocessable("Signup requires a valid password")
	}
	return validateEmail(p.Email)
}

func (s *Server) signupUser(rc reqCtx, aud string, p *SignupParams) (*user, *apiError) {
	u := s.userByEmail(aud, p.Email)
	switch {
	case u != nil && u.confirmed():
		return nil, badRequest("A user with this email address has already been registered")
	case u != nil:
		if p.Data != nil {
			u.userMetadata = mergeMetadata(u.readBack(rc).userMetadata, p.Data)
		}
		u.updatedAt = rc.stamp()
	default:
		u = s.newUser(rc, aud, p.Email)
		u.setPassword(p.Password)
		u.userMetadata = p.Data
	}
	if s.cfg.Autoconfirm {
		u.confirmedAt = rc.stamp()
		return u, nil
	}
	s.sendConfirmation(rc, u)
	return u, nil
}

// sendConfirmation mails a new confirmation token unless one went out
// within the max frequency, in which case the old token stays valid.
func (s *Server) sendConfirmation(rc reqCtx, u *user) {
	if u.confirmationSentAt != nil && rc.now.Before(u.confirmationSentAt.t.Add(s.cfg.MailMaxFrequency)) {
		return
	}
	u.confirmationToken = newToken()
	u.confirmationSentAt = rc.stamp()
	s.sendMail(rc, MailConfirmation, u.email, u.confirmationToken, u)
}

// RecoverParams is gotrue's name for the /recover body.
type RecoverParams struct {
	Email string `json:"email"`
}

// recover serves POST /recover.
func (s *Server) recover(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	var p RecoverParams
	if err := decodeBody(r, &p); err != nil {
		sendError(w, badRequest("Could not read verification params: %v", err))
		return
	}
	if s.cfg.DisableEmail {
		sendError(w, badRequest("Unsupported email provider"))
		return
	}
	if p.Email == "" {
		sendError(w, unprocessable("Password recovery requires an email"))
		return
	}
	u := s.userByEmail(s.requestAud(r, nil), p.Email)
	if u != nil {
		if u.recoverySentAt != nil && rc.now.Before(u.recoverySentAt.t.Add(s.cfg.MailMaxFrequency)) {
			sendError(w, httpError(http.StatusTooManyRequests, "Rate limit exceeded, try again later"))
			return
		}
		u.recoveryToken = newToken()
		u.recoverySentAt = rc.stamp()
		s.sendMail(rc, MailRecovery, u.email, u.recoveryToken, u)
		s.record(rc, u, "user_recovery_requested")
	}
	sendJSON(w, http.StatusOK, struct{}{})
}

// VerifyParams is gotrue's name for the /verify body.
type VerifyParams struct {
	Type     string `json:"type"`
	Token    string `json:"token"`
	Password string `json:"password"`
}

// verify serves POST /verify: signup confirmation, invite acceptance and
// recovery, each answered with a token response.
func (s *Server) verify(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	var p VerifyParams
	if err := decodeBody(r, &p); err != nil {
		sendError(w, badRequest("Could not read verification params: %v", err))
		return
	}
	u, err := s.verifyUser(rc, &p)
	if err != nil {
		sendError(w, err)
		return
	}
	s.sendTokens(w, r, rc, u)
}

func (s *Server) verifyUser(rc reqCtx, p *VerifyParams) (*user, *apiError) {
	if strings.TrimSpace(p.Token) == "" {
		return nil, unprocessable("Verify requires a token")
	}
	switch p.Type {
	case "signup":
		return s.verifySignup(rc, p)
	case "recovery":
		return s.verifyRecovery(rc, p)
	}
	return nil, unprocessable("Verify requires a verification type")
}

func (s *Server) verifySignup(rc reqCtx, p *VerifyParams) (*user, *apiError) {
	u := s.findUser(func(u *user) bool { return u.confirmationToken == p.Token })
	if u == nil {
		return nil, notFound("User not found")
	}
	if u.confirmationSentAt != nil && rc.now.After(u.confirmationSentAt.t.Add(s.cfg.ConfirmationMaxAge)) {
		return nil, unprocessable("Confirmation token expired")
	}
	if !u.hasPassword && u.invitedAt != nil {
		if p.Password == "" {
			return nil, unprocessable("Invited users must specify a password")
		}
		u.setPassword(p.Password)
	}
	u.confirmationToken = ""
	u.confirmedAt = rc.stamp()
	u.updatedAt = rc.stamp()
	action := "user_signedup"
	if u.invitedAt != nil {
		action = "invite_accepted"
	}
	s.record(rc, u, action)
	return u, nil
}

func (s *Server) verifyRecovery(rc reqCtx, p *VerifyParams) (*user, *apiError) {
	u := s.findUser(func(u *user) bool { return u.recoveryToken == p.Token })
	if u == nil {
		return nil, notFound("User not found")
	}
	if u.recoverySentAt != nil && rc.now.After(u.recoverySentAt.t.Add(s.cfg.RecoveryMaxAge)) {
		return nil, unprocessable("Recovery token expired")
	}
	u.recoveryToken = ""
	if !u.confirmed() {
		u.confirmedAt = rc.stamp()
	}
	s.record(rc, u, "login")
	return u, nil
}

func (s *Server) findUser(match func(*user) bool) *user {
	for _, u := range s.users {
		if match(u) {
			return u
		}
	}
	return nil
}
