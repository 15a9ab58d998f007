package gotruetest

import (
	"net/http"
	"time"
)

type refreshToken struct {
	userID    string
	createdAt time.Time
	revoked   bool
}

// tokenResponse is the /token and /verify success body, in wire order.
type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
}

// issueTokens mints an access token and a new refresh token for u.
func (s *Server) issueTokens(rc reqCtx, u *user) tokenResponse {
	rt := newToken()
	s.refresh[rt] = &refreshToken{userID: u.id, createdAt: rc.now}
	return tokenResponse{
		AccessToken: s.signAccessToken(rc, u), TokenType: "bearer",
		ExpiresIn: int(s.cfg.JWTExp / time.Second), RefreshToken: rt,
	}
}

func (s *Server) sendTokens(w http.ResponseWriter, r *http.Request, rc reqCtx, u *user) {
	tr := s.issueTokens(rc, u)
	s.setCookie(w, r, rc, tr.AccessToken)
	sendJSON(w, http.StatusOK, tr)
}

// token serves POST /token. It reads form values (the body or the query),
// so a JSON body has no grant_type.
func (s *Server) token(w http.ResponseWriter, r *http.Request, _ string) {
	_ = r.ParseForm()
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	if key := r.Header.Get(s.cfg.RateLimitHeader); s.cfg.RateLimitHeader != "" && key != "" && !s.limiter.allow(key, rc.now) {
		sendError(w, httpError(http.StatusTooManyRequests, "Rate limit exceeded"))
		return
	}
	switch r.FormValue("grant_type") {
	case "password":
		s.passwordGrant(w, r, rc)
	case "refresh_token":
		s.refreshGrant(w, r, rc)
	default:
		sendError(w, oauthErr("unsupported_grant_type", ""))
	}
}

func (s *Server) passwordGrant(w http.ResponseWriter, r *http.Request, rc reqCtx) {
	if s.cfg.DisableEmail {
		sendError(w, badRequest("Unsupported email provider"))
		return
	}
	u := s.userByEmail(s.requestAud(r, nil), r.FormValue("username"))
	switch {
	case u == nil:
		sendError(w, oauthErr("invalid_grant", "No user found with that email, or password invalid."))
	case !u.confirmed():
		sendError(w, oauthErr("invalid_grant", "Email not confirmed"))
	case !u.checkPassword(r.FormValue("password")):
		sendError(w, oauthErr("invalid_grant", "No user found with that email, or password invalid."))
	default:
		s.record(rc, u, "login")
		s.sendTokens(w, r, rc, u)
	}
}

// refreshGrant rotates a refresh token: the presented one is revoked and a
// new one returned. Reusing a revoked or expired token clears the cookie.
func (s *Server) refreshGrant(w http.ResponseWriter, r *http.Request, rc reqCtx) {
	raw := r.FormValue("refresh_token")
	if raw == "" {
		sendError(w, oauthErr("invalid_request", "refresh_token required"))
		return
	}
	rt := s.refresh[raw]
	var u *user
	if rt != nil {
		u = s.userByID(rt.userID)
	}
	switch {
	case rt == nil || u == nil:
		sendError(w, oauthErr("invalid_grant", "Invalid Refresh Token"))
	case rt.revoked:
		s.clearCookie(w, rc)
		sendError(w, oauthErr("invalid_grant", "Invalid Refresh Token"))
	case rc.now.After(rt.createdAt.Add(s.cfg.RefreshTokenLifetime)):
		s.clearCookie(w, rc)
		sendError(w, oauthErr("invalid_grant", "Refresh token expired"))
	default:
		rt.revoked = true
		s.record(rc, u, "token_refreshed")
		s.sendTokens(w, r, rc, u)
	}
}

// RefreshTokenCount reports how many refresh tokens were ever issued, revoked
// ones included; tests use it to count refresh requests that succeeded.
func (s *Server) RefreshTokenCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.refresh)
}

// rateLimiter is a token bucket per header value: 30 requests per 5 minutes,
// burst 30, as gotrue configures tollbooth.
type rateLimiter struct {
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter() *rateLimiter { return &rateLimiter{buckets: map[string]*bucket{}} }

const (
	rateBurst = 30
	ratePerS  = 30.0 / 300.0
)

func (l *rateLimiter) allow(key string, now time.Time) bool {
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: rateBurst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(rateBurst, b.tokens+now.Sub(b.last).Seconds()*ratePerS)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
