//go:build !js

package e2e

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNodeEntries: in Node, importing the package (ES module) or
// requiring it (CommonJS) starts nothing; the synchronous methods answer
// at once, and the first call that needs Go reads gotrue.wasm and runs.
func TestNodeEntries(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "node@example.com", nil)
	api := s.srv.URL + "/.netlify/identity"
	check := func(t *testing.T, load string) {
		src := load + `
			const stats = GoTrue[Symbol.for('gotrue-wasm.stats')];
			const auth = new GoTrue({ APIUrl: ` + jsQuote(api) + ` });
			const out = { startedAtImport: stats().started, current: auth.currentUser(), url: auth.loginExternalUrl('github') };
			const user = await auth.login('node@example.com', 'secret');
			out.email = user.email;
			out.jwt = typeof (await user.jwt(true));
			out.started = !!stats().goroutines;
			console.log(JSON.stringify(out));
			process.exit(0);`
		args := []string{"--input-type=module", "-e", src}
		if strings.Contains(load, "require(") {
			args = []string{"-e", "(async () => {" + src + "})()"}
		}
		cmd := exec.Command("node", args...)
		cmd.Env = append(cmd.Environ(), "NODE_NO_WARNINGS=1")
		out, err := cmd.Output()
		require.NoError(t, err, "%s", out)
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		var r map[string]any
		require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &r), string(out))
		assert.Equal(t, false, r["startedAtImport"], "importing starts nothing")
		assert.Nil(t, r["current"])
		assert.Equal(t, api+"/authorize?provider=github", r["url"])
		assert.Equal(t, "node@example.com", r["email"])
		assert.Equal(t, "string", r["jwt"])
		assert.Equal(t, true, r["started"])
	}
	t.Run("import", func(t *testing.T) {
		check(t, `const { default: GoTrue } = await import(`+jsQuote("file://"+filepath.Join(distDir, "gotrue.node.mjs"))+`);`)
	})
	t.Run("require", func(t *testing.T) {
		check(t, `const GoTrue = require(`+jsQuote(filepath.Join(distDir, "gotrue.node.cjs"))+`).default;`)
	})
}

func jsQuote(s string) string { b, _ := json.Marshal(s); return string(b) }
