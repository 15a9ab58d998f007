//go:build !js

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sizeBudget is how much larger than the floor program (only syscall/js)
// gotrue.wasm may be, compressed with brotli -q 11. It leaves room for the
// ±2 kB that brotli -q 11 moves when a line moves: a harmless edit must not
// fail it; make bench prints the exact ratio and each part's share.
const sizeBudget = 1.55

// TestSizeBudget builds gotrue.wasm and the floor program with the release
// flags, as make build does, and holds the first to sizeBudget times the
// second. Sizes are deterministic for one toolchain, so this is a plain
// assertion; make bench shows the same figures with gzip and raw sizes.
// The build runs as its own process: under the race detector the brotli
// compression alone would take minutes.
func TestSizeBudget(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./js/build", "-out", dir, "-floor", dir)
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	ours, floor := fileSize(t, filepath.Join(dir, "gotrue.wasm.br")), fileSize(t, filepath.Join(dir, "floor.wasm.br"))
	ratio := float64(ours) / float64(floor)
	t.Logf("gotrue.wasm %d B brotli, floor %d B: %.3fx (budget %.2fx, %d B)", ours, floor, ratio, sizeBudget, int(sizeBudget*float64(floor)))
	assert.LessOrEqual(t, ratio, sizeBudget, "gotrue.wasm is %d B of brotli, %.3f times the floor's %d B", ours, ratio, floor)
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return fi.Size()
}
