//go:build !js

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sizeBudget is how much larger than the floor program (only syscall/js)
// gotrue.wasm may be, compressed with brotli -q 11.
const sizeBudget = 1.5

// TestSizeBudget builds gotrue.wasm and the floor program with the release
// flags and holds the first to sizeBudget times the second. Sizes are
// deterministic for one toolchain, so this is a plain assertion; make bench
// shows the same figures with gzip and raw sizes.
func TestSizeBudget(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, buildWasmIn(filepath.Join("..", ".."), "./wasm", filepath.Join(dir, "gotrue.wasm")))
	require.NoError(t, buildFloor(dir))
	ours, floor := brotliSize(t, filepath.Join(dir, "gotrue.wasm")), brotliSize(t, filepath.Join(dir, "floor.wasm"))
	ratio := float64(ours) / float64(floor)
	t.Logf("gotrue.wasm %d B brotli, floor %d B: %.3fx (budget %.2fx, %d B)", ours, floor, ratio, sizeBudget, int(sizeBudget*float64(floor)))
	assert.LessOrEqual(t, ratio, sizeBudget, "gotrue.wasm is %d B of brotli, %.3f times the floor's %d B", ours, ratio, floor)
}

func brotliSize(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	br, err := brotliBytes(data)
	require.NoError(t, err)
	return len(br)
}
