package gotruetest

import (
	"net/http"
	"strings"
)

// CORS as rs/cors v1.11 configured by netlify/gotrue: every origin, the
// methods below, a fixed header list, credentials allowed.
var (
	corsMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "DELETE": true}
	corsHeaders = map[string]bool{
		"accept": true, "authorization": true, "content-type": true, "x-jwt-aud": true, "x-use-cookie": true,
		"origin": true, // rs/cors always allows Origin.
	}
)

// handlePreflight answers an OPTIONS request that carries
// Access-Control-Request-Method and reports whether it did. The CORS headers
// are added only when the method and every requested header are allowed;
// the requested headers must come lowercase, sorted and comma-separated
// without spaces, as browsers send them.
func handlePreflight(w http.ResponseWriter, r *http.Request) bool {
	reqMethod := r.Header.Get("Access-Control-Request-Method")
	if r.Method != http.MethodOptions || reqMethod == "" {
		return false
	}
	h := w.Header()
	h.Add("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
	origin := r.Header.Get("Origin")
	reqHeaders := r.Header.Get("Access-Control-Request-Headers")
	if origin != "" && corsMethods[strings.ToUpper(reqMethod)] && headersAllowed(reqHeaders) {
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Allow-Methods", strings.ToUpper(reqMethod))
		if reqHeaders != "" {
			h.Set("Access-Control-Allow-Headers", reqHeaders)
		}
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	w.WriteHeader(http.StatusNoContent)
	return true
}

func headersAllowed(list string) bool {
	if list == "" {
		return true
	}
	prev := ""
	for _, name := range strings.Split(list, ",") {
		if !corsHeaders[name] || name <= prev {
			return false
		}
		prev = name
	}
	return true
}

// addCORSHeaders adds the headers of an actual request: Vary always, and
// the allow pair when an Origin is present and the method is allowed.
func addCORSHeaders(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Add("Vary", "Origin")
	if r.Header.Get("Origin") == "" || !(corsMethods[r.Method] || r.Method == http.MethodOptions) {
		return
	}
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Credentials", "true")
}
