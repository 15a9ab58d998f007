package gotruetest

import (
	"net/http"
	"strings"
)

// router matches exact paths and one-segment parameters ({id}), answering a
// plain-text 404 for unknown paths and an empty 405 for a known path with
// another method, as chi does in netlify/gotrue.
type router struct {
	routes []route
}

type route struct {
	parts   []string
	methods map[string]func(http.ResponseWriter, *http.Request, string)
}

func (rt *router) handle(method, pattern string, h func(http.ResponseWriter, *http.Request, string)) {
	parts := strings.Split(strings.Trim(pattern, "/"), "/")
	for i := range rt.routes {
		if strings.Join(rt.routes[i].parts, "/") == strings.Join(parts, "/") {
			rt.routes[i].methods[method] = h
			return
		}
	}
	rt.routes = append(rt.routes, route{parts: parts, methods: map[string]func(http.ResponseWriter, *http.Request, string){method: h}})
}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, ro := range rt.routes {
		param, ok := ro.match(r.URL.Path)
		if !ok {
			continue
		}
		h, ok := ro.methods[r.Method]
		if !ok && r.Method == http.MethodHead {
			h, ok = ro.methods[http.MethodGet]
		}
		if !ok {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		h(w, r, param)
		return
	}
	http.NotFound(w, r)
}

func (ro route) match(path string) (string, bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) != len(ro.parts) || path == "" || (strings.HasSuffix(path, "/") && path != "/") {
		return "", false
	}
	param := ""
	for i, p := range ro.parts {
		switch {
		case p == "{id}":
			param = parts[i]
		case p != parts[i]:
			return "", false
		}
	}
	return param, true
}

func (s *Server) routes() *router {
	rt := &router{}
	rt.handle("GET", "/health", s.health)
	rt.handle("GET", "/settings", s.settings)
	rt.handle("POST", "/signup", s.signup)
	rt.handle("POST", "/verify", s.verify)
	rt.handle("POST", "/token", s.token)
	rt.handle("GET", "/user", s.getUser)
	rt.handle("PUT", "/user", s.putUser)
	rt.handle("POST", "/recover", s.recover)
	rt.handle("POST", "/invite", s.invite)
	rt.handle("POST", "/logout", s.logout)
	rt.handle("GET", "/admin/users", s.adminList)
	rt.handle("POST", "/admin/users", s.adminCreate)
	rt.handle("GET", "/admin/users/{id}", s.adminGet)
	rt.handle("PUT", "/admin/users/{id}", s.adminUpdate)
	rt.handle("DELETE", "/admin/users/{id}", s.adminDelete)
	rt.handle("GET", "/admin/audit", s.adminAudit)
	rt.handle("GET", "/authorize", s.authorize)
	rt.handle("GET", "/callback", s.callback)
	rt.handle("POST", "/callback", s.callback)
	rt.handle("POST", "/saml/acs", s.samlACS)
	rt.handle("GET", "/fake-provider/authorize", s.fakeProviderPage)
	rt.handle("GET", "/fake-provider/approve", s.fakeProviderApprove)
	return rt
}
