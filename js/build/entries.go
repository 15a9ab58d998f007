//go:build !js

package main

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// entries maps each output file to its template in js/src.
var entries = map[string]string{
	"gotrue.js":        "entry-sync.js",
	"gotrue.mjs":       "entry-sync.mjs",
	"gotrue.async.js":  "entry-async.js",
	"gotrue.async.mjs": "entry-async.mjs",
}

func writeEntries(out, src string, execJS, wasm []byte) error {
	goJS, err := scopedGo(src, execJS)
	if err != nil {
		return err
	}
	parts := map[string]string{"/*GO*/": goJS}
	for marker, file := range map[string]string{"/*GLUE*/": "glue.js", "/*INSTALL*/": "install.js"} {
		b, err := os.ReadFile(filepath.Join(src, file))
		if err != nil {
			return err
		}
		parts[marker] = string(b)
	}
	parts["/*WASM_BASE64*/"] = strconv.Quote(base64.StdEncoding.EncodeToString(wasm))
	for name, tmpl := range entries {
		b, err := os.ReadFile(filepath.Join(src, tmpl))
		if err != nil {
			return err
		}
		text := string(b)
		for marker, part := range parts {
			text = strings.Replace(text, marker, part, 1)
		}
		if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// scopedGo wraps wasm_exec.js so that it defines no globals: its references
// to globalThis.fs, .process, .path and .Go become locals of go.js.
func scopedGo(src string, execJS []byte) (string, error) {
	wrap, err := os.ReadFile(filepath.Join(src, "go.js"))
	if err != nil {
		return "", err
	}
	text := string(execJS)
	for _, name := range []string{"fs", "process", "path", "Go"} {
		from := "globalThis." + name
		if !strings.Contains(text, from) {
			return "", fmt.Errorf("wasm_exec.js no longer mentions %s; review js/src/go.js", from)
		}
		text = strings.ReplaceAll(text, from, name)
	}
	return strings.Replace(string(wrap), "/*WASM_EXEC*/", text, 1), nil
}
