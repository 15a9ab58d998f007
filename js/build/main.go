//go:build !js

// Command build writes js/dist: gotrue.wasm and its content-hashed copy
// gotrue.<hash>.wasm, which the browser entries fetch (earlier builds'
// hashed copies are removed), Go's wasm_exec.js
// from the same toolchain, and the entries that wrap js/src/glue.js; the
// module and the browser entries also precompressed (.br, .gz). Run it from the module root: go run ./js/build. With
// -floor dir it also builds the floor program the benchmark and the size
// budget measure gotrue.wasm against, with the same flags.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("out", "js/dist", "output directory")
	src := flag.String("src", "js/src", "directory of the JavaScript sources")
	pkg := flag.String("pkg", "./wasm", "the Go package to build as gotrue.wasm")
	floor := flag.String("floor", "", "also build the floor program (only syscall/js) into this directory")
	flag.Parse()
	err := run(*out, *src, *pkg)
	if err == nil && *floor != "" {
		err = buildFloor(*floor)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

func run(out, src, pkg string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	wasmPath := filepath.Join(out, "gotrue.wasm")
	if err := buildWasm(pkg, wasmPath); err != nil {
		return err
	}
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return err
	}
	if err := compress(wasmPath, wasm); err != nil {
		return err
	}
	hashed := filepath.Join(out, HashedName(wasm))
	if err := pruneHashed(out, HashedName(wasm)); err != nil {
		return err
	}
	if err := os.WriteFile(hashed, wasm, 0o644); err != nil {
		return err
	}
	if err := compress(hashed, wasm); err != nil {
		return err
	}
	execJS, err := wasmExec()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "wasm_exec.js"), execJS, 0o644); err != nil {
		return err
	}
	return writeEntries(out, src, execJS, wasm)
}
