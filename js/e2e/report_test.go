//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"sync"
)

var reportMu sync.Mutex

// report appends a line of counts to artifacts/robustness.txt, which make
// test prints.
func report(what, line string) {
	reportMu.Lock()
	defer reportMu.Unlock()
	root, err := moduleRoot()
	if err != nil {
		return
	}
	dir := filepath.Join(root, "artifacts")
	_ = os.MkdirAll(dir, 0o755)
	f, err := os.OpenFile(filepath.Join(dir, "robustness.txt"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	_, _ = f.WriteString(what + ": " + line + "\n")
}
