//go:build !js

package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoLeakOverCycles runs 2,000 login/jwt/logout cycles: the live
// js.Funcs, the Promises Go awaits and the goroutines return to their
// baseline (a leaked callback, a lost settlement or a stuck goroutine
// would grow them).
func TestNoLeakOverCycles(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "cycle@example.com", nil)
	tb := s.open(t, "/sync.html")
	tb.run(`
		window.stats = GoTrue[Symbol.for('gotrue-wasm.stats')];
		window.auth = new GoTrue();
		window.cycle = async () => { const u = await auth.login('cycle@example.com', 'secret', true); await u.jwt(); await u.jwt(true); await u.logout(); };
		await cycle();
		// Goroutines end a moment after the Promise they settle: poll until the
		// count is want's, or (without want) the same twice 100 ms apart.
		window.settled = async (want) => {
			const wait = () => new Promise((r) => setTimeout(r, 100));
			let s = stats();
			for (const t0 = Date.now(); Date.now() - t0 < 30000; ) {
				await wait();
				const next = stats();
				if (want ? next.goroutines === want.goroutines : next.goroutines === s.goroutines) return next;
				s = next;
			}
			return s;
		};
		window.before = await settled();
		return {};`)
	for chunk := 0; chunk < 8; chunk++ { // 8 x 250 cycles, each well inside one evaluation's time limit
		tb.run(`for (let i = 0; i < 250; i++) await cycle(); return {};`)
	}
	r := tb.run(`return { before, after: await settled(before) };`)
	before, after := r["before"].(map[string]any), r["after"].(map[string]any)
	assert.Equal(t, before["funcs"], after["funcs"], "live js.Funcs")
	assert.Equal(t, before["awaits"], after["awaits"], "Promises Go awaits")
	assert.Equal(t, before["goroutines"], after["goroutines"], "goroutines")
	assert.Equal(t, before["calls"], after["calls"], "calls under way in Go")
	report("leaks", fmt.Sprintf("2000 cycles: js.Funcs %v -> %v, awaited Promises %v -> %v, goroutines %v -> %v, calls under way %v -> %v, wasm memory %v -> %v bytes",
		before["funcs"], after["funcs"], before["awaits"], after["awaits"], before["goroutines"], after["goroutines"], before["calls"], after["calls"], before["wasmMemory"], after["wasmMemory"]))
}

// collectGarbage runs a full garbage collection in the tab's page.
func (tb *tab) collectGarbage() {
	tb.t.Helper()
	require.NoError(tb.t, chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, heapprofiler.CollectGarbage, cdp.Empty{})
		return err
	})))
}

// TestInstancesReleased makes and drops 10,000 GoTrue instances (each
// asked for its current user and its settings, as a component per render
// would) and 1,000 Users made by page code. Go keeps nothing per object (the
// objects are the state, read when a call starts), so once the calls have
// settled nothing of theirs is left in Go: no call under way, no goroutine,
// no awaited Promise; and once the page has collected the objects, Go's
// memory stops growing with more rounds of 10,000.
func TestInstancesReleased(t *testing.T) {
	s := newSite(t)
	tb := s.open(t, "/sync.html")
	before := tb.run(`window.stats = GoTrue[Symbol.for('gotrue-wasm.stats')]; window.keep = new GoTrue(); await keep.settings(); await new Promise((r) => setTimeout(r, 100)); return stats(true);`)
	round := `const calls = [];
		for (let i = 0; i < 10000; i++) { const g = new GoTrue({ APIUrl: '/.netlify/identity' }); g.currentUser(); if (i % 10 === 0) calls.push(g.settings()); }
		for (let i = 0; i < 1000; i++) new GoTrue.User(keep.api, { access_token: 'a.b.c' }, '');
		keep.currentUser().clearSession();
		await Promise.all(calls);
		await new Promise((r) => setTimeout(r, 100));
		return stats(true);`
	first := tb.run(round)
	tb.collectGarbage()
	second := tb.run(round)
	for _, k := range []string{"calls", "awaits", "goroutines", "funcs"} {
		assert.Equal(t, before[k], first[k], k)
		assert.Equal(t, before[k], second[k], k)
	}
	// A leak grows Go's memory with every round. The high-water mark of
	// 1,000 calls under way at once depends on when they settle, and may
	// move up once: then the third round must find it where the second
	// left it.
	last := second
	if second["wasmMemory"] != first["wasmMemory"] {
		tb.collectGarbage()
		last = tb.run(round)
		assert.Equal(t, second["wasmMemory"], last["wasmMemory"], "Go's memory at a plateau after three rounds of 10,000")
	}
	report("instances", fmt.Sprintf("rounds of (10,000 new GoTrue(), 1,000 settings(), 1,000 new User()): calls under way %v -> %v, goroutines %v -> %v, wasm memory %v -> %v -> %v -> %v bytes",
		before["calls"], last["calls"], before["goroutines"], last["goroutines"], before["wasmMemory"], first["wasmMemory"], second["wasmMemory"], last["wasmMemory"]))
}
