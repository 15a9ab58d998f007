package gotruetest

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var knownProviders = map[string]bool{"bitbucket": true, "github": true, "gitlab": true, "google": true, "facebook": true, "saml": true}

// stateClaims are the claims of the OAuth state JWT, signed with the
// operator token, in gotrue's order.
type stateClaims struct {
	Exp           int64             `json:"exp"`
	SiteURL       string            `json:"site_url"`
	ID            string            `json:"id"`
	NetlifyID     string            `json:"netlify_id"`
	FunctionHooks map[string]string `json:"function_hooks"`
	Provider      string            `json:"provider"`
	InviteToken   string            `json:"invite_token,omitempty"`
	Referrer      string            `json:"referrer,omitempty"`
}

func (c *stateClaims) GetExpirationTime() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.Exp, 0)), nil
}
func (c *stateClaims) GetIssuedAt() (*jwt.NumericDate, error)  { return nil, nil }
func (c *stateClaims) GetNotBefore() (*jwt.NumericDate, error) { return nil, nil }
func (c *stateClaims) GetIssuer() (string, error)              { return "", nil }
func (c *stateClaims) GetSubject() (string, error)             { return "", nil }
func (c *stateClaims) GetAudience() (jwt.ClaimStrings, error)  { return nil, nil }

// oauthCode is what the fake provider hands the callback.
type oauthCode struct {
	email, name, provider string
}

// authorize serves GET /authorize: a 302 to the provider, here the
// emulator's own fake provider page, with a signed state.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	q := r.URL.Query()
	provider := strings.ToLower(q.Get("provider"))
	if err := s.checkProvider(provider, q.Get("provider")); err != nil {
		sendError(w, err)
		return
	}
	invite := q.Get("invite_token")
	if invite != "" && s.invitedUser(invite) == nil {
		sendError(w, notFound("User not found"))
		return
	}
	state := s.signState(rc, provider, invite, s.sameSiteReferrer(r))
	target := url.Values{"client_id": {"gotruetest"}, "redirect_uri": {"callback"}, "response_type": {"code"},
		"scope": {"user:email"}, "state": {state}, "provider": {provider}}
	w.Header().Set("Location", "fake-provider/authorize?"+target.Encode())
	w.WriteHeader(http.StatusFound)
}

func (s *Server) checkProvider(name, raw string) *apiError {
	switch {
	case !knownProviders[name]:
		return badRequest("Unsupported provider: Provider %s could not be found", raw)
	case name == "saml" && s.cfg.SAMLName == "":
		return badRequest("Unsupported provider: SAML Provider is not enabled")
	case name != "saml" && !s.providerEnabled(name):
		return badRequest("Unsupported provider: Provider is not enabled")
	}
	return nil
}

func (s *Server) invitedUser(token string) *user {
	return s.findUser(func(u *user) bool { return u.invitedAt != nil && u.confirmationToken == token })
}

// sameSiteReferrer keeps the Referer only when its host is SITE_URL's.
func (s *Server) sameSiteReferrer(r *http.Request) string {
	ref, err1 := url.Parse(r.Referer())
	site, err2 := url.Parse(s.cfg.SiteURL)
	if r.Referer() == "" || err1 != nil || err2 != nil || ref.Host != site.Host {
		return ""
	}
	return r.Referer()
}

func (s *Server) signState(rc reqCtx, provider, invite, referrer string) string {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, &stateClaims{
		Exp: rc.now.Add(5 * time.Minute).Unix(), SiteURL: s.cfg.SiteURL, ID: nilUUID,
		Provider: provider, InviteToken: invite, Referrer: referrer,
	})
	signed, _ := tok.SignedString([]byte(s.cfg.OperatorToken))
	return signed
}

var fakeProviderTmpl = template.Must(template.New("p").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.Provider}} (emulated)</title>
<style>body{font:16px system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0}input{width:100%;padding:.4rem;font:inherit}
button{padding:.5rem 1rem;font:inherit;margin-right:.5rem}</style></head>
<body><h1>Sign in with {{.Provider}}</h1>
<p>This page stands in for {{.Provider}}'s consent screen. Nothing leaves this machine.</p>
<form method="get" action="approve">
<input type="hidden" name="state" value="{{.State}}"><input type="hidden" name="provider" value="{{.Provider}}">
<label>Email <input name="email" type="email" required value="octocat@example.com"></label>
<label>Name <input name="name" value="Mona Octocat"></label>
<button name="decision" value="allow" id="allow">Authorize</button>
<button name="decision" value="deny" id="deny" formnovalidate>Cancel</button>
</form></body></html>`))

// fakeProviderPage is the consent screen of the emulated OAuth provider.
func (s *Server) fakeProviderPage(w http.ResponseWriter, r *http.Request, _ string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = fakeProviderTmpl.Execute(w, map[string]string{"Provider": r.URL.Query().Get("provider"), "State": r.URL.Query().Get("state")})
}

// fakeProviderApprove answers the consent form: a code (or access_denied)
// sent back to the GoTrue callback, as a provider would.
func (s *Server) fakeProviderApprove(w http.ResponseWriter, r *http.Request, _ string) {
	q := r.URL.Query()
	back := url.Values{"state": {q.Get("state")}}
	if q.Get("decision") != "allow" {
		back.Set("error", "access_denied")
		back.Set("error_description", "The user denied the request")
	} else {
		code := newToken()
		s.mu.Lock()
		s.codes[code] = &oauthCode{email: q.Get("email"), name: q.Get("name"), provider: q.Get("provider")}
		s.mu.Unlock()
		back.Set("code", code)
	}
	path := "../callback?"
	if q.Get("provider") == "saml" {
		back = url.Values{"SAMLResponse": {back.Get("code")}, "RelayState": {q.Get("state")}}
		path = "../saml/acs?"
	}
	w.Header().Set("Location", path+back.Encode())
	w.WriteHeader(http.StatusFound)
}

// callback serves the provider callback: a 302 to the site with the token
// fragment, or with #error=…&error_description=….
func (s *Server) callback(w http.ResponseWriter, r *http.Request, _ string) {
	_ = r.ParseForm()
	s.completeExternal(w, r, r.FormValue("code"), r.FormValue("state"))
}

// samlACS serves POST /saml/acs; the emulated IdP's "assertion" is a code.
func (s *Server) samlACS(w http.ResponseWriter, r *http.Request, _ string) {
	_ = r.ParseForm()
	s.completeExternal(w, r, r.FormValue("SAMLResponse"), r.FormValue("RelayState"))
}

func (s *Server) completeExternal(w http.ResponseWriter, r *http.Request, code, rawState string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	state := &stateClaims{}
	stateErr := verifyJWT(rawState, s.cfg.OperatorToken, rc.now, state)
	target := s.redirectTarget(state, stateErr == nil)
	frag, err := s.externalLogin(rc, r, code, state, stateErr)
	if err != nil {
		frag = url.Values{"error": {oauthCodeFor(err)}, "error_description": {errText(err)}}
	}
	w.Header().Set("Location", target+"#"+frag.Encode())
	w.WriteHeader(http.StatusFound)
}

func (s *Server) redirectTarget(state *stateClaims, valid bool) string {
	switch {
	case s.cfg.ExternalRedirectURL != "":
		return s.cfg.ExternalRedirectURL
	case valid && state.Referrer != "":
		return state.Referrer
	}
	return s.cfg.SiteURL
}

func (s *Server) externalLogin(rc reqCtx, r *http.Request, code string, state *stateClaims, stateErr error) (url.Values, error) {
	if e := r.FormValue("error"); e != "" {
		return nil, oauthErr(e, r.FormValue("error_description"))
	}
	if stateErr != nil {
		return nil, badRequest("OAuth state is invalid: %v", stateErr)
	}
	c := s.codes[code]
	if c == nil {
		return nil, unauthorized("OAuth code is invalid or expired")
	}
	delete(s.codes, code)
	u, err := s.externalUser(rc, c, state.InviteToken)
	if err != nil {
		return nil, err
	}
	s.record(rc, u, "login")
	tr := s.issueTokens(rc, u)
	return url.Values{"access_token": {tr.AccessToken}, "expires_in": {fmt.Sprint(tr.ExpiresIn)},
		"refresh_token": {tr.RefreshToken}, "token_type": {tr.TokenType}}, nil
}

// externalUser finds or creates the user of an external login, accepting a
// pending invite when the state carries one.
func (s *Server) externalUser(rc reqCtx, c *oauthCode, invite string) (*user, *apiError) {
	var u *user
	if invite != "" {
		if u = s.invitedUser(invite); u == nil {
			return nil, notFound("User not found")
		}
		u.confirmationToken = ""
	} else if u = s.userByEmail(s.cfg.Aud, c.email); u == nil {
		if err := validateEmail(c.email); err != nil {
			return nil, err
		}
		u = s.newUser(rc, s.cfg.Aud, c.email)
	}
	u.readBack(rc)
	u.appMetadata = mergeMetadata(u.appMetadata, map[string]any{"provider": c.provider})
	if c.name != "" {
		u.userMetadata = mergeMetadata(u.userMetadata, map[string]any{"full_name": c.name})
	}
	if !u.confirmed() {
		u.confirmedAt = rc.stamp()
	}
	u.updatedAt = rc.stamp()
	return u, nil
}

// oauthCodeFor maps an error to the fragment's error code, as gotrue does.
func oauthCodeFor(err error) string {
	switch e := err.(type) {
	case *oauthError:
		return e.Err
	case *apiError:
		switch e.Code {
		case 400:
			return "invalid_request"
		case 401:
			return "unauthorized_client"
		case 403:
			return "access_denied"
		case 503:
			return "temporarily_unavailable"
		}
	}
	return "server_error"
}

func errText(err error) string {
	if e, ok := err.(*oauthError); ok {
		return e.Description
	}
	return err.Error()
}
