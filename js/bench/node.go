//go:build !js

package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// nodeImport times import() of the package's Node entry in a fresh Node
// process, median of 7, against gotrue-js 1.0.1's ES module: what a
// server-rendered app pays when its bundle imports gotrue-js aliased to us.
// Importing must start nothing.
func (b *built) nodeImport(t *table) error {
	timeImport := func(file string) (float64, error) {
		var xs []float64
		for range 7 {
			src := `const t0 = performance.now(); await import(` + strconv.Quote("file://"+file) + `); console.log(performance.now() - t0);`
			out, err := exec.Command("node", "--input-type=module", "-e", src).Output()
			if err != nil {
				return 0, fmt.Errorf("node import %s: %w", file, err)
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
			if err != nil {
				return 0, err
			}
			xs = append(xs, v)
		}
		return median(xs), nil
	}
	ours, err := timeImport(filepath.Join(b.dist, "gotrue.node.mjs"))
	if err != nil {
		return err
	}
	ref, err := timeImport(b.refModule)
	if err != nil {
		return err
	}
	t.add("start-up", "Node: import('gotrue-wasm') (target < 50 ms)", ms(ours), ms(ref)+" gotrue-js", ours/ref)
	return nil
}
