package gotrue

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCoreDependencies keeps the core free of the browser, of net/http,
// which would cost about 1.4 MB of brotli in the wasm build, and of
// context, whose Deadline keeps time's formatting code (see Context).
func TestCoreDependencies(t *testing.T) {
	t.Parallel()
	list := func(args ...string) []string {
		cmd := exec.Command("go", append([]string{"list"}, args...)...)
		cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		require.NoError(t, err)
		return strings.Fields(string(out))
	}
	// The js/wasm runtime itself uses syscall/js, so only direct imports count there.
	assert.NotContains(t, list("-f", `{{join .Imports " "}}`, "."), "syscall/js")
	deps := list("-deps", ".")
	for _, banned := range []string{"net/http", "github.com/hack-pad/safejs", "context"} {
		assert.NotContains(t, deps, banned)
	}
}
