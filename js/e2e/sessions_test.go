//go:build !js

package e2e

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/stretchr/testify/assert"
)

// TestD8NetworkFailureKeepsSession: a refresh that gets no answer (the
// API unreachable, a 503) rejects with the error gotrue-js gives and keeps
// the current user, user.token and the stored session, and the next jwt()
// refreshes once the network is back; the server's 400 invalid_grant ends
// the session as in gotrue-js. validateCurrentSession offline resolves null
// and keeps the session; for a deleted user it clears it. (The 30 s timeout
// is TestServerNeverAnswers.)
func TestD8NetworkFailureKeepsSession(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "d8@example.com", nil)
	tb := s.open(t, "/ours.html")
	r := tb.run(`
		const auth = new GoTrue();
		let user = await auth.login('d8@example.com', 'secret', true);
		const state = (u) => ({ current: auth.currentUser() === u, token: !!u.token, stored: !!localStorage.getItem('gotrue.user') });
		const fail = async (u) => { const r = await settle(u.jwt(true)); return { error: r.error && r.error.name + ': ' + r.error.message, ...state(u) }; };
		const out = {};
		window.__fail = (path) => path.endsWith('/token');
		out.unreachable = await fail(user);
		window.__fail = null;
		window.__respond = (path) => path.endsWith('/token') ? { status: 503, statusText: 'Service Unavailable', type: 'text/plain', body: 'down' } : null;
		out.unavailable = await fail(user);
		window.__respond = null;
		out.back = typeof (await user.jwt(true));
		const stale = user.token.refresh_token;
		await user.jwt(true);
		user.token.refresh_token = stale;
		const t0 = Date.now();
		out.refused = await fail(user);
		out.refusedMs = Date.now() - t0;
		out.refused.current = auth.currentUser();
		user = await auth.login('d8@example.com', 'secret', true);
		window.__fail = () => true;
		out.validateOffline = { value: await auth.validateCurrentSession(), ...state(user) };
		window.__fail = null;
		out.validateOnline = (await auth.validateCurrentSession()) === user;
		return out;`)
	assert.Equal(t, map[string]any{"error": "TypeError: Failed to fetch", "current": true, "token": true, "stored": true}, r["unreachable"])
	assert.Equal(t, map[string]any{"error": "TextHTTPError: Service Unavailable", "current": true, "token": true, "stored": true}, r["unavailable"])
	assert.Equal(t, "string", r["back"], "the next call refreshes once the network is back")
	assert.Equal(t, map[string]any{"error": "JSONHTTPError: Bad Request", "current": nil, "token": false, "stored": false}, r["refused"],
		"invalid_grant ends the session, as in gotrue-js")
	// Storage holds the token this page obtained, and under the Web Lock no
	// other tab can be refreshing it: the refusal answers at once, where D5
	// alone waits up to 2 s for another tab's session.
	assert.Less(t, r["refusedMs"], 1500.0, "no wait for another tab")
	report("D8", fmt.Sprintf("offline and 503 refreshes keep the session; a refused refresh answered in %v ms", r["refusedMs"]))
	assert.Equal(t, map[string]any{"value": nil, "current": true, "token": true, "stored": true}, r["validateOffline"])
	assert.Equal(t, true, r["validateOnline"])

	// A deleted user: the server answers 404 to GET /user, which ends it.
	id := tb.run(`return { id: new GoTrue().currentUser().id };`)["id"].(string)
	s.operator(t, "DELETE", "/admin/users/"+id, "")
	r = tb.run(`const auth = new GoTrue(); return { value: await auth.validateCurrentSession(), current: auth.currentUser(), stored: localStorage.getItem('gotrue.user') };`)
	assert.Equal(t, map[string]any{"value": nil, "current": nil, "stored": nil}, r)
}

func init() {
	// Both pages give the five tabs of TestD9OneRefreshAcrossTabs the same
	// library; nolocks.html hides the Web Locks API first.
	pages["tabs/locks.html"] = pageFile(`<!doctype html><script src="/dist/gotrue.js"></script><script>window.lib = GoTrue;</script>`)
	pages["tabs/nolocks.html"] = pageFile(`<!doctype html><script>Object.defineProperty(Navigator.prototype, 'locks', { get() { return undefined; } });</script>` +
		`<script src="/dist/gotrue.js"></script><script>window.lib = GoTrue;</script>`)
}

// refreshCounter counts the refresh grants the site's identity API
// receives, and answers /_cookie with whether the request carried a
// non-empty nf_jwt cookie.
func refreshCounter(s *site) *atomic.Int64 {
	var n atomic.Int64
	mux := s.srv.Config.Handler.(*http.ServeMux)
	identity := http.StripPrefix("/.netlify/identity", s.emu)
	mux.Handle("/.netlify/identity/token", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.HasPrefix(string(body), "grant_type=refresh_token") {
			n.Add(1)
		}
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		identity.ServeHTTP(w, r)
	}))
	mux.HandleFunc("/_cookie", func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("nf_jwt")
		fmt.Fprint(w, err == nil && c.Value != "")
	})
	return &n
}

// TestD9OneRefreshAcrossTabs: five tabs of one browser share a remembered
// session (setCookie: true) whose token is expiring, and all call jwt() at
// the same moment. Under the Web Lock, the server sees one refresh: the
// other tabs adopt what the first stored, all five get the same access
// token, none is logged out, and the nf_jwt cookie the server set stays.
// Without Web Locks, D5 alone: every tab is still signed in, but the tabs
// send several refreshes, and the server's answer to a loser clears the
// cookie; the counts are reported.
//
// With JWTs shorter than the minute's margin (30 s), every jwt() refreshes
// and another tab's session is due the moment it is stored: under the lock
// the tabs that waited take it as it is, and the server still sees one
// refresh (before, five, one refresh token twice).
func TestD9OneRefreshAcrossTabs(t *testing.T) {
	cases := []struct {
		page string
		jwt  time.Duration
	}{
		{"/tabs/locks.html", time.Hour},
		{"/tabs/nolocks.html", time.Hour},
		{"/tabs/locks.html", 30 * time.Second},
	}
	for _, c := range cases {
		page := c.page
		t.Run(fmt.Sprintf("%s %v", page, c.jwt), func(t *testing.T) {
			s := newSite(t, gotruetest.WithJWTExp(c.jwt))
			s.confirmedUser(t, "five@example.com", nil)
			refreshes := refreshCounter(s)
			back := c.jwt - 30*time.Second // the session's token expires within the minute's margin
			s.emu.Advance(-back)
			first := s.open(t, page)
			first.run(`await new GoTrue({ setCookie: true }).login('five@example.com', 'secret', true); return {};`)
			s.emu.Advance(back) // the refresh gives a token of the full lifetime
			tabs := []*tab{first}
			for len(tabs) < 5 {
				tabs = append(tabs, first.openIn(page))
			}
			refreshes.Store(0) // the login's own (its token was expiring already)
			at := time.Now().Add(2 * time.Second).UnixMilli()
			results := make([]map[string]any, len(tabs))
			var wg sync.WaitGroup
			for i, tb := range tabs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					results[i] = tb.run(fmt.Sprintf(`
						const auth = new GoTrue({ setCookie: true });
						const user = auth.currentUser();
						await new Promise((r) => setTimeout(r, %d - Date.now()));
						const jwt = await settle(user.jwt());
						return { jwt: jwt.value, error: jwt.error && jwt.error.message, current: !!new GoTrue({ setCookie: true }).currentUser() };`, at))
				}()
			}
			wg.Wait()
			cookie := first.run(`return { set: await (await fetch('/_cookie')).json() };`)["set"]
			for i, r := range results {
				assert.Nil(t, r["error"], "tab %d", i)
				assert.Equal(t, true, r["current"], "tab %d is still signed in", i)
			}
			if page == "/tabs/locks.html" {
				assert.Equal(t, int64(1), refreshes.Load(), "one refresh request for five tabs")
				for i, r := range results {
					assert.Equal(t, results[0]["jwt"], r["jwt"], "tab %d has the same access token", i)
				}
				assert.Equal(t, true, cookie, "the nf_jwt cookie the server set is still there")
			}
			distinct := map[any]bool{}
			for _, r := range results {
				distinct[r["jwt"]] = true
			}
			report(fmt.Sprintf("D9 five tabs %s, %v JWTs", page, c.jwt), fmt.Sprintf("refresh requests %d, distinct access tokens %d, nf_jwt cookie kept %v", refreshes.Load(), len(distinct), cookie))
		})
	}
}
