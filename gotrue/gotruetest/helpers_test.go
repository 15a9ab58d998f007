package gotruetest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const prefix = "/.netlify/identity"

// env is one emulator mounted under Netlify's path on a test server.
type env struct {
	t   *testing.T
	srv *Server
	ts  *httptest.Server
}

func setup(t *testing.T, opts ...Option) *env {
	t.Helper()
	srv := New(opts...)
	mux := http.NewServeMux()
	mux.Handle(prefix+"/", http.StripPrefix(prefix, srv))
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return &env{t: t, srv: srv, ts: ts}
}

type resp struct {
	status int
	header http.Header
	body   string
}

func (r resp) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.body), &m), r.body)
	return m
}

// call sends a request; body is a string sent as is, with the Content-Type
// that headers give (JSON by default when there is a body).
func (e *env) call(method, path, body string, headers ...string) resp {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.ts.URL+prefix+path, rd)
	require.NoError(e.t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	require.NoError(e.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(e.t, err)
	return resp{status: res.StatusCode, header: res.Header, body: string(b)}
}

func (e *env) form(path string, v url.Values, headers ...string) resp {
	return e.call("POST", path, v.Encode(), append([]string{"Content-Type", "application/x-www-form-urlencoded"}, headers...)...)
}

func bearer(tok string) []string { return []string{"Authorization", "Bearer " + tok} }

// signupConfirmed creates a confirmed user with the password "secret" and
// returns its access and refresh tokens.
func (e *env) signupConfirmed(email string, headers ...string) (access, refresh string) {
	e.t.Helper()
	r := e.call("POST", "/signup", `{"email":"`+email+`","password":"secret"}`, headers...)
	require.Equal(e.t, 200, r.status, r.body)
	if _, ok := r.json(e.t)["confirmed_at"]; !ok {
		m, ok := e.srv.LastMail(email)
		require.True(e.t, ok)
		v := e.call("POST", "/verify", `{"type":"signup","token":"`+m.Token+`"}`, headers...)
		require.Equal(e.t, 200, v.status, v.body)
	}
	return e.login(email, "secret", headers...)
}

func (e *env) login(email, pw string, headers ...string) (access, refresh string) {
	e.t.Helper()
	r := e.form("/token", url.Values{"grant_type": {"password"}, "username": {email}, "password": {pw}}, headers...)
	require.Equal(e.t, 200, r.status, r.body)
	m := r.json(e.t)
	return m["access_token"].(string), m["refresh_token"].(string)
}

// fixedClock is a settable clock for tests that move time.
func fixedClock(t time.Time) func() time.Time { return func() time.Time { return t } }

// keys returns the top-level keys of a JSON object in wire order.
func keys(t *testing.T, body string) []string {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(body))
	tok, err := d.Token()
	require.NoError(t, err)
	require.Equal(t, json.Delim('{'), tok)
	var out []string
	for d.More() {
		k, err := d.Token()
		require.NoError(t, err)
		out = append(out, k.(string))
		var skip json.RawMessage
		require.NoError(t, d.Decode(&skip))
	}
	return out
}
