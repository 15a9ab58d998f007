//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gotrue-wasm/gotrue-wasm/example/devserver"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
)

// The network area loads each page as a site's visitor would, through a
// shaped link (link.go), side by side with gotrue-js 1.0.1's script tag:
// every file brotli-compressed as a CDN sends it, a 400 kB hero image on
// every page, the module and gotrue-js's script sent with the same caching
// headers as js/dist is (the hashed module immutable, the rest
// revalidated). Cold is a new browser profile; a repeat visit is the third
// in one profile.

// profiles are the links the area measures on.
var profiles = []struct {
	name     string
	megabits float64
	rtt      time.Duration
}{
	{"slow 4G (1.6 Mbit/s, 150 ms)", 1.6, 150 * time.Millisecond},
	{"cable (10 Mbit/s, 40 ms)", 10, 40 * time.Millisecond},
}

// netPage is a page of the network area for one library: its script tag,
// and what the page does with it.
func netPage(lib, body string) string {
	script, class := `<script src="/dist/gotrue.js"></script>`, `GoTrue`
	if lib == "ref" {
		script, class = `<script src="/ref/gotrue.js"></script>`, `GoTrue.default`
	}
	if os.Getenv("BENCH_NOLOCKS") != "" { // to see what D9's lock costs
		script = `<script>Object.defineProperty(Navigator.prototype, 'locks', { get() { return undefined; } });</script>` + script
	}
	return `<!doctype html><html><head><meta charset="utf-8"><title>A site</title><!--SESSION-->` + script +
		`<script>const G = ` + class + `; ` + body + `</script></head><body><h1>A site</h1>` +
		`<img src="/hero.png" width="320" height="320" alt="">` +
		`<p>` + strings.Repeat("Some of the page's own text. ", 40) + `</p></body></html>`
}

// The pages: an anonymous visitor's (currentUser() only); a returning
// visitor's, whose stored session has expired, and which calls jwt() at
// load (the server writes the session into the page first); a sign-in
// page (settings() when a modal opens 1 s after load, login() 3 s later,
// as a person types); and two that call settings() 100 ms after load, one
// with a low-priority prefetch in flight by then.
var netPages = map[string]string{
	"anon":   `new G().currentUser();`,
	"jwt":    `window.jwtAt = new G().currentUser().jwt().then(() => performance.now(), (e) => -1);`,
	"signin": `window.addEventListener('load', () => setTimeout(() => { const auth = new G(); const t1 = performance.now(); window.signin = auth.settings().then(() => performance.now() - t1).then((settings) => new Promise((r) => setTimeout(r, Math.max(0, 3000 - settings))).then(() => { const t2 = performance.now(); return auth.login('` + user + `', 'secret', true).then(() => ({ settings, login: performance.now() - t2 })); })); }, 1000));`,
	"call":   `window.addEventListener('load', () => setTimeout(() => { const t = performance.now(); window.called = new G().settings().then(() => performance.now() - t); }, 100));`,
	"forced": `window.jwtAt = new G().currentUser().jwt(true).then(() => performance.now(), (e) => -1);`,
}

// The "forced" pages are a returning visitor's on a site that caches every
// file for an hour (the page, the entry, the module, gotrue-js: public,
// max-age=3600), served under /cached/: the inline script right after the
// tag refreshes the stored session (jwt(true)), so every load sends a
// refresh and none revalidates a file. The session is written once, by the
// first load; later loads, from the cache, keep what the refresh stored.
const cachedPrefix = "/cached"

// netEnv is one site behind one shaped link.
type netEnv struct {
	link *link
	emu  *gotruetest.Server
	srv  *httptest.Server
}

func (b *built) netSites(refDir string, hero []byte) ([]*netEnv, error) {
	var sites []*netEnv
	for _, p := range profiles {
		emu := gotruetest.New(gotruetest.WithAutoconfirm(true))
		pages := map[string][]byte{}
		for name, body := range netPages {
			for _, lib := range []string{"ours", "ref"} {
				pages["/net/"+name+"-"+lib+".html"] = []byte(netPage(lib, body))
			}
		}
		pages["/net/prefetch-call-ours.html"] = []byte(strings.Replace(netPage("ours", netPages["call"]), `<script src="/dist/gotrue.js">`, `<script src="/dist/gotrue.js" data-prefetch>`, 1))
		for _, lib := range []string{"ours", "ref"} {
			page := strings.NewReplacer(`src="/dist/`, `src="`+cachedPrefix+`/dist/`, `src="/ref/`, `src="`+cachedPrefix+`/ref/`).Replace(string(pages["/net/forced-"+lib+".html"]))
			pages["/net/forced-"+lib+".html"] = []byte(page)
		}
		site := devserver.New(devserver.Config{Dist: b.dist, Emulator: emu})
		mux := http.NewServeMux()
		mux.Handle("/", site)
		mux.Handle("/ref/", http.StripPrefix("/ref", devserver.Dist(refDir)))
		mux.HandleFunc("/hero.png", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			w.Header().Set("Cache-Control", "public, max-age=3600")
			_, _ = w.Write(hero)
		})
		mux.HandleFunc("/net/", func(w http.ResponseWriter, r *http.Request) {
			page, ok := pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			if strings.HasPrefix(r.URL.Path, "/net/jwt-") || strings.HasPrefix(r.URL.Path, "/net/forced-") {
				session, err := expiredSession(emu)
				if err != nil {
					http.Error(w, err.Error(), 500)
					return
				}
				page = bytes.Replace(page, []byte("<!--SESSION-->"), []byte(`<script>if (!localStorage.getItem('gotrue.user')) localStorage.setItem('gotrue.user', `+session+`);</script>`), 1)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			_, _ = w.Write(page)
		})
		mux.Handle(cachedPrefix+"/", http.StripPrefix(cachedPrefix, cachedFor(time.Hour, mux)))
		l := newLink(p.name, p.megabits, p.rtt)
		srv := httptest.NewUnstartedServer(mux)
		l.serve(srv.Config)
		srv.Start()
		sites = append(sites, &netEnv{link: l, emu: emu, srv: srv})
		if err := ensureUserOn(srv.URL, emu); err != nil {
			return nil, err
		}
	}
	return sites, nil
}

// expiredSession signs the bench user in with the emulator's clock two
// hours behind, and returns the stored session (as JSON, for a script)
// that gotrue-js would have written: its access token has expired, its
// refresh token is good.
func expiredSession(emu *gotruetest.Server) (string, error) {
	emu.Advance(-2 * time.Hour)
	defer emu.Advance(2 * time.Hour)
	form := url.Values{"grant_type": {"password"}, "username": {user}, "password": {"secret"}}
	req := httptest.NewRequest("POST", "/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	emu.ServeHTTP(rec, req)
	if rec.Code != 200 {
		return "", fmt.Errorf("signing in the bench user: %d %s", rec.Code, rec.Body)
	}
	var tok map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &tok); err != nil {
		return "", err
	}
	tok["expires_at"] = float64(emu.Now().Add(-time.Hour).UnixMilli())
	session, err := json.Marshal(map[string]any{"token": tok, "url": "/.netlify/identity", "audience": "", "email": user})
	if err != nil {
		return "", err
	}
	quoted, err := json.Marshal(string(session))
	return string(quoted), err
}

func ensureUserOn(base string, emu *gotruetest.Server) error {
	body := `{"email":"` + user + `","password":"secret","confirm":true}`
	req := httptest.NewRequest("POST", "/admin/users", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+emu.Config().OperatorToken)
	rec := httptest.NewRecorder()
	emu.ServeHTTP(rec, req)
	if rec.Code != 200 {
		return fmt.Errorf("creating the bench user: %d %s", rec.Code, rec.Body)
	}
	return nil
}

// heroImage is a 400 kB PNG that does not compress: random pixels, stored.
func heroImage() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 320, 320))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(r.Uint32())
	}
	img.Set(0, 0, color.NRGBA{A: 255})
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.NoCompression}
	_ = enc.Encode(&b, img)
	return b.Bytes()
}

// netLoad is what one load of a network-area page showed, in ms from
// navigation start, and the bytes the link carried for it.
type netLoad struct {
	Hero     float64            `json:"hero"`
	JWT      float64            `json:"jwt"`
	Settings float64            `json:"settings"`
	Login    float64            `json:"login"`
	Called   float64            `json:"called"`
	Marks    map[string]float64 `json:"marks"`
	Bytes    int64              `json:"-"`
}

// netVisit loads page in ctx and waits for what it does, then 2 s more
// (so that anything fetched after the load event is counted).
func (n *netEnv) netVisit(ctx context.Context, page string) (netLoad, error) {
	before := n.link.sent.Load()
	if err := chromedp.Do(ctx, chromedp.Navigate(n.srv.URL+page)); err != nil {
		return netLoad{}, err
	}
	var l netLoad
	err := evalJSON(ctx, `
		const wait = async (f) => { for (const t0 = Date.now(); !f() && Date.now() - t0 < 120000; ) await new Promise((r) => setTimeout(r, 10)); };
		const hero = () => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/hero.png'));
		await wait(() => document.readyState === 'complete' && hero() && hero().responseEnd > 0);
		const out = { hero: hero().responseEnd };
		if (window.jwtAt) out.jwt = await window.jwtAt;
		if (document.title && window.addEventListener) await new Promise((r) => setTimeout(r, 0));
		if (location.pathname.includes('signin')) { await wait(() => window.signin); Object.assign(out, await window.signin); }
		if (location.pathname.includes('call')) { await wait(() => window.called); out.called = await window.called; }
		await new Promise((r) => setTimeout(r, 2000));
		out.marks = {};
		for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('gotrue-wasm:')) out.marks[m.name.slice(12)] = m.startTime;
		const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/gotrue.js'));
		if (entry) out.marks.entry = entry.responseEnd;
		const token = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/.netlify/identity/token'));
		if (token) { out.marks.sent = token.startTime; out.marks.answered = token.responseEnd; }
		if (out.jwt) out.marks.resolved = out.jwt;
		return out;`, &l)
	l.Bytes = n.link.sent.Load() - before
	return l, err
}

// fresh runs visits in a new browser profile (an empty cache).
func fresh(parent context.Context, visits func(ctx context.Context) error) error {
	ctx, cancel, err := tab(parent)
	if err != nil {
		return err
	}
	defer cancel()
	return visits(ctx)
}

// realNetwork measures the network area on every profile: medians of
// rounds loads, gotrue-wasm and gotrue-js taking turns.
func (e *env) realNetwork(t *table, b *built, rounds int) error {
	sites, err := b.netSites(e.refDir, heroImage())
	if err != nil {
		return err
	}
	defer func() {
		for _, s := range sites {
			s.srv.Close()
		}
	}()
	moduleBytes, err := brotliSize(b.dist)
	if err != nil {
		return err
	}
	for i, p := range profiles {
		if os.Getenv("BENCH_PROFILE") != "" && !strings.Contains(p.name, os.Getenv("BENCH_PROFILE")) {
			continue
		}
		n := sites[i]
		got := map[string][]netLoad{}
		record := func(key string, l netLoad) { got[key] = append(got[key], l) }
		// Each scenario is a visit, or visits, in a new browser profile.
		// BENCH_SCENARIO=jwt (or anon, signin, call) runs one, while working
		// on it; BENCH_PROFILE=cable one profile.
		visits := func(lib string) []struct {
			name string
			run  func(ctx context.Context) error
		} {
			one := func(page, key string) func(ctx context.Context) error {
				return func(ctx context.Context) error {
					l, err := n.netVisit(ctx, page)
					record(key, l)
					return err
				}
			}
			return []struct {
				name string
				run  func(ctx context.Context) error
			}{
				{"anon", one("/net/anon-"+lib+".html", "anon-"+lib)},
				{"jwt", func(ctx context.Context) error {
					l, err := n.netVisit(ctx, "/net/jwt-"+lib+".html")
					record("jwt-cold-"+lib, l)
					for v := 0; v < 2 && err == nil; v++ {
						l, err = n.netVisit(ctx, "/net/jwt-"+lib+".html")
					}
					record("jwt-repeat-"+lib, l)
					return err
				}},
				{"signin", one("/net/signin-"+lib+".html", "signin-"+lib)},
				{"forced", func(ctx context.Context) error {
					var l netLoad
					var err error
					for v := 0; v < 3 && err == nil; v++ {
						l, err = n.netVisit(ctx, cachedPrefix+"/net/forced-"+lib+".html")
					}
					record("forced-"+lib, l)
					return err
				}},
			}
		}
		only := os.Getenv("BENCH_SCENARIO")
		for r := 0; r < rounds; r++ {
			for _, lib := range []string{"ours", "ref"} {
				for _, v := range visits(lib) {
					if only != "" && only != v.name {
						continue
					}
					if err := fresh(e.ctx, v.run); err != nil {
						return fmt.Errorf("%s, %s, %s: %w", p.name, lib, v.name, err)
					}
				}
			}
			for _, page := range []string{"call-ours", "prefetch-call-ours"} {
				if only != "" && only != "call" {
					continue
				}
				if err := fresh(e.ctx, func(ctx context.Context) error {
					l, err := n.netVisit(ctx, "/net/"+page+".html")
					record(page, l)
					return err
				}); err != nil {
					return fmt.Errorf("%s, %s: %w", p.name, page, err)
				}
			}
		}
		if os.Getenv("BENCH_SAMPLES") != "" {
			for k, ls := range got {
				fmt.Fprintf(os.Stderr, "%s %-20s %+v\n", p.name, k, ls)
			}
		}
		med := func(key string, f func(netLoad) float64) float64 {
			var xs []float64
			for _, l := range got[key] {
				xs = append(xs, f(l))
			}
			return median(xs)
		}
		field := func(name string) func(netLoad) float64 {
			return func(l netLoad) float64 {
				switch name {
				case "hero":
					return l.Hero
				case "jwt":
					return l.JWT
				case "settings":
					return l.Settings
				case "login":
					return l.Login
				case "called":
					return l.Called
				case "bytes":
					return float64(l.Bytes)
				case "jwt after the entry": // the library's own part, without the navigation
					return l.JWT - l.Marks["entry"]
				}
				return l.Marks[name]
			}
		}
		jwtBudget := func(ref float64) string { return ms(ref+float64(moduleBytes)/n.link.rate*1000+150) + " budget" }
		rows := []struct {
			what, ours, ref, field, base string
			budget                       func(float64) string
		}{
			{"anonymous visitor, bytes pulled (target <= gotrue-js + 10 kB)", "anon-ours", "anon-ref", "bytes", " gotrue-js", nil},
			{"  hero image done, cold (target <= 1.05x)", "anon-ours", "anon-ref", "hero", " gotrue-js", nil},
			{"returning, module cached: first jwt() (target <= 1.2x)", "jwt-repeat-ours", "jwt-repeat-ref", "jwt", " gotrue-js", nil},
			{"  of which from the script's arrival", "jwt-repeat-ours", "jwt-repeat-ref", "jwt after the entry", " gotrue-js", nil},
			{"  hero image done (target <= 1.05x)", "jwt-repeat-ours", "jwt-repeat-ref", "hero", " gotrue-js", nil},
			{"returning, cold cache: first jwt()", "jwt-cold-ours", "jwt-cold-ref", "jwt", " gotrue-js", nil},
			{"  target: gotrue-js + module at the link's rate + 150 ms", "jwt-cold-ours", "jwt-cold-ref", "jwt", "", jwtBudget},
			{"  hero image done", "jwt-cold-ours", "jwt-cold-ref", "hero", " gotrue-js", nil},
			{"sign-in page: settings() as the modal opens, 1 s after load", "signin-ours", "signin-ref", "settings", " gotrue-js", nil},
			{"  login() 3 s later (target <= 1.2x on cable)", "signin-ours", "signin-ref", "login", " gotrue-js", nil},
			{"settings() 100 ms after load, low-priority prefetch in flight", "prefetch-call-ours", "call-ours", "called", " no prefetch", nil},
			{"returning, every file cached an hour: jwt(true) inline, third load (target <= 1.2x)", "forced-ours", "forced-ref", "jwt", " gotrue-js", nil},
			{"  of which from the script's arrival", "forced-ours", "forced-ref", "jwt after the entry", " gotrue-js", nil},
		}
		for _, row := range rows {
			if len(got[row.ours]) == 0 || len(got[row.ref]) == 0 {
				continue
			}
			f := field(row.field)
			o, r := med(row.ours, f), med(row.ref, f)
			if row.field == "bytes" {
				t.add("network", p.name+": "+row.what, kb(int(o)), kb(int(r))+row.base, o/r)
				continue
			}
			base := ms(r) + row.base
			if row.budget != nil {
				base = row.budget(r)
				r = r + float64(moduleBytes)/n.link.rate*1000 + 150
			}
			t.add("network", p.name+": "+row.what, ms(o), base, o/r)
		}
		// Where a repeat visit's time goes before Go runs, from the moment
		// the entry arrived (performance marks of the glue and the loader).
		phases := []struct{ what, from, to string }{
			{"the entry arrived -> the module asked for", "entry", "asked"}, {"the cached module read", "asked", "responded"},
			{"compiled (streamed)", "responded", "compiled"}, {"instantiated", "instantiate", "run"},
			{"Go's own start (go.run)", "run", "running"}, {"Go running -> the refresh sent", "running", "sent"},
			{"the refresh's round trip", "sent", "answered"}, {"answered -> jwt() resolved", "answered", "resolved"},
		}
		for _, visit := range []struct{ what, key string }{{"repeat visit", "jwt-repeat"}, {"cached an hour", "forced"}} {
			for _, ph := range phases {
				if len(got[visit.key+"-ours"]) == 0 {
					break
				}
				d := med(visit.key+"-ours", func(l netLoad) float64 { return l.Marks[ph.to] - l.Marks[ph.from] })
				t.add("network", p.name+":   "+visit.what+": "+ph.what, ms(d), "-", 0)
			}
			if len(got[visit.key+"-ref"]) > 0 {
				for _, ph := range []struct{ what, from, to string }{{"the entry arrived -> the refresh sent", "entry", "sent"}, {"the refresh's round trip", "sent", "answered"}} {
					d := med(visit.key+"-ref", func(l netLoad) float64 { return l.Marks[ph.to] - l.Marks[ph.from] })
					t.add("network", p.name+":   "+visit.what+", gotrue-js: "+ph.what, ms(d), "-", 0)
				}
			}
		}
	}
	return nil
}

// cachedFor serves h with every answer cacheable for d, whatever h says.
func cachedFor(d time.Duration, h http.Handler) http.Handler {
	value := fmt.Sprintf("public, max-age=%d", int(d.Seconds()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(cacheHeader{w, value}, r)
	})
}

// cacheHeader is a ResponseWriter that sets Cache-Control as the headers
// are written.
type cacheHeader struct {
	http.ResponseWriter
	value string
}

func (c cacheHeader) WriteHeader(status int) {
	c.Header().Set("Cache-Control", c.value)
	c.ResponseWriter.WriteHeader(status)
}

func (c cacheHeader) Write(b []byte) (int, error) {
	if c.Header().Get("Cache-Control") != c.value {
		c.Header().Set("Cache-Control", c.value)
	}
	return c.ResponseWriter.Write(b)
}

// brotliSize is the size of the hashed module as the link carries it.
func brotliSize(dist string) (int, error) {
	matches, err := filepath.Glob(filepath.Join(dist, "gotrue.*.wasm.br"))
	if err != nil || len(matches) != 1 {
		return 0, fmt.Errorf("the hashed module in %s: %v %v", dist, matches, err)
	}
	fi, err := os.Stat(matches[0])
	if err != nil {
		return 0, err
	}
	return int(fi.Size()), nil
}
