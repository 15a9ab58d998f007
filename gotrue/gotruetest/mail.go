package gotruetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// MailKind names what a captured mail is for; it is also the prefix of the
// link's fragment key (#confirmation_token=…).
type MailKind string

// The four kinds of mail GoTrue sends.
const (
	MailConfirmation MailKind = "confirmation"
	MailInvite       MailKind = "invite"
	MailRecovery     MailKind = "recovery"
	MailEmailChange  MailKind = "email_change"
)

// Mail is a message the emulator would have sent.
type Mail struct {
	To      string    `json:"to"`
	From    string    `json:"from"`
	Subject string    `json:"subject"`
	Body    string    `json:"body"`
	Link    string    `json:"link"`
	Kind    MailKind  `json:"kind"`
	Token   string    `json:"token"`
	SentAt  time.Time `json:"sent_at"`
}

var mailTemplates = map[MailKind]struct{ subject, body string }{
	MailConfirmation: {"Confirm Your Signup", `<h2>Confirm your signup</h2><p>Follow this link to confirm your user:</p><p><a href="%s">Confirm your mail</a></p>`},
	MailInvite:       {"You have been invited", `<h2>You have been invited</h2><p>You have been invited to create a user on %[2]s. Follow this link to accept the invite:</p><p><a href="%[1]s">Accept the invite</a></p>`},
	MailRecovery:     {"Reset Your Password", `<h2>Reset Password</h2><p>Follow this link to reset the password for your user:</p><p><a href="%s">Reset Password</a></p>`},
	MailEmailChange:  {"Confirm Email Change", `<h2>Confirm Change of Email</h2><p>Follow this link to confirm the update of your email from %[2]s to %[3]s:</p><p><a href="%[1]s">Change Email</a></p>`},
}

// mailLink is SITE_URL resolved against "/" with the token fragment.
func (s *Server) mailLink(kind MailKind, token string) string {
	base, err := url.Parse(s.cfg.SiteURL)
	if err != nil {
		return "/#" + string(kind) + "_token=" + token
	}
	return base.ResolveReference(&url.URL{Path: "/"}).String() + "#" + string(kind) + "_token=" + token
}

// sendMail captures a mail; callers hold s.mu.
func (s *Server) sendMail(rc reqCtx, kind MailKind, to, token string, u *user) {
	link := s.mailLink(kind, token)
	tpl := mailTemplates[kind]
	m := Mail{
		To: to, From: s.cfg.AdminEmail, Subject: tpl.subject, Link: link, Kind: kind, Token: token,
		Body: fmt.Sprintf(tpl.body, link, u.email, u.newEmail), SentAt: rc.now,
	}
	if kind == MailInvite {
		m.Body = fmt.Sprintf(tpl.body, link, s.cfg.SiteURL)
	}
	s.mails = append(s.mails, m)
}

// Mails returns every captured mail, oldest first.
func (s *Server) Mails() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.mails...)
}

// LastMail returns the newest mail to the address, matched case-insensitively.
func (s *Server) LastMail(to string) (Mail, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.mails) - 1; i >= 0; i-- {
		if strings.EqualFold(s.mails[i].To, to) {
			return s.mails[i], true
		}
	}
	return Mail{}, false
}

// MailHandler serves the captured mail as a JSON array, newest first, for
// dev servers and browser tests. DELETE empties the inbox.
func (s *Server) MailHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodDelete {
			s.mu.Lock()
			s.mails = nil
			s.mu.Unlock()
			w.WriteHeader(http.StatusNoContent)
			return
		}
		mails := s.Mails()
		out := make([]Mail, 0, len(mails))
		for i := len(mails) - 1; i >= 0; i-- {
			out = append(out, mails[i])
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(out)
	})
}
