package gotruetest

import (
	"net/http"
	"time"
)

// setCookie answers X-Use-Cookie: "session" gives a session cookie, any
// other non-empty value one of CookieDuration.
func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, rc reqCtx, jwt string) {
	mode := r.Header.Get("X-Use-Cookie")
	if mode == "" {
		return
	}
	c := &http.Cookie{Name: s.cfg.CookieKey, Value: jwt, Path: "/", HttpOnly: true, Secure: true}
	if mode != "session" {
		c.Expires = rc.now.Add(s.cfg.CookieDuration)
		c.MaxAge = int(s.cfg.CookieDuration / time.Second)
	}
	http.SetCookie(w, c)
}

// clearCookie sends the cookie that removes nf_jwt.
func (s *Server) clearCookie(w http.ResponseWriter, rc reqCtx) {
	http.SetCookie(w, &http.Cookie{
		Name: s.cfg.CookieKey, Value: "", Path: "/", HttpOnly: true, Secure: true,
		Expires: rc.now.Add(-10 * time.Hour), MaxAge: -1,
	})
}
