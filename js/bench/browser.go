//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/gotrue-wasm/gotrue-wasm/example/devserver"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
)

// probe is the first script of every start-up page: it records the
// main thread's long tasks (over 50 ms) from the start of the page, and
// when the page reached the library's script tag (beforeLib).
const probe = `<script>window.beforeLib = performance.now(); window.longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });</script>`

// answered marks when the page's first currentUser() has answered.
const answered = `window.readyAt = performance.now();`

var pages = fstest.MapFS{
	// What a page pays before its first currentUser() answers.
	"ours-script.html": {Data: []byte(`<!doctype html>` + probe + `<script src="/dist/gotrue.js"></script><script>new GoTrue().currentUser(); ` + answered + ` window.lib = GoTrue;</script>`)},
	"ours-module.html": {Data: []byte(`<!doctype html>` + probe + `<script type="module">import G from '/dist/gotrue.mjs'; new G().currentUser(); ` + answered + ` window.lib = G;</script>`)},
	"ours-inline.html": {Data: []byte(`<!doctype html>` + probe + `<script src="/dist/gotrue.inline.js"></script><script>new GoTrue().currentUser(); ` + answered + ` window.lib = GoTrue;</script>`)},
	"ref.html":         {Data: []byte(`<!doctype html>` + probe + `<script src="/ref/gotrue.js"></script><script>new GoTrue.default().currentUser(); ` + answered + ` window.lib = GoTrue.default;</script>`)},
	"ref-module.html":  {Data: []byte(`<!doctype html>` + probe + `<script type="module">import G from '/ref/index.js'; new G().currentUser(); ` + answered + ` window.lib = G;</script>`)},
	// The first call that needs Go, made at once with a stored session.
	"ours-first.html": {Data: []byte(`<!doctype html>` + probe + `<script src="/dist/gotrue.js"></script><script>` + answered +
		`window.firstCall = new GoTrue().currentUser().getUserData().then(() => performance.now());</script>`)},
	"floor.html":        {Data: []byte(`<!doctype html>` + probe + `<script type="module">await import('/floor/floor.mjs'); window.readyAt = performance.now();</script>`)},
	"floor-safejs.html": {Data: []byte(`<!doctype html>` + probe + `<script type="module">await import('/floor/floor-safejs.mjs'); window.readyAt = performance.now();</script>`)},
	"ours-sync.html":    {Data: []byte(`<!doctype html><script src="/dist/gotrue.js"></script><script>window.lib = GoTrue; GoTrue.ready.then(() => { window.readyAt = performance.now(); });</script>`)},
	"floor-sync.html":   {Data: []byte(`<!doctype html><script type="module">await import('/floor/floor.mjs'); window.readyAt = performance.now();</script>`)},
	"both.html":         {Data: []byte(`<!doctype html><script src="/ref/gotrue.js"></script><script type="module">import G from '/dist/gotrue.mjs'; window.ours = G; window.ref = GoTrue.default; await G.ready; window.readyAt = performance.now();</script>`)},
}

// env is one site (emulator, library, floor, gotrue-js) and one Chromium.
type env struct {
	emu    *gotruetest.Server
	srv    *httptest.Server
	refDir string // gotrue-js's files, as served
	ctx    context.Context
	cancel func()
}

func (b *built) browser(tmp string) (*env, error) {
	emu := gotruetest.New(gotruetest.WithAutoconfirm(true))
	mux := http.NewServeMux()
	mux.Handle("/", devserver.New(devserver.Config{Pages: pages, Dist: b.dist, Emulator: emu}))
	mux.Handle("/floor/", http.StripPrefix("/floor", devserver.Dist(b.floorDir)))
	// gotrue-js is served as our entries are, by the same handler (the same
	// caching headers: a repeat visit revalidates both), from a copy.
	refDir := filepath.Join(tmp, "ref")
	for name, file := range map[string]string{"gotrue.js": b.ref, "index.js": b.refModule} {
		if err := copyFile(file, filepath.Join(refDir, name)); err != nil {
			return nil, err
		}
		// brotli too, as a CDN sends it and as js/dist's entries are sent
		if err := brotliCopy(file, filepath.Join(refDir, name+".br")); err != nil {
			return nil, err
		}
	}
	mux.Handle("/ref/", http.StripPrefix("/ref", devserver.Dist(refDir)))
	srv := httptest.NewServer(mux)
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("js-flags", "--expose-gc"), chromedp.Flag("enable-precise-memory-info", true),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		srv.Close()
		return nil, fmt.Errorf("starting %s: %w", chromium, err)
	}
	return &env{emu: emu, srv: srv, ctx: ctx, refDir: refDir, cancel: func() { cancel(); cancelAlloc(); srv.Close() }}, nil
}

func (e *env) close() { e.cancel() }

// tab opens a page in a new browser context (an empty cache) with the
// DevTools network agent off, as a visitor's browser has it: chromedp turns
// it on, and it keeps a copy of every response body as it arrives, which
// slowed reading the 3.2 MB module from the cache by a third.
func tab(parent context.Context) (context.Context, func(), error) {
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	if _, err := chromedp.Call(ctx, network.Disable, cdp.Empty{}); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// page opens path in a fresh browser context (an empty cache) and waits
// for window.readyAt.
func (e *env) page(path string) (context.Context, func(), error) {
	ctx, cancel, err := tab(e.ctx)
	if err != nil {
		return nil, nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(e.srv.URL+path)); err != nil {
		cancel()
		return nil, nil, err
	}
	_, err = eval[float64](ctx, `new Promise((r) => { const p = () => window.readyAt !== undefined ? r(window.readyAt) : setTimeout(p, 5); p(); })`)
	return ctx, cancel, err
}

func eval[T any](ctx context.Context, js string) (T, error) {
	c, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	return chromedp.Run(c, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// evalJSON runs an async body and decodes its result.
func evalJSON(ctx context.Context, body string, v any) error {
	s, err := eval[string](ctx, `(async () => JSON.stringify(await (async () => {`+body+`})()))()`)
	if err != nil {
		return err
	}
	return json.Unmarshal([]byte(s), v)
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func percentile(xs []float64, p float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	i := int(p * float64(len(s)-1))
	return s[i]
}

// load is one page load's figures, in ms from navigation start.
type load struct {
	Ready    float64     // the first currentUser() answered (the floor: Go runs)
	Before   float64     // the page reached the library's script tag
	First    float64     // the first call that needed Go resolved (ours-first.html)
	Long     [][]float64 // long tasks: start, duration
	Run, Ran float64     // gotrue-wasm's marks around go.run, if Go started
}

// visit loads path in a fresh browser context (an empty cache) and, with
// repeat, once more in the same context (a repeat visit), and returns the
// figures of the last load, 300 ms after it answered and Go started when
// idle (so that long tasks are reported).
func (e *env) visit(path string, repeat bool, before func(context.Context) error) (load, error) {
	ctx, cancel, err := tab(e.ctx)
	if err != nil {
		return load{}, err
	}
	defer cancel()
	if before != nil {
		if err := before(ctx); err != nil {
			return load{}, err
		}
	}
	var l load
	for n := 0; n < 1 || repeat && n < 2; n++ {
		if err := chromedp.Do(ctx, chromedp.Navigate(e.srv.URL+path)); err != nil {
			return l, err
		}
		err := evalJSON(ctx, `await new Promise((r) => { const p = () => window.readyAt !== undefined ? r() : setTimeout(p, 5); p(); });
			const first = window.firstCall ? await window.firstCall : 0;
			if (window.lib && window.lib[Symbol.for('gotrue-wasm.stats')] && localStorage.getItem('gotrue.user')) { // with a session stored, wait for Go's start
				for (const t0 = Date.now(); !performance.getEntriesByName('gotrue-wasm:running').length && Date.now() - t0 < 10000; ) await new Promise((r) => setTimeout(r, 20));
			}
			await new Promise((r) => setTimeout(r, 300));
			const mark = (n) => (performance.getEntriesByName(n)[0] || {}).startTime || 0;
			return { ready: window.readyAt, before: window.beforeLib, first, long: window.longTasks, run: mark('gotrue-wasm:run'), ran: mark('gotrue-wasm:running') };`, &l)
		if err != nil {
			return l, err
		}
	}
	return l, nil
}

// longBefore is the long-task time, over the 50 ms each may take, before
// the moment at (0: the whole load), leaving out the task that ran Go.
func longBefore(l load, at float64) float64 {
	total := 0.0
	for _, t := range l.Long {
		start, d := t[0], t[1]
		if at > 0 && start >= at || l.Run > 0 && start <= l.Run && l.Run <= start+d {
			continue
		}
		total += d - 50
	}
	return total
}

// goStart is the long task that ran Go (instantiate and go.run), or the
// time between the marks when it was under 50 ms.
func goStart(l load) float64 {
	for _, t := range l.Long {
		if t[0] <= l.Run && l.Run <= t[0]+t[1] {
			return t[1]
		}
	}
	return l.Ran - l.Run
}

// startup measures what a page pays at load: the time to the first
// currentUser() answer for each default entry, cold and on a repeat visit,
// against gotrue-js loaded the same way; the main thread's long tasks before
// the first call that needs Go, and Go's own start; the first call that
// needs Go, made at once, against the floor program's ready time. The pages
// take turns load by load, so a drift of the machine touches them all alike.
func (e *env) startup(t *table, loads int) error {
	e.ensureUser()
	login := func(ctx context.Context) error {
		if err := chromedp.Do(ctx, chromedp.Navigate(e.srv.URL+"/ours-script.html")); err != nil {
			return err
		}
		_, err := eval[bool](ctx, `new GoTrue().login('`+user+`', 'secret', true).then(() => true)`)
		return err
	}
	type run struct {
		path   string
		repeat bool
		before func(context.Context) error
	}
	runs := []run{{"/ours-script.html", false, nil}, {"/ours-module.html", false, nil}, {"/ours-inline.html", false, nil},
		{"/ref.html", false, nil}, {"/ref-module.html", false, nil}, {"/ours-script.html", true, nil}, {"/ours-module.html", true, nil},
		{"/ref.html", true, nil}, {"/ref-module.html", true, nil}, {"/ours-first.html", false, login}, {"/floor.html", false, nil},
		{"/floor-safejs.html", false, nil}}
	got := map[int][]load{}
	for i := 0; i < loads; i++ {
		for k, r := range runs {
			l, err := e.visit(r.path, r.repeat, r.before)
			if err != nil {
				return fmt.Errorf("%s: %w", r.path, err)
			}
			got[k] = append(got[k], l)
		}
	}
	med := func(k int, f func(load) float64) float64 {
		var xs []float64
		for _, l := range got[k] {
			xs = append(xs, f(l))
		}
		return median(xs)
	}
	ready := func(l load) float64 { return l.Ready }
	// libPart is the time from the library's script tag to the answer:
	// the library's own cost, without the navigation before it, which
	// spreads single loads from 20 to 130 ms on this machine.
	libPart := func(l load) float64 { return l.Ready - l.Before }
	if os.Getenv("BENCH_SAMPLES") != "" {
		for k, r := range runs {
			var xs []float64
			for _, l := range got[k] {
				xs = append(xs, l.Ready)
			}
			fmt.Fprintf(os.Stderr, "%-20s repeat=%v %v\n", r.path, r.repeat, xs)
		}
	}
	for _, c := range []struct {
		what      string
		ours, ref int
	}{
		{"first currentUser(), script tag, cold (target <= 1.2x)", 0, 3}, {"first currentUser(), ES module, cold (target <= 1.2x)", 1, 4},
		{"first currentUser(), inline script, cold", 2, 3}, {"first currentUser(), script tag, repeat visit (target <= 1.2x)", 5, 7},
		{"first currentUser(), ES module, repeat visit (target <= 1.2x)", 6, 8},
	} {
		o, r := med(c.ours, ready), med(c.ref, ready)
		t.add("start-up", c.what, ms(o), ms(r)+" gotrue-js", o/r)
		o, r = med(c.ours, libPart), med(c.ref, libPart)
		t.add("start-up", "  of which from the script tag to the answer", ms(o), ms(r)+" gotrue-js", o/r)
	}
	refLong := med(3, func(l load) float64 { return longBefore(l, 0) })
	for _, c := range []struct {
		what string
		k    int
	}{{"script tag", 0}, {"ES module", 1}, {"inline script", 2}} {
		long := med(c.k, func(l load) float64 { return longBefore(l, 0) })
		t.add("start-up", "long tasks over 50 ms at load, "+c.what+" (target 0)", ms(long), ms(refLong)+" gotrue-js", 0)
	}
	first, floor := med(9, func(l load) float64 { return l.First }), med(10, ready)
	t.add("start-up", "first getUserData() called at load resolved (target <= 1.2x)", ms(first), ms(floor)+" floor ready", first/floor)
	t.add("start-up", "  long tasks over 50 ms before it, Go's start aside", ms(med(9, func(l load) float64 { return longBefore(l, l.First) })), "0 ms", 0)
	t.add("start-up", "  Go's own start (instantiate, go.run)", ms(med(9, goStart)), "-", 0)
	t.add("start-up", "  floor + safejs (given), ready", ms(med(11, ready)), ms(floor)+" floor ready", med(11, ready)/floor)
	return nil
}

const user = "bench@example.com"

func (e *env) ensureUser() {
	body := `{"email":"` + user + `","password":"secret","confirm":true}`
	req, _ := http.NewRequest("POST", e.srv.URL+"/.netlify/identity/admin/users", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+e.emu.Config().OperatorToken)
	if res, err := http.DefaultClient.Do(req); err == nil {
		res.Body.Close()
	}
}

// perCall times n calls of expr in the page, in µs per call, median of 7.
const perCall = `const time = (f, n) => { const runs = []; for (let r = 0; r < 7; r++) { const t0 = performance.now(); for (let i = 0; i < n; i++) f(); runs.push((performance.now() - t0) * 1000 / n); } runs.sort((a, b) => a - b); return runs[3]; };`

// syncCalls times the synchronous methods against the boundary floor and
// gotrue-js. Each is measured in three rounds, the pages alternating, and
// the median round is kept: one page load on a 2-core machine can be 30 %
// off the next.
func (e *env) syncCalls(t *table) error {
	e.ensureUser()
	calls := `const auth = new lib(); const user = await auth.login('` + user + `', 'secret', true);
		return { currentUser: time(() => auth.currentUser(), 5000), tokenDetails: time(() => user.tokenDetails(), 5000),
			loginExternalUrl: time(() => auth.loginExternalUrl('github'), 5000) };`
	pages := []struct{ path, body string }{
		{"/floor-sync.html", `return { floor: time(() => floorCall(), 5000) };`},
		{"/ours-sync.html", calls},
		{"/ref.html", calls},
	}
	rounds := map[string][]float64{}
	for round := 0; round < 3; round++ {
		for _, p := range pages {
			ctx, cancel, err := e.page(p.path)
			if err != nil {
				return err
			}
			var got map[string]float64
			err = evalJSON(ctx, perCall+p.body, &got)
			cancel()
			if err != nil {
				return err
			}
			for k, v := range got {
				rounds[p.path+" "+k] = append(rounds[p.path+" "+k], v)
			}
		}
	}
	floor := median(rounds["/floor-sync.html floor"])
	for _, m := range []string{"currentUser", "tokenDetails", "loginExternalUrl"} {
		ours, ref := median(rounds["/ours-sync.html "+m]), median(rounds["/ref.html "+m])
		t.add("sync call", m+"() / trivial Go call (target <= 1.5x)", us(ours), us(floor)+" floor", ours/floor)
		t.add("sync call", m+"() / gotrue-js", us(ours), us(ref)+" gotrue-js", ours/ref)
	}
	return nil
}

// evalBoth runs body in a page that has both libraries, with the bench
// user signed up and libs = { ours, ref } a GoTrue of each.
func (e *env) evalBoth(body string, v any) error {
	e.ensureUser()
	ctx, cancel, err := e.page("/both.html")
	if err != nil {
		return err
	}
	defer cancel()
	return evalJSON(ctx, `const libs = { ours: new window.ours(), ref: new window.ref() };
		`+body, v)
}

// network times each operation 40 times against the emulator, both
// libraries in one page taking turns operation by operation, so both meet
// the same machine at the same moment. Sessions are not remembered, so
// neither library sees the other's in localStorage. Each call starts 5 ms
// after the last one settled, as a page's calls follow its user: what a
// library does after its call has settled (gotrue-wasm's Go collection, a
// millisecond later) is timed in no call, its own or the other library's.
func (e *env) network(t *table) error {
	body := `const out = { ours: {}, ref: {} };
		const idle = () => new Promise((r) => setTimeout(r, 5));
		const time = async (lib, k, f) => { const t0 = performance.now(); await f(); (out[lib][k] ||= []).push(performance.now() - t0); await idle(); };
		const users = {};
		for (let i = 0; i < 40; i++) {
			for (const lib of ['ours', 'ref']) await time(lib, 'login', async () => { users[lib] = await libs[lib].login('` + user + `', 'secret', false); });
			for (const lib of ['ours', 'ref']) await time(lib, 'getUserData', () => users[lib].getUserData());
			for (const lib of ['ours', 'ref']) await time(lib, 'update', () => users[lib].update({ data: { n: i } }));
			for (const lib of ['ours', 'ref']) await time(lib, 'jwt(true)', () => users[lib].jwt(true));
		}
		return out;`
	var res map[string]map[string][]float64
	if err := e.evalBoth(body, &res); err != nil {
		return err
	}
	for _, op := range []string{"login", "getUserData", "update", "jwt(true)"} {
		o, r := res["ours"][op], res["ref"][op]
		t.add("network", op+" p50 (target <= 1.15x)", ms(median(o)), ms(median(r))+" gotrue-js", median(o)/median(r))
		t.add("network", op+" p95", ms(percentile(o, 0.95)), ms(percentile(r, 0.95))+" gotrue-js", percentile(o, 0.95)/percentile(r, 0.95))
	}
	return nil
}

// overhead splits a call's time where the server is not: from the call to
// the request leaving (the page's fetch called), inside fetch (its
// synchronous part), and from the answer's arrival (fetch's Promise
// settled) to the call settling; each library's median of 100 settings()
// and 100 getUserData() calls, interleaved, 5 ms apart. The server's time
// is in none of them, so they hold on a busy machine (to 0.1 ms, the
// page's clock).
func (e *env) overhead(t *table) error {
	body := `const users = { ours: await libs.ours.login('` + user + `', 'secret', false), ref: await libs.ref.login('` + user + `', 'secret', false) };
		const real = window.fetch;
		let sent = 0, answered = 0;
		let inside = 0;
		window.fetch = (...args) => { sent = performance.now(); const p = real(...args); inside = performance.now() - sent; return p.then((r) => { answered = performance.now(); return r; }); };
		const out = { ours: {}, ref: {} };
		const calls = { getUserData: (lib) => users[lib].getUserData(), settings: (lib) => libs[lib].settings() };
		for (let i = 0; i < 100; i++) {
			for (const [op, call] of Object.entries(calls)) {
				for (const lib of ['ours', 'ref']) {
					const t0 = performance.now();
					await call(lib);
					const t1 = performance.now();
					(out[lib][op + ' before'] ||= []).push(sent - t0);
					(out[lib][op + ' after'] ||= []).push(t1 - answered);
					(out[lib][op + ' inside'] ||= []).push(inside);
					await new Promise((r) => setTimeout(r, 5));
				}
			}
		}
		window.fetch = real;
		return out;`
	var res map[string]map[string][]float64
	if err := e.evalBoth(body, &res); err != nil {
		return err
	}
	for _, op := range []string{"settings", "getUserData"} {
		for _, k := range []string{"before", "inside", "after"} {
			what := map[string]string{"before": "from the call to the request leaving", "inside": "inside fetch", "after": "from the answer to the call settling"}[k]
			o, r := median(res["ours"][op+" "+k]), median(res["ref"][op+" "+k])
			ratio := 0.0
			if r > 0 {
				ratio = o / r
			}
			t.add("network", op+" p50, "+what, fmt.Sprintf("%.2f ms", o), fmt.Sprintf("%.2f ms gotrue-js", r), ratio)
		}
	}
	return nil
}

// storm: 1,000 concurrent jwt() calls on an expiring token.
func (e *env) storm(t *table) error {
	e.ensureUser()
	body := `const auth = new lib(); const user = await auth.login('` + user + `', 'secret', true);
		await new Promise((r) => setTimeout(r, 1100));
		const before = await (await fetch('/_bench/refreshes')).json();
		const t0 = performance.now();
		const all = await Promise.all(Array.from({ length: 1000 }, () => user.jwt()));
		const ms = performance.now() - t0;
		const after = await (await fetch('/_bench/refreshes')).json();
		return { ms, requests: after - before, same: all.every((j) => j === all[0]) };`
	mux := e.srv.Config.Handler.(*http.ServeMux)
	mux.HandleFunc("/_bench/refreshes", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, e.emu.RefreshTokenCount())
	})
	res := map[string]struct {
		MS       float64
		Requests int
		Same     bool
	}{}
	for _, p := range []string{"/ours-sync.html", "/ref.html"} {
		e.emu.Advance(-3600e9 + 30e9) // tokens issued now expire within the 60 s margin
		ctx, cancel, err := e.page(p)
		if err == nil {
			var r struct {
				MS       float64
				Requests int
				Same     bool
			}
			err = evalJSON(ctx, body, &r)
			res[p] = r
			cancel()
		}
		e.emu.Advance(3600e9 - 30e9)
		if err != nil {
			return err
		}
	}
	o, r := res["/ours-sync.html"], res["/ref.html"]
	t.add("storm", "1,000 concurrent jwt(): refresh requests (must be 1)", fmt.Sprint(o.Requests), fmt.Sprint(r.Requests)+" gotrue-js", 0)
	t.add("storm", "1,000 concurrent jwt(): total time", ms(o.MS), ms(r.MS)+" gotrue-js", o.MS/r.MS)
	return nil
}

// memory: wasm linear memory and JS heap after 1k and after n cycles.
func (e *env) memory(t *table, n int) error {
	e.ensureUser()
	ctx, cancel, err := e.page("/ours-sync.html")
	if err != nil {
		return err
	}
	defer cancel()
	body := `const stats = lib[Symbol.for('gotrue-wasm.stats')]; const auth = new lib();
		const cycle = async () => { const u = await auth.login('` + user + `', 'secret', true); await u.jwt(); await u.logout(); };
		const snap = async () => { gc(); await new Promise((r) => setTimeout(r, 100)); gc(); const s = stats(); return { wasm: s.wasmMemory, heap: performance.memory.usedJSHeapSize, funcs: s.funcs, awaits: s.awaits, goroutines: s.goroutines }; };
		for (let i = 0; i < 1000; i++) await cycle();
		const k1 = await snap();
		for (let i = 1000; i < ` + fmt.Sprint(n) + `; i++) await cycle();
		const kn = await snap();
		return { k1, kn };`
	var r struct{ K1, Kn map[string]float64 }
	if err := evalJSON(ctx, body, &r); err != nil {
		return err
	}
	label := fmt.Sprintf("after %dk cycles / after 1k (target flat)", n/1000)
	t.add("memory", "wasm linear memory "+label, kb(int(r.Kn["wasm"])), kb(int(r.K1["wasm"])), r.Kn["wasm"]/r.K1["wasm"])
	t.add("memory", "JS heap "+label, kb(int(r.Kn["heap"])), kb(int(r.K1["heap"])), r.Kn["heap"]/r.K1["heap"])
	t.add("memory", "js.Funcs, awaits, goroutines "+label, fmt.Sprintf("%v, %v, %v", r.Kn["funcs"], r.Kn["awaits"], r.Kn["goroutines"]), fmt.Sprintf("%v, %v, %v", r.K1["funcs"], r.K1["awaits"], r.K1["goroutines"]), 0)
	return nil
}

// largeOptions is the JS heap a page keeps after 100 _request calls each
// given an 8 MB option: Go is handed no page object, so what a call was
// given is the page's to collect as soon as the call settles, as with
// gotrue-js (measured after the page's collector ran, Go's not). A page's
// first calls leave the engine's compiled code and feedback for the
// library behind, once, in steps: 1,000 small calls come first, and what
// they add is its own row; then three rounds of 100 large calls, and the
// median of what each round kept.
func (e *env) largeOptions(t *table) error {
	body := `const auth = new lib();
		await auth.settings();
		const settle = async () => { for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setTimeout(r, 100)); } return performance.memory.usedJSHeapSize; };
		const start = await settle();
		for (let i = 0; i < 1000; i++) await auth._request('/settings', { payload: { small: i } });
		let last = await settle();
		const warmUp = last - start, kept = [];
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < 100; i++) await auth._request('/settings', { payload: { big: 'x'.repeat(8 << 20) + i } });
			const now = await settle();
			kept.push(now - last);
			last = now;
		}
		return { warmUp, kept: kept.sort((a, b) => a - b)[1] };`
	type heap struct{ WarmUp, Kept float64 }
	got := map[string]heap{}
	for _, page := range []string{"/ours-sync.html", "/ref.html"} {
		ctx, cancel, err := e.page(page)
		if err != nil {
			return err
		}
		var r heap
		err = evalJSON(ctx, body, &r)
		cancel()
		if err != nil {
			return err
		}
		got[page] = r
	}
	o, r := got["/ours-sync.html"], got["/ref.html"]
	t.add("memory", "JS heap a page's first 1,000 _request calls add (compiled code, once)", kb(int(o.WarmUp)), kb(int(r.WarmUp))+" gotrue-js", 0)
	t.add("memory", "JS heap kept by 100 more, each with an 8 MB option, median of 3 (target <= 2x; under 1 kB is noise)", kb(int(o.Kept)), kb(int(r.Kept))+" gotrue-js", math.Max(o.Kept, 1024)/math.Max(r.Kept, 1024))
	return nil
}

// instances: calls under way in Go, wasm memory and JS heap after
// making and dropping n GoTrue instances (an SPA making one per render),
// against the same after n/10.
func (e *env) instances(t *table, n int) error {
	ctx, cancel, err := e.page("/ours-sync.html")
	if err != nil {
		return err
	}
	defer cancel()
	body := `const stats = lib[Symbol.for('gotrue-wasm.stats')];
		const make = (k) => { for (let i = 0; i < k; i++) new lib().currentUser(); };
		const snap = async () => { for (let i = 0; i < 3; i++) { stats(true); await new Promise((r) => setTimeout(r, 50)); gc(); await new Promise((r) => setTimeout(r, 100)); }
			const s = stats(); return { wasm: s.wasmMemory, heap: performance.memory.usedJSHeapSize, calls: s.calls, goroutines: s.goroutines }; };
		make(` + fmt.Sprint(n/10) + `);
		const small = await snap();
		make(` + fmt.Sprint(n-n/10) + `);
		const large = await snap();
		return { small, large };`
	var r struct{ Small, Large map[string]float64 }
	if err := evalJSON(ctx, body, &r); err != nil {
		return err
	}
	label := fmt.Sprintf("after %dk new GoTrue() / after %dk (target flat)", n/1000, n/10000)
	t.add("memory", "wasm linear memory "+label, kb(int(r.Large["wasm"])), kb(int(r.Small["wasm"])), r.Large["wasm"]/r.Small["wasm"])
	t.add("memory", "JS heap "+label, kb(int(r.Large["heap"])), kb(int(r.Small["heap"])), r.Large["heap"]/r.Small["heap"])
	t.add("memory", "Go calls under way, goroutines "+label, fmt.Sprintf("%v, %v", r.Large["calls"], r.Large["goroutines"]), fmt.Sprintf("%v, %v", r.Small["calls"], r.Small["goroutines"]), 0)
	return nil
}
