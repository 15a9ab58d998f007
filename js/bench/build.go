//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

type built struct {
	root, dist, floorDir string
	ref                  string // gotrue-js 1.0.1's browser bundle
	refModule            string // and its ES module
}

func prepare(tmp string) (*built, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	b := &built{root: root, dist: filepath.Join(tmp, "dist"), floorDir: filepath.Join(tmp, "floor"),
		ref:       filepath.Join(root, "js", "tools", "node_modules", "gotrue-js", "browser", "gotrue.js"),
		refModule: filepath.Join(root, "js", "tools", "node_modules", "gotrue-js", "lib", "index.js")}
	if _, err := os.Stat(b.ref); err != nil {
		return nil, fmt.Errorf("gotrue-js is not installed: run make tools")
	}
	// js/build builds the floor program with gotrue.wasm's own flags.
	if err := goRun(root, nil, "run", "./js/build", "-out", b.dist, "-floor", b.floorDir); err != nil {
		return nil, err
	}
	return b, b.buildFloor()
}

// buildFloor writes the entries of the floor programs js/build made: the
// floor itself (syscall/js only) and the floor written with safejs.
func (b *built) buildFloor() error {
	for _, name := range []string{"floor", "floor-safejs"} {
		if err := b.floorEntries(name); err != nil {
			return err
		}
	}
	return nil
}

// floorEntries load a floor program as gotrue-wasm's default entries
// load gotrue.wasm, with the same loader: fetched and compiled while it
// downloads, then run (name.mjs).
func (b *built) floorEntries(name string) error {
	execJS, err := os.ReadFile(filepath.Join(b.dist, "wasm_exec.js"))
	if err != nil {
		return err
	}
	loaders, err := os.ReadFile(filepath.Join(b.root, "js", "src", "loaders.js"))
	if err != nil {
		return err
	}
	src := string(execJS) + "\n" + string(loaders) + "\n" +
		"const go = new Go(); go.run(await streamed(new URL('./" + name + ".wasm', import.meta.url)).instantiate(go.importObject));\n"
	return os.WriteFile(filepath.Join(b.floorDir, name+".mjs"), []byte(src), 0o644)
}

func goRun(dir string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stderr, os.Stderr
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	}
	return nil
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// brotliCopy writes file compressed with brotli -q 11 to to.
func brotliCopy(file, to string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var r bytes.Buffer
	bw := brotli.NewWriterLevel(&r, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	if err := bw.Close(); err != nil {
		return err
	}
	return os.WriteFile(to, r.Bytes(), 0o644)
}

// compressed returns the raw, gzip -9 and brotli -q 11 sizes.
func compressed(data []byte) (raw, gz, br int) {
	var g bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	_, _ = gw.Write(data)
	_ = gw.Close()
	var r bytes.Buffer
	bw := brotli.NewWriterLevel(&r, brotli.BestCompression)
	_, _ = bw.Write(data)
	_ = bw.Close()
	return len(data), g.Len(), r.Len()
}

func (b *built) sizes(t *table) {
	file := func(p string) []byte { d, _ := os.ReadFile(p); return d }
	oursRaw, oursGz, oursBr := compressed(file(filepath.Join(b.dist, "gotrue.wasm")))
	floorRaw, floorGz, floorBr := compressed(file(filepath.Join(b.floorDir, "floor.wasm")))
	refRaw, refGz, refBr := compressed(file(b.ref))
	t.add("size", "gotrue.wasm raw / floor program", kb(oursRaw), kb(floorRaw), float64(oursRaw)/float64(floorRaw))
	t.add("size", "gotrue.wasm gzip -9 / floor program", kb(oursGz), kb(floorGz), float64(oursGz)/float64(floorGz))
	t.add("size", "gotrue.wasm brotli -q 11 / floor (budget 1.55x)", kb(oursBr), kb(floorBr), float64(oursBr)/float64(floorBr))
	sjRaw, _, sjBr := compressed(file(filepath.Join(b.floorDir, "floor-safejs.wasm")))
	t.add("size", "of which floor + safejs (given): brotli / floor", kb(sjBr), kb(floorBr), float64(sjBr)/float64(floorBr))
	t.add("size", "of which gotrue-wasm's own: brotli / floor", kb(oursBr-sjBr), kb(floorBr), float64(oursBr-sjBr)/float64(floorBr))
	t.add("size", "floor + safejs raw / floor", kb(sjRaw), kb(floorRaw), float64(sjRaw)/float64(floorRaw))
	t.add("size", "gotrue.wasm brotli / gotrue-js 1.0.1 bundle", kb(oursBr), kb(refBr)+" (raw "+kb(refRaw)+")", float64(oursBr)/float64(refBr))
	_ = refGz
	for _, e := range []string{"gotrue.js", "gotrue.mjs"} {
		raw, gz, br := compressed(file(filepath.Join(b.dist, e)))
		t.add("size", "before the first currentUser(): "+e+", brotli (target <= 4x)", kb(br)+" ("+kb(raw)+" raw, "+kb(gz)+" gzip)", kb(refBr)+" gotrue-js", float64(br)/float64(refBr))
	}
	raw, gz, br := compressed(file(filepath.Join(b.dist, "gotrue.inline.js")))
	t.add("size", "inline variant gotrue.inline.js: brotli (raw, gzip)", kb(br), "("+kb(raw)+", "+kb(gz)+")", 0)
}
