//go:build !js

package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// floorSource is the floor program the benchmark and the size budget
// compare gotrue.wasm with: only syscall/js, one trivial exported function
// (the boundary floor for call costs) and nothing else.
const floorSource = `package main

import "syscall/js"

func main() {
	js.Global().Set("floorCall", js.FuncOf(func(this js.Value, args []js.Value) any { return nil }))
	select {}
}
`

// buildFloor writes dir/floor.wasm (with .br and .gz), built with the
// ReleaseFlags of gotrue.wasm, from a throwaway module in a temporary
// directory.
func buildFloor(dir string) error {
	src, err := os.MkdirTemp("", "gotrue-floor-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(src)
	files := map[string]string{"main.go": floorSource, "go.mod": "module floor\n\ngo 1.26\n"}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(body), 0o644); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out, err := filepath.Abs(filepath.Join(dir, "floor.wasm"))
	if err != nil {
		return err
	}
	if err := buildWasmIn(src, ".", out); err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	return compress(out, data)
}
