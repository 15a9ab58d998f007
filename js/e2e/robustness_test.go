//go:build !js

package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Storage fault pages: each breaks localStorage in its own way before the
// library loads.
func init() {
	faults := map[string]string{
		"missing":       `Object.defineProperty(window, 'localStorage', { configurable: true, value: undefined });`,
		"throws-read":   `Storage.prototype.getItem = function () { throw new DOMException('denied', 'SecurityError'); };`,
		"throws-write":  `Storage.prototype.setItem = function () { throw new DOMException('denied', 'SecurityError'); }; Storage.prototype.removeItem = Storage.prototype.setItem;`,
		"quota":         `Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };`,
		"blocked":       `Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });`,
		"corrupt":       `localStorage.setItem('gotrue.user', '{"token":{"access_token":"eyJhbGciOiJIUzI1NiJ9.e30.secret-looking');`,
		"wrong-types":   `localStorage.setItem('gotrue.user', '{"token":5,"url":["x"],"id":{},"email":null}');`,
		"not-an-object": `localStorage.setItem('gotrue.user', '"a string"');`,
		"other-api-url": `localStorage.setItem('gotrue.user', JSON.stringify({ token: { access_token: 'a.eyJleHAiOjE4MDAwMDAwMDB9.b', refresh_token: 'r' }, url: 'https://elsewhere.example/.netlify/identity', audience: '', id: 'x', email: 'elsewhere@example.com' }));`,
	}
	for name, js := range faults {
		pages["storage-"+name+".html"] = pageFile(`<!doctype html><script>` + js + `</script><script src="/dist/gotrue.js"></script><script>window.lib = window.GoTrue; window.libReady = GoTrue.ready;</script>`)
	}
}

// TestStorageFaults: whatever localStorage does, currentUser() never
// throws and a remembered login works (D4).
func TestStorageFaults(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "store@example.com", nil)
	faults := []string{"missing", "throws-read", "throws-write", "quota", "blocked", "corrupt", "wrong-types", "not-an-object", "other-api-url"}
	lost := 0
	for _, f := range faults {
		t.Run(f, func(t *testing.T) {
			tb := s.open(t, "/storage-"+f+".html")
			r := tb.run(`
				const auth = new GoTrue();
				const out = {};
				try { const u = auth.currentUser(); out.before = u ? { email: u.email, url: u.url } : null; } catch (e) { out.threw = String(e); }
				const user = await auth.login('store@example.com', 'secret', true);
				await user.update({ data: { n: 1 } });
				try { out.after = auth.currentUser() === user; } catch (e) { out.threw = String(e); }
				out.jwt = typeof (await user.jwt(true));
				return out;`)
			assert.NotContains(t, r, "threw", "currentUser() never throws")
			assert.Equal(t, true, r["after"])
			assert.Equal(t, "string", r["jwt"])
			if r["after"] != true {
				lost++
			}
			if f == "other-api-url" {
				assert.Equal(t, map[string]any{"email": "elsewhere@example.com", "url": "/.netlify/identity"}, r["before"],
					"as gotrue-js: the stored session is taken up with the caller's API")
			}
			assert.NotContains(t, tb.messages(), "secret-looking", "no stored token in the console (D6)")
		})
	}
	report("storage faults", fmt.Sprintf("faults %d, currentUser() throws 0, sessions lost %d", len(faults), lost))
}

// TestServerNeverAnswers: a refresh against a server that never answers
// settles after gotrue-js's 30 s with its error, and keeps the session
// (D8), which refreshes once the server answers.
func TestServerNeverAnswers(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	s.confirmedUser(t, "hang@example.com", nil)
	hang := make(chan struct{})
	t.Cleanup(func() { close(hang) })
	mux := s.srv.Config.Handler.(*http.ServeMux)
	mux.HandleFunc("/hang/", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	})
	tb := s.open(t, "/sync.html")
	start := time.Now()
	r := tb.run(`
		const user = await new GoTrue().login('hang@example.com', 'secret', true);
		const api = new GoTrue({ APIUrl: '/hang' }).api;
		const stuck = new GoTrue.User(api, { access_token: user.token.access_token, refresh_token: user.token.refresh_token }, '');
		const t0 = Date.now();
		const jwt = await settle(stuck.jwt(true));
		const seconds = (Date.now() - t0) / 1000;
		const token = !!stuck.token;
		stuck.api = user.api;
		const again = await settle(stuck.jwt(true));
		return { jwt, seconds, token, again: typeof again.value, alive: typeof new GoTrue().settings === 'function' && !!(await new GoTrue().settings()) };`)
	assert.Equal(t, "Token refresh timeout", r["jwt"].(map[string]any)["error"].(map[string]any)["message"])
	// Not before 30 s; after it as soon as a loaded machine gets to it.
	assert.GreaterOrEqual(t, r["seconds"].(float64), 29.9)
	assert.Less(t, r["seconds"].(float64), 120.0)
	assert.Equal(t, true, r["token"], "a timeout keeps the session (D8)")
	assert.Equal(t, "string", r["again"], "and the next call, to a server that answers, refreshes")
	assert.Equal(t, true, r["alive"])
	require.Less(t, time.Since(start), 3*time.Minute)
}

// TestManyTabs: two tabs of one browser share a remembered session and
// refresh at the same moment against rotating refresh tokens; neither is
// logged out (D5). A logout in one logs the other out (gotrue-js 1.0.1).
func TestManyTabs(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "tabs@example.com", nil)
	s.emu.Advance(-2 * 3600e9) // tokens look expired to the pages: every jwt() refreshes
	a := s.open(t, "/sync.html")
	tokens := a.run(`const u = await new GoTrue().login('tabs@example.com', 'secret', true); return { access: u.token.access_token, refresh: u.token.refresh_token };`)
	b := a.openIn("/sync.html")
	lost := 0
	for round := 0; round < 5; round++ {
		var wg sync.WaitGroup
		results := make([]map[string]any, 2)
		for i, tb := range []*tab{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = tb.run(`const u = new GoTrue().currentUser(); const r = await settle(u.jwt()); return { ok: typeof r.value === 'string', error: r.error && r.error.message };`)
			}()
		}
		wg.Wait()
		for i, tb := range []*tab{a, b} {
			r := tb.run(`const u = new GoTrue().currentUser(); return { in: !!u, jwt: u ? typeof (await u.jwt()) : null };`)
			if r["in"] != true || r["jwt"] != "string" {
				lost++
				t.Errorf("round %d: tab %d lost its session: %v (its refresh gave %v)", round, i, r, results[i])
			}
		}
		s.emu.Advance(2e9)
	}
	a.run(`await new GoTrue().currentUser().logout(); return {};`)
	// The storage event reaches the other tab asynchronously, as browsers deliver it.
	r := b.run(`for (let i = 0; i < 100 && new GoTrue().currentUser(); i++) await new Promise((r) => setTimeout(r, 20));
		return { current: new GoTrue().currentUser() };`)
	assert.Nil(t, r["current"], "a logout in one tab logs the other out")
	for _, tb := range []*tab{a, b} {
		for _, secret := range []string{tokens["access"].(string), tokens["refresh"].(string)} {
			assert.False(t, strings.Contains(tb.messages(), secret), "no token in the console (D6)")
		}
	}
	report("many tabs", fmt.Sprintf("2 tabs x 5 simultaneous refreshes, sessions lost %d", lost))
}

// TestRefreshRaceSettles is the core's TestRefreshFlightsAlwaysEnd as page
// code would meet it: jwt(true), getUserData, logout and clearSession on one
// user at once, over and over, while setItem throws now and then. Every
// Promise settles, and a session made afterwards refreshes normally.
func TestRefreshRaceSettles(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	s.confirmedUser(t, "race@example.com", nil)
	tb := s.open(t, "/sync.html")
	r := tb.run(`
		const auth = new GoTrue();
		const setItem = Storage.prototype.setItem;
		let n = 0;
		Storage.prototype.setItem = function (...a) { if (++n % 3 === 0) throw new DOMException('full', 'QuotaExceededError'); return setItem.apply(this, a); };
		const timeout = (p) => Promise.race([p.then(() => 'settled', () => 'settled'), new Promise((r) => setTimeout(() => r('unsettled'), 60000))]);
		const counts = { settled: 0, unsettled: 0 };
		for (let round = 0; round < 40; round++) {
			const user = await auth.login('race@example.com', 'secret', true);
			const calls = [];
			for (let i = 0; i < 8; i++) {
				switch (i % 4) {
				case 0: calls.push(user.jwt(true)); break;
				case 1: calls.push(user.getUserData()); break;
				case 2: calls.push(user.logout()); break;
				default: calls.push(Promise.resolve().then(() => user.clearSession()));
				}
			}
			for (const k of await Promise.all(calls.map(timeout))) counts[k]++;
		}
		Storage.prototype.setItem = setItem;
		const after = await auth.login('race@example.com', 'secret', true);
		counts.after = typeof (await after.jwt(true)) === 'string';
		return counts;`)
	assert.Equal(t, 0.0, r["unsettled"], "Promises that never settled")
	assert.Equal(t, 320.0, r["settled"])
	assert.Equal(t, true, r["after"])
	report("refresh race", fmt.Sprintf("40 rounds of jwt(true), getUserData, logout and clearSession at once: %v settled, %v unsettled", r["settled"], r["unsettled"]))
}
