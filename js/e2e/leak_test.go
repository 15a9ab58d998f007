//go:build !js

package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

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
	assert.Equal(t, before["clients"], after["clients"])
	report("leaks", fmt.Sprintf("2000 cycles: js.Funcs %v -> %v, awaited Promises %v -> %v, goroutines %v -> %v, user handles %v -> %v (released as the page collects them), wasm memory %v -> %v bytes",
		before["funcs"], after["funcs"], before["awaits"], after["awaits"], before["goroutines"], after["goroutines"], before["users"], after["users"], before["wasmMemory"], after["wasmMemory"]))
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
// asked for its current user, as a component per render would) and 1,000
// Users made by page code: once the page has collected them, the Go
// clients, users and API entries behind them return to their baseline.
// Collection and the FinalizationRegistry's callbacks come when the engines
// choose, so the test runs Go's collector (whose finalizers drop Go's
// references to the objects) and the page's, and polls until the counts
// are back, with a generous deadline.
func TestInstancesReleased(t *testing.T) {
	s := newSite(t)
	tb := s.open(t, "/sync.html")
	before := tb.run(`window.stats = GoTrue[Symbol.for('gotrue-wasm.stats')]; window.keep = new GoTrue(); return stats();`)
	tb.run(`for (let i = 0; i < 10000; i++) new GoTrue({ APIUrl: '/.netlify/identity' }).currentUser();
		for (let i = 0; i < 1000; i++) new GoTrue.User(keep.api, { access_token: 'a.b.c' }, '');
		keep.currentUser().clearSession();
		const s = stats(); return { made: s.clients };`)
	var after map[string]any
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); {
		tb.run(`stats(true); await new Promise((r) => setTimeout(r, 50)); return {};`) // Go's collector drops its references
		tb.collectGarbage()
		after = tb.run(`await new Promise((r) => setTimeout(r, 100)); return stats();`)
		if after["clients"] == before["clients"] && after["users"] == before["users"] && after["apis"] == before["apis"] {
			break
		}
	}
	assert.Equal(t, before["clients"], after["clients"], "Go clients")
	assert.Equal(t, before["users"], after["users"], "Go users")
	assert.Equal(t, before["apis"], after["apis"], "API entries")
	report("instances", fmt.Sprintf("10,000 new GoTrue() and 1,000 new User() dropped: clients %v -> %v, users %v -> %v, API entries %v -> %v, wasm memory %v -> %v bytes",
		before["clients"], after["clients"], before["users"], after["users"], before["apis"], after["apis"], before["wasmMemory"], after["wasmMemory"]))
}
