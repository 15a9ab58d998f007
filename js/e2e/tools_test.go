//go:build !js

package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// toolsDir is js/tools/node_modules, installed by make tools (npm ci).
func toolsDir() string {
	root, _ := moduleRoot()
	return filepath.Join(root, "js", "tools", "node_modules")
}

func requireTools(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(toolsDir(), "gotrue-js", "browser", "gotrue.js")); err != nil {
		t.Fatalf("js/tools/node_modules is missing: run make tools (npm ci in js/tools)")
	}
}

func pageFile(html string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(html)} }

// toolsHandler serves the reference libraries from node_modules.
func toolsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/ref/gotrue.js", fileHandler(filepath.Join(toolsDir(), "gotrue-js", "browser", "gotrue.js")))
	mux.Handle("/ref/gotrue.mjs", fileHandler(filepath.Join(toolsDir(), "gotrue-js", "lib", "index.js")))
	mux.Handle("/tools/", http.StripPrefix("/tools/", http.FileServer(http.Dir(toolsDir()))))
	mux.Handle("/widget/", http.StripPrefix("/widget/", http.FileServer(http.Dir(filepath.Join(toolsDir(), "netlify-identity-widget", "build")))))
	return mux
}

func fileHandler(path string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, path)
	})
}
