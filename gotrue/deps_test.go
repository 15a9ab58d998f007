package gotrue

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDependencies keeps the browser out of the Go packages, and out of
// the browser build what it cannot afford: net/http (about 1.4 MB of
// brotli), and, in the core, context (whose Deadline keeps time's
// formatting code; see core.Context). The Go API (this package, with
// encoding/json) is not linked into gotrue.wasm at all.
func TestDependencies(t *testing.T) {
	t.Parallel()
	list := func(args ...string) []string {
		cmd := exec.Command("go", append([]string{"list"}, args...)...)
		cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		require.NoError(t, err)
		return strings.Fields(string(out))
	}
	const module = "github.com/gotrue-wasm/gotrue-wasm/"
	tests := []struct {
		pkg    string
		banned []string
	}{
		{"./internal/core", []string{"net/http", "github.com/hack-pad/safejs", "context", "encoding/json"}},
		{".", []string{"net/http", "github.com/hack-pad/safejs"}},
		{"./browser", []string{"net/http", "github.com/hack-pad/safejs", "context"}},
		{"../wasm", []string{"net/http", "context", "encoding/json", module + "gotrue"}},
	}
	for _, tt := range tests {
		deps := list("-deps", tt.pkg)
		for _, banned := range tt.banned {
			assert.NotContains(t, deps, banned, "%s depends on %s", tt.pkg, banned)
		}
	}
	// The js/wasm runtime itself uses syscall/js, so only direct imports count.
	for _, pkg := range []string{".", "./internal/core", "./browser"} {
		assert.NotContains(t, list("-f", `{{join .Imports " "}}`, pkg), "syscall/js", pkg)
	}
}

// TestStorageKey: the key Go programs document is the one the core uses.
func TestStorageKey(t *testing.T) {
	assert.Equal(t, core.StorageKey, StorageKey)
}
