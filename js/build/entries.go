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

	"github.com/evanw/esbuild/pkg/api"
)

// entries maps each output file to its template in js/src: the default
// script and module, which fetch the content-hashed gotrue.<hash>.wasm next
// to them when it will be used; the inline variants for bundles that
// cannot ship it; and Node's, which read gotrue.wasm.
// The browser entries are minified (minify); Node's keep their lines.
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
		text = strings.Replace(text, "__WASM_FILE__", HashedName(wasm), 1)
		if !strings.Contains(name, ".node.") {
			if text, err = minify(name, text); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
			return err
		}
		// The browser entries precompressed too, for servers that send
		// files so (the inline ones hold the module gzipped already).
		if !strings.Contains(name, ".node.") && !strings.Contains(name, ".inline.") {
			if err := compress(filepath.Join(out, name), []byte(text)); err != nil {
				return err
			}
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
	text = goNotice(text)
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

// minify runs esbuild's minifier over a browser entry: the entries are
// what a page downloads before its first currentUser() answers, and the
// sources are written to be read. Names stay (a class's or function's
// .name is what gotrue-js's own module shows), and so do license notices.
// A classic script is wrapped whole, so that the minifier's helpers do not
// become page globals.
func minify(name, text string) (string, error) {
	format := api.FormatESModule
	if strings.HasSuffix(name, ".js") {
		format = api.FormatIIFE
	}
	res := api.Transform(text, api.TransformOptions{
		Sourcefile:        name,
		Format:            format,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		KeepNames:         true,
		LegalComments:     api.LegalCommentsInline,
	})
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		where := ""
		if e.Location != nil {
			where = fmt.Sprintf(" (line %d: %s)", e.Location.Line, e.Location.LineText)
		}
		return "", fmt.Errorf("minifying %s: %s%s", name, e.Text, where)
	}
	return string(res.Code), nil
}

// goNotice turns the Go authors' notice heading wasm_exec.js (// lines)
// into a /*! */ comment, the form minifiers keep.
func goNotice(execJS string) string {
	var notice []string
	rest := execJS
	for {
		line, after, ok := strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		if !ok || !strings.HasPrefix(t, "//") || !isLicense(t) {
			break
		}
		notice = append(notice, strings.TrimSpace(strings.TrimPrefix(t, "//")))
		rest = after
	}
	if len(notice) == 0 {
		return execJS
	}
	return "/*! wasm_exec.js: " + strings.Join(notice, " ") + " */\n" + rest
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
