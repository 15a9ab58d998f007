//go:build !js

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryFileIsTagged keeps every file of the browser build out of native
// builds, as safejs's own test does.
func TestEveryFileIsTagged(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, f := range files {
		if f == "wasm_tags_test.go" {
			continue
		}
		fh, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		sc.Scan()
		assert.Equal(t, "//go:build js && wasm", sc.Text(), f)
		fh.Close()
	}
}

// TestNoNetHTTP fails if net/http, which adds about 1.4 MB brotli, is
// linked into gotrue.wasm, or context (see browser.Context).
func TestNoNetHTTP(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	require.NoError(t, err)
	deps := strings.Fields(string(out))
	assert.Contains(t, deps, "github.com/hack-pad/safejs")
	for _, banned := range []string{"net/http", "context", "github.com/gotrue-wasm/gotrue-wasm/gotrue/nethttp", "github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"} {
		assert.NotContains(t, deps, banned)
	}
}
