//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// entries maps each output file to its template in js/src: the default
// script and module, which fetch gotrue.wasm next to them when Go first
// starts; the inline variants for bundles that cannot ship it; and Node's.
var entries = map[string]string{
	"gotrue.js":         "entry.js",
	"gotrue.mjs":        "entry.mjs",
	"gotrue.inline.js":  "entry-inline.js",
	"gotrue.inline.mjs": "entry-inline.mjs",
	"gotrue.node.mjs":   "entry-node.mjs",
	"gotrue.node.cjs":   "entry-node.cjs",
}

func writeEntries(out, src string, execJS, wasm []byte) error {
	goJS, err := scopedGo(src, execJS)
	if err != nil {
		return err
	}
	parts := map[string]string{"/*GO*/": goJS}
	for marker, file := range map[string]string{"/*GLUE*/": "glue.js", "/*INSTALL*/": "install.js", "/*LOADERS*/": "loaders.js"} {
		b, err := os.ReadFile(filepath.Join(src, file))
		if err != nil {
			return err
		}
		parts[marker] = string(b)
	}
	gz, err := gzipBytes(wasm)
	if err != nil {
		return err
	}
	parts["/*WASM_GZIP_BASE64*/"] = strconv.Quote(base64.StdEncoding.EncodeToString(gz))
	for name, tmpl := range entries {
		b, err := os.ReadFile(filepath.Join(src, tmpl))
		if err != nil {
			return err
		}
		text := string(b)
		for marker, part := range parts {
			text = strings.Replace(text, marker, stripComments(part), 1)
		}
		if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// scopedGo wraps wasm_exec.js so that it defines no globals: its references
// to globalThis.fs, .process, .path, .Go, .TextEncoder, .TextDecoder and
// .crypto become locals of go.js.
func scopedGo(src string, execJS []byte) (string, error) {
	wrap, err := os.ReadFile(filepath.Join(src, "go.js"))
	if err != nil {
		return "", err
	}
	text := string(execJS)
	for _, name := range []string{"fs", "process", "path", "Go", "TextEncoder", "TextDecoder", "crypto"} {
		from := "globalThis." + name
		if !strings.Contains(text, from) {
			return "", fmt.Errorf("wasm_exec.js no longer mentions %s; review js/src/go.js", from)
		}
		text = strings.ReplaceAll(text, from, name)
	}
	return strings.Replace(string(wrap), "/*WASM_EXEC*/", text, 1), nil
}

// gzipBytes is data compressed with gzip -9: the inline entries carry the
// module so, and the browser's DecompressionStream undoes it off the main
// thread. Base64 of the raw module would be four times the text to parse.
func gzipBytes(data []byte) ([]byte, error) {
	var gz bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := gw.Write(data); err != nil {
		return nil, err
	}
	if err := gw.Close(); err != nil {
		return nil, err
	}
	return gz.Bytes(), nil
}

// isLicense keeps the Go authors' notice on wasm_exec.js.
func isLicense(line string) bool {
	return strings.Contains(line, "Copyright") || strings.Contains(line, "BSD-style") || strings.Contains(line, "LICENSE")
}

// stripComments drops the lines of JavaScript source that are only a
// comment (but a license notice), and the blank ones: the entries are what a page downloads before
// its first currentUser() answers, and the sources are written to be read.
// (No line of ours, or of wasm_exec.js, starts a comment inside a string.)
func stripComments(src string) string {
	var b strings.Builder
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "//") && !strings.HasPrefix(t, "//!") && !isLicense(t) {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
