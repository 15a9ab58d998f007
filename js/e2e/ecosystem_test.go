//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
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
	app := filepath.Join(t.TempDir(), "app")
	require.NoError(t, os.CopyFS(app, os.DirFS("testdata/viteapp")))
	npmInstall(t, app, tarball(t))
	viteBuild(t, app)

	r := builtResult(t, filepath.Join(app, "dist"), "vite@example.com", "Vite")
	assert.Equal(t, "Vite", r["name"])
	assert.Equal(t, true, r["same"])
	assert.Equal(t, true, r["isError"])
}

// packed is the package as npm pack makes it, once per run.
var packed = sync.OnceValues(func() (string, error) {
	pkg, err := packageFiles()
	if err != nil {
		return "", err
	}
	dir := filepath.Dir(pkg)
	out, err := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, pkg).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("npm pack: %v: %s", err, out)
	}
	return filepath.Join(dir, strings.TrimSpace(lastLine(string(out)))), nil
})

// tarball is the path of the packed package.
func tarball(t *testing.T) string {
	t.Helper()
	path, err := packed()
	require.NoError(t, err)
	return path
}

// npmInstall runs npm install in app, with the given packages; what the
// registry serves comes from npm's cache when make tools has filled it.
func npmInstall(t *testing.T, app string, packages ...string) {
	t.Helper()
	args := append([]string{"install", "--no-audit", "--no-fund", "--silent", "--prefer-offline"}, packages...)
	install := exec.Command("npm", args...)
	install.Dir = app
	out, err := install.CombinedOutput()
	require.NoError(t, err, string(out))
}

// viteBuild builds app with js/tools' vite; env is added to its environment.
func viteBuild(t *testing.T, app string, env ...string) {
	t.Helper()
	cmd := exec.Command("node", filepath.Join(toolsDir(), "vite", "bin", "vite.js"), "build", "--logLevel", "error")
	cmd.Dir = app
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
}

// builtResult serves a built app, makes the confirmed user it logs in as,
// opens its index.html and returns what the app left in window.result.
func builtResult(t *testing.T, dist, email, name string) map[string]any {
	t.Helper()
	s := serveBuilt(t, dist)
	s.confirmedUser(t, email, map[string]any{"full_name": name})
	raw := s.open(t, "/index.html").evalRaw(`window.result`)
	var r map[string]any
	require.NoError(t, json.Unmarshal(raw, &r), string(raw))
	return r
}

// serveBuilt serves a built app with an emulator at /.netlify/identity on
// the same origin.
func serveBuilt(t *testing.T, dist string) *site {
	t.Helper()
	emu := gotruetest.New()
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(dist)))
	mux.Handle(devserver.IdentityPath+"/", http.StripPrefix(devserver.IdentityPath, emu))
	mux.Handle("/_inbox", emu.MailHandler())
	s := &site{emu: emu, srv: httptest.NewServer(mux)}
	t.Cleanup(s.srv.Close)
	return s
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
