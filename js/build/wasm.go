//go:build !js

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/andybalholm/brotli"
)

// ReleaseFlags are the flags gotrue.wasm, and the floor program it is
// measured against, are built with: -trimpath for reproducible builds,
// -s -w to drop symbol tables and DWARF, and no inlining in this module's
// own packages. They wait on the network, not on the CPU, and inlining
// them costs about 10 kB of brotli (make bench shows the call costs).
var ReleaseFlags = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=github.com/gotrue-wasm/gotrue-wasm/...=-l"}

func buildWasm(pkg, out string) error { return buildWasmIn("", pkg, out) }

// buildWasmIn builds pkg for js/wasm with ReleaseFlags, in dir ("" is the
// current directory).
func buildWasmIn(dir, pkg, out string) error {
	args := append([]string{"build"}, ReleaseFlags...)
	args = append(args, "-o", out, pkg)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w", pkg, err)
	}
	return nil
}

// HashedName is the name of the content-hashed copy of the module: it
// changes whenever the bytes do, so a server can send it with
// Cache-Control: immutable and a repeat visit need not ask for it again.
func HashedName(wasm []byte) string {
	sum := sha256.Sum256(wasm)
	return "gotrue." + hex.EncodeToString(sum[:5]) + ".wasm"
}

// hashedFile matches the hashed copies of a module and their compressed
// forms, as HashedName names them.
var hashedFile = regexp.MustCompile(`^gotrue\.[0-9a-f]{10}\.wasm(\.br|\.gz)?$`)

// pruneHashed removes from dir the hashed copies of earlier builds (and
// their .br and .gz), keeping the one named keep: the npm package takes
// every dist/*.wasm, and a page needs only the module its entries name.
func pruneHashed(dir, keep string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if m := hashedFile.FindStringSubmatch(name); m != nil && strings.TrimSuffix(name, m[1]) != keep {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// compress writes path.br (brotli 11) and path.gz (gzip 9), so servers
// can send them precompressed.
func compress(path string, data []byte) error {
	br, err := brotliBytes(data)
	if err != nil {
		return err
	}
	gz, err := gzipBytes(data)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path+".br", br, 0o644); err != nil {
		return err
	}
	return os.WriteFile(path+".gz", gz, 0o644)
}

// brotliBytes is data compressed with brotli -q 11.
func brotliBytes(data []byte) ([]byte, error) {
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, err
	}
	return br.Bytes(), nil
}

// wasmExec reads wasm_exec.js from the toolchain that builds the module:
// its import object must match the compiler's.
func wasmExec() ([]byte, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	return os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js"))
}
