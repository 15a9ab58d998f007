//go:build !js

package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/example/devserver"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func node(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("node", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// js/index.d.ts type-checks gotrue-js's README examples, and rejects
// wrong calls.
func TestTypesCheckReadmeExamples(t *testing.T) {
	requireTools(t)
	tsc := filepath.Join(toolsDir(), "typescript", "bin", "tsc")
	dir, err := filepath.Abs("testdata/types")
	require.NoError(t, err)
	out, err := node(t, dir, tsc, "-p", "tsconfig.json")
	require.NoError(t, err, out)

	bad := filepath.Join(t.TempDir(), "tsconfig.json")
	cfg := `{"extends": "` + filepath.Join(dir, "tsconfig.json") + `", "files": ["` + filepath.Join(dir, "bad.ts") + `"]}`
	require.NoError(t, os.WriteFile(bad, []byte(cfg), 0o644))
	out, err = node(t, dir, tsc, "-p", bad)
	require.Error(t, err, "a wrong call must not type-check")
	assert.Contains(t, out, "TS2345")
}

// The tarball of npm pack in js/ installs into a vite app that imports
// gotrue-wasm where it imported gotrue-js, and the built app logs in.
func TestPackedPackageInViteApp(t *testing.T) {
	requireTools(t)
	tmp := t.TempDir()
	pkg := packageDir(t)
	out, err := exec.Command("npm", "pack", "--silent", "--pack-destination", tmp, pkg).CombinedOutput()
	require.NoError(t, err, string(out))
	tarball := filepath.Join(tmp, strings.TrimSpace(lastLine(string(out))))

	app := filepath.Join(tmp, "app")
	require.NoError(t, os.CopyFS(app, os.DirFS("testdata/viteapp")))
	install := exec.Command("npm", "install", "--no-audit", "--no-fund", "--silent", tarball)
	install.Dir = app
	out, err = install.CombinedOutput()
	require.NoError(t, err, string(out))
	vite := filepath.Join(toolsDir(), "vite", "bin", "vite.js")
	built, err := node(t, app, vite, "build", "--logLevel", "error")
	require.NoError(t, err, built)

	emu := gotruetest.New()
	s := &site{emu: emu}
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(filepath.Join(app, "dist"))))
	mux.Handle(devserver.IdentityPath+"/", http.StripPrefix(devserver.IdentityPath, emu))
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	s.confirmedUser(t, "vite@example.com", map[string]any{"full_name": "Vite"})
	tb := s.open(t, "/index.html")
	raw := tb.evalRaw(`window.result`)
	var r map[string]any
	require.NoError(t, json.Unmarshal(raw, &r), string(raw))
	assert.Equal(t, "Vite", r["name"])
	assert.Equal(t, true, r["same"])
	assert.Equal(t, true, r["isError"])
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
