//go:build !js

package e2e

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
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
		await new Promise((r) => setTimeout(r, 50));
		window.before = stats();
		return {};`)
	for chunk := 0; chunk < 8; chunk++ { // 8 x 250 cycles, each well inside one evaluation's time limit
		tb.run(`for (let i = 0; i < 250; i++) await cycle(); return {};`)
	}
	r := tb.run(`await new Promise((r) => setTimeout(r, 50)); return { before, after: stats() };`)
	before, after := r["before"].(map[string]any), r["after"].(map[string]any)
	assert.Equal(t, before["funcs"], after["funcs"], "live js.Funcs")
	assert.Equal(t, before["awaits"], after["awaits"], "Promises Go awaits")
	assert.Equal(t, before["goroutines"], after["goroutines"], "goroutines")
	assert.Equal(t, before["clients"], after["clients"])
	report("leaks", fmt.Sprintf("2000 cycles: js.Funcs %v -> %v, awaited Promises %v -> %v, goroutines %v -> %v, user handles %v -> %v (released as the page collects them), wasm memory %v -> %v bytes",
		before["funcs"], after["funcs"], before["awaits"], after["awaits"], before["goroutines"], after["goroutines"], before["users"], after["users"], before["wasmMemory"], after["wasmMemory"]))
}
