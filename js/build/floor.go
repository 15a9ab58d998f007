//go:build !js

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// safejsFloorSource is the floor program written with safejs, the binding
// library gotrue-wasm is given, making the kinds of calls any binding
// makes. It shows what safejs alone adds (it links fmt and reflect).
const safejsFloorSource = `package main

import "github.com/hack-pad/safejs"

func main() {
	g := safejs.Global()
	f, err := safejs.FuncOf(func(this safejs.Value, args []safejs.Value) any {
		v, _ := g.Get("x")
		s, _ := v.String()
		n, _ := v.Int()
		b, _ := v.Bool()
		e, _ := v.Index(0)
		o, _ := v.New(s, n, b, e.Type() == safejs.TypeObject)
		_, _ = o.Call("f", map[string]any{"a": []any{1}})
		return o
	})
	if err == nil {
		err = g.Set("floorCall", f)
	}
	if err != nil {
		panic(err)
	}
	select {}
}
`

// buildFloor writes dir/floor.wasm and dir/floor-safejs.wasm (with .br and
// .gz), built with the ReleaseFlags of gotrue.wasm, each from a throwaway
// module in a temporary directory. The safejs one resolves safejs from
// this module's go.sum, so it needs no network.
func buildFloor(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		return fmt.Errorf("floor: run from the module root: %w", err)
	}
	safejsVersion, err := requiredVersion("go.mod", "github.com/hack-pad/safejs")
	if err != nil {
		return err
	}
	programs := []struct {
		name  string
		files map[string]string
	}{
		{"floor.wasm", map[string]string{"main.go": floorSource, "go.mod": "module floor\n\ngo 1.26\n"}},
		{"floor-safejs.wasm", map[string]string{"main.go": safejsFloorSource, "go.sum": string(sum),
			"go.mod": "module floor\n\ngo 1.26\n\nrequire github.com/hack-pad/safejs " + safejsVersion + "\n"}},
	}
	for _, p := range programs {
		if err := buildProgram(filepath.Join(dir, p.name), p.files); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return nil
}

// requiredVersion is the version of module path that gomod requires.
func requiredVersion(gomod, path string) (string, error) {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == path {
			return f[1], nil
		}
	}
	return "", fmt.Errorf("%s does not require %s", gomod, path)
}

// buildProgram builds a module made of files into out, and compresses it.
func buildProgram(out string, files map[string]string) error {
	src, err := os.MkdirTemp("", "gotrue-floor-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(src)
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(body), 0o644); err != nil {
			return err
		}
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := buildWasmIn(src, ".", out); err != nil {
		return err
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	return compress(out, data)
}
