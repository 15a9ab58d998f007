//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder wraps fetch before the library loads, on both pages, and keeps
// what the contract names of every request to the identity API. A scenario
// can make requests fail (__fail: TypeError: Failed to fetch), answer them
// itself (__fault for every request, __respond(path, init) for some) or
// delay them (__delay(path, init): milliseconds).
const recorder = `<script>
window.__requests = [];
const __fetch = window.fetch;
window.fetch = function (input, init) {
  init = init || {};
  const url = new URL(typeof input === 'string' ? input : input.url, location.href);
  if (url.pathname.startsWith('/.netlify/identity')) {
    const h = new Headers(init.headers || {});
    const headers = {};
    for (const k of ['content-type', 'authorization', 'x-jwt-aud', 'x-use-cookie', 'x-nf-client', 'x-extra']) if (h.has(k)) headers[k] = h.get(k);
    let bodyKeys = null;
    if (typeof init.body === 'string') {
      try { bodyKeys = Object.keys(JSON.parse(init.body)); } catch { bodyKeys = [...new URLSearchParams(init.body).keys()]; }
    }
    const grant = typeof init.body === 'string' && init.body.startsWith('grant_type=refresh_token') ? init.body.slice(init.body.indexOf('refresh_token=') + 14) : undefined;
    window.__requests.push({ method: init.method || 'GET', path: url.pathname + url.search, headers, bodyKeys, credentials: init.credentials || null, refreshToken: grant });
    if (window.__fail && window.__fail(url.pathname, init)) return Promise.reject(new TypeError('Failed to fetch'));
    const f = window.__respond ? window.__respond(url.pathname, init) : window.__fault;
    if (f) return Promise.resolve(new Response(f.body, { status: f.status, statusText: f.statusText, headers: f.type ? { 'Content-Type': f.type } : {} }));
    const ms = window.__delay && window.__delay(url.pathname, init);
    if (ms) { const args = arguments; return new Promise((r) => setTimeout(r, ms)).then(() => __fetch.apply(this, args)); }
  }
  return __fetch.apply(this, arguments);
};
</script>`

func init() {
	pages["ref.html"] = pageFile(`<!doctype html>` + recorder + `<script src="/ref/gotrue.js"></script>` +
		`<script>window.lib = Object.assign(window.GoTrue.default, { User: GoTrue.User, Admin: GoTrue.Admin, HTTPError: GoTrue.HTTPError, TextHTTPError: GoTrue.TextHTTPError, JSONHTTPError: GoTrue.JSONHTTPError });</script>`)
	// ours-cold.html keeps Go from starting when the page is idle, so each
	// scenario's first calls are made before Go runs (the first one that needs
	// it starts it); ours.html waits for GoTrue.ready first.
	pages["ours-cold.html"] = pageFile(`<!doctype html>` + recorder + `<script>window.requestIdleCallback = () => 0;</script><script src="/dist/gotrue.js"></script><script>window.lib = window.GoTrue;</script>`)
	pages["ours.html"] = pageFile(`<!doctype html>` + recorder + `<script src="/dist/gotrue.js"></script><script>window.lib = window.GoTrue; window.libReady = GoTrue.ready;</script>`)
}

// harness is the scenario runtime, the same on both pages: step() records
// what a page can observe after each call.
const harness = `
const lib = GoTrue;
const record = [];
const show = (v) => v instanceof lib.User ? { user: JSON.parse(JSON.stringify(v)), keys: Object.keys(v), proto: v.constructor === lib.User }
  : v === undefined ? { undefined: true } : { json: JSON.parse(JSON.stringify(v)) };
const showErr = (e) => e instanceof Error ? { name: e.name, message: e.message, status: e.status, json: e.json, data: e.data,
  isHTTP: e instanceof lib.HTTPError, isJSON: e instanceof lib.JSONHTTPError, isText: e instanceof lib.TextHTTPError,
  stringified: JSON.stringify(e), string: String(e) } : { thrown: String(e) };
const step = async (name, fn) => {
  const out = { name };
  try { out.value = show(await fn()); } catch (e) { out.error = showErr(e); }
  out.storage = localStorage.getItem('gotrue.user');
  out.requests = window.__requests.splice(0);
  record.push(out);
  return out;
};
const inbox = async (email) => (await (await fetch('/_inbox')).json()).find((m) => m.to.toLowerCase() === email.toLowerCase());
`

// scenario runs the same JavaScript against gotrue-js and gotrue-wasm.
type scenario struct {
	name  string
	setup func(t *testing.T, s *site)
	site  []gotruetest.Option // how the site's emulator is configured
	js    string
	// reload, when set, is run after a reload of the page (a second act);
	// beforeReload, when set, runs first (on the site, between the acts).
	reload       string
	beforeReload func(t *testing.T, s *site)
	// observes names steps and what their record on gotrue-js must hold.
	observes map[string]string
}

// allowed lists the deliberate differences (D-numbers of the contract) a
// scenario's steps may show, by scenario/step (a scenario run before Go
// starts has the same ones); anything else must be equal.
var allowed = map[string]string{
	"refresh failure/jwt(true) offline": d8Keeps,
	"refresh failure/after":             d8Keeps,
	"refresh failure/jwt again":         d8Keeps,
	"validateCurrentSession/offline":    d8Keeps,
	"validateCurrentSession/after":      d8Keeps,
	// The fault matrix: a refresh, or validateCurrentSession, that gets no
	// answer, or a 5xx, keeps the session; every other cell is equal.
	"network faults/jwt(true) / refused":               d8Keeps,
	"network faults/jwt(true) / 500 HTML":              d8Keeps,
	"network faults/jwt(true) / 500 JSON":              d8Keeps,
	"network faults/validateCurrentSession / refused":  d8Keeps,
	"network faults/validateCurrentSession / 500 HTML": d8Keeps,
	"network faults/validateCurrentSession / 500 JSON": d8Keeps,
}

// d8Keeps is why a refresh, or validateCurrentSession, that got no answer
// from the server differs: the session stays (D8).
const d8Keeps = "D8: no answer from the server (offline, the timeout, a 5xx) keeps the session"

// allowedSuffix lists differences allowed for every step whose name ends so.
var allowedSuffix = map[string]string{
	"200 malformed JSON": "D6: the SyntaxError's message does not quote the body, which may hold a token",
}

func allowedFor(scenario, step string) (string, bool) {
	if r, ok := allowed[strings.TrimSuffix(scenario, beforeGo)+"/"+step]; ok {
		return r, true
	}
	for suffix, r := range allowedSuffix {
		if strings.HasSuffix(scenario+"/"+step, suffix) {
			return r, true
		}
	}
	return "", false
}

// beforeGo names the run of a scenario whose first calls are made before Go
// runs.
const beforeGo = " (before Go starts)"

var (
	tableMu sync.Mutex
	table   [][4]string
)

// TestConformance runs every scenario, the live-state family included, on
// gotrue-js 1.0.1 and on gotrue-wasm twice: once with Go started before the
// scenario, once with its first calls made before Go runs (D2).
func TestConformance(t *testing.T) {
	requireTools(t)
	for _, sc := range append(append(scenarios(), liveScenarios()...), endScenarios()...) {
		t.Run(sc.name, func(t *testing.T) {
			ref := runScenario(t, sc, "/ref.html")
			compare(t, sc.name, ref, runScenario(t, sc, "/ours.html"))
			compare(t, sc.name+beforeGo, ref, runScenario(t, sc, "/ours-cold.html"))
		})
	}
	writeTable(t)
}

func runScenario(t *testing.T, sc scenario, page string) []map[string]any {
	t.Helper()
	return runActs(t, sc, page, "GoTrue", harness)
}

// runActs runs a scenario on page of a new site: its JavaScript in an async
// function whose parameter (named param) is window.lib, after the harness;
// then, if it has one, the second act after a reload.
func runActs(t *testing.T, sc scenario, page, param, harness string) []map[string]any {
	t.Helper()
	s := newSite(t, sc.site...)
	if sc.setup != nil {
		sc.setup(t, s)
	}
	tb := s.open(t, page)
	act := func(js string) []map[string]any {
		return decodeSteps(t, tb.evalRaw(`(async (`+param+`) => {`+harness+js+`; return record; })(window.lib)`))
	}
	steps := act(sc.js)
	if sc.reload != "" {
		if sc.beforeReload != nil {
			sc.beforeReload(t, s)
		}
		tb.reload()
		steps = append(steps, act(sc.reload)...)
	}
	return steps
}

func decodeSteps(t *testing.T, raw json.RawMessage) []map[string]any {
	var steps []map[string]any
	require.NoError(t, json.Unmarshal(raw, &steps))
	return steps
}

// compare checks the two records step by step, after normalising the
// values that differ between any two runs (ids, tokens, timestamps).
func compare(t *testing.T, name string, ref, ours []map[string]any) {
	t.Helper()
	require.Equal(t, len(ref), len(ours), "number of steps")
	nr, no := newNormaliser(), newNormaliser()
	for i := range ref {
		step := fmt.Sprint(ref[i]["name"])
		sr, so := nr, no
		if _, ok := allowedFor(name, step); ok {
			// A step that may differ numbers what it shows on copies, so that
			// a token only one side shows does not shift the numbers of the
			// steps after it.
			sr, so = nr.clone(), no.clone()
		}
		a, b := sr.json(withoutName(ref[i])), so.json(withoutName(ours[i]))
		if step != fmt.Sprint(ours[i]["name"]) {
			a, b = step, fmt.Sprint(ours[i]["name"])
		}
		verdict := "equal"
		if a != b {
			if reason, ok := allowedFor(name, step); ok {
				verdict = "allowed: " + reason
			} else {
				verdict = "DIFFERENT"
				assert.Equal(t, a, b, "step %q", step)
			}
		}
		addRow(name+" / "+step, summary(ref[i]), summary(ours[i]), verdict)
	}
}

// withoutName drops the step's name, which the normaliser must not touch.
func withoutName(step map[string]any) map[string]any {
	out := make(map[string]any, len(step))
	for k, v := range step {
		if k != "name" {
			out[k] = v
		}
	}
	return out
}

func summary(step map[string]any) string {
	if e, ok := step["error"].(map[string]any); ok {
		return fmt.Sprintf("%v: %v", e["name"], e["message"])
	}
	if v, ok := step["value"].(map[string]any); ok {
		switch {
		case v["user"] != nil:
			return "User"
		case v["undefined"] != nil:
			return "undefined"
		}
		b, _ := json.Marshal(v["json"])
		if len(b) > 40 {
			b = append(b[:37], "..."...)
		}
		return string(b)
	}
	return "?"
}

var (
	jwtRe   = regexp.MustCompile(`eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`)
	uuidRe  = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	tokRe   = regexp.MustCompile(`[^A-Za-z0-9_-][A-Za-z0-9_-]{22}[^A-Za-z0-9_-]`) // with its delimiters
	timeRe  = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`)
	msRe    = regexp.MustCompile(`\b1\d{12}\b`)
	hostRe  = regexp.MustCompile(`http://(127\.0\.0\.1|[a-z.-]+\.test):\d+`) // each run's site has its own port
	tokenRe = []*regexp.Regexp{uuidRe, tokRe}
)

// normaliser numbers each distinct id or refresh token by first
// appearance, so equal structure compares equal across runs. JWTs are not
// numbered: two logins within one second get the same JWT, so whether two
// are equal depends on timing; scenarios compare them explicitly instead.
type normaliser struct{ seen map[string]string }

func newNormaliser() *normaliser { return &normaliser{seen: map[string]string{}} }

func (n *normaliser) clone() *normaliser {
	c := newNormaliser()
	for k, v := range n.seen {
		c.seen[k] = v
	}
	return c
}

func (n *normaliser) json(v any) string {
	b, _ := json.Marshal(v)
	s := jwtRe.ReplaceAllString(string(b), "<jwt>")
	for i, re := range tokenRe {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			pre, core, post := "", m, ""
			if re == tokRe {
				pre, core, post = m[:1], m[1:len(m)-1], m[len(m)-1:]
			}
			r, ok := n.seen[core]
			if !ok {
				r = fmt.Sprintf("<%d#%d>", i, len(n.seen))
				n.seen[core] = r
			}
			return pre + r + post
		})
	}
	s = timeRe.ReplaceAllString(s, "<time>")
	s = hostRe.ReplaceAllString(s, "<site>")
	return msRe.ReplaceAllString(s, "<ms>")
}

func addRow(scenario, ref, ours, verdict string) {
	tableMu.Lock()
	defer tableMu.Unlock()
	table = append(table, [4]string{scenario, ref, ours, verdict})
}

// writeTable prints the suite's table to artifacts/conformance.txt (make
// test shows it) and to the test log.
func writeTable(t *testing.T) {
	tableMu.Lock()
	defer tableMu.Unlock()
	sort.SliceStable(table, func(i, j int) bool { return table[i][0] < table[j][0] })
	var b strings.Builder
	fmt.Fprintf(&b, "%-58s | %-40s | %-40s | %s\n", "scenario / step", "gotrue-js 1.0.1", "gotrue-wasm", "verdict")
	b.WriteString(strings.Repeat("-", 160) + "\n")
	for _, r := range table {
		fmt.Fprintf(&b, "%-58s | %-40s | %-40s | %s\n", clip(r[0], 58), clip(r[1], 40), clip(r[2], 40), r[3])
	}
	t.Log("\n" + b.String())
	root, err := moduleRoot()
	if err == nil {
		_ = os.MkdirAll(filepath.Join(root, "artifacts"), 0o755)
		_ = os.WriteFile(filepath.Join(root, "artifacts", "conformance.txt"), []byte(b.String()), 0o644)
	}
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
