// Package devserver serves a gotrue-wasm site as Netlify would: the pages,
// js/dist with precompressed wasm, and a GoTrue at /.netlify/identity on the
// same origin (the emulator, or a proxy to a real server), plus the
// emulator's captured mail at /_inbox. The playground and the browser
// tests both use it.
package devserver

import (
	"io/fs"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
)

// IdentityPath is where Netlify serves Identity on a site.
const IdentityPath = "/.netlify/identity"

// Config says what the server serves.
type Config struct {
	Pages    fs.FS              // served at /
	Dist     string             // directory served at /dist/ (js/dist)
	Emulator *gotruetest.Server // mounted at IdentityPath, with its inbox at /_inbox
	API      *url.URL           // instead of Emulator: proxy IdentityPath to this GoTrue
}

// New returns the site's handler.
func New(cfg Config) http.Handler {
	mux := http.NewServeMux()
	if cfg.Pages != nil {
		mux.Handle("/", http.FileServerFS(cfg.Pages))
	}
	if cfg.Dist != "" {
		mux.Handle("/dist/", http.StripPrefix("/dist", Dist(cfg.Dist)))
	}
	switch {
	case cfg.API != nil:
		mux.Handle(IdentityPath+"/", proxy(cfg.API))
	case cfg.Emulator != nil:
		mux.Handle(IdentityPath+"/", http.StripPrefix(IdentityPath, cfg.Emulator))
		mux.Handle("/_inbox", cfg.Emulator.MailHandler())
	}
	return mux
}

// proxy forwards IdentityPath/x to target/x.
func proxy(target *url.URL) http.Handler {
	rp := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(target)
		r.Out.URL.Path = strings.TrimSuffix(target.Path, "/") + strings.TrimPrefix(r.In.URL.Path, IdentityPath)
		r.Out.URL.RawPath = ""
		r.Out.Host = target.Host
	}}
	return rp
}

func init() {
	_ = mime.AddExtensionType(".mjs", "text/javascript; charset=utf-8")
	_ = mime.AddExtensionType(".wasm", "application/wasm")
}

// Dist serves a directory, answering with a precompressed .br or .gz
// sibling when the client accepts it, and the right Content-Type for .js,
// .mjs and .wasm (instantiateStreaming needs application/wasm). The
// content-hashed module (gotrue.<hash>.wasm) is sent as immutable, so that
// a repeat visit does not ask for it again; everything else is revalidated.
func Dist(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		file := filepath.Join(dir, filepath.FromSlash(name))
		if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Header().Set("Vary", "Accept-Encoding")
		w.Header().Set("Cache-Control", CacheControl(name))
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if accepts(r, enc.token) {
				if _, err := os.Stat(file + enc.ext); err == nil {
					w.Header().Set("Content-Encoding", enc.token)
					http.ServeFile(w, r, file+enc.ext)
					return
				}
			}
		}
		http.ServeFile(w, r, file)
	})
}

// hashedModule matches the content-hashed module's name.
var hashedModule = regexp.MustCompile(`^gotrue\.[0-9a-f]{10}\.wasm$`)

// CacheControl is the Cache-Control a server should send for a file of
// js/dist: immutable for the content-hashed module, whose name changes
// with its bytes; no-cache (revalidate) for the rest, whose names do not.
func CacheControl(name string) string {
	if hashedModule.MatchString(path.Base(name)) {
		return "public, max-age=31536000, immutable"
	}
	return "no-cache"
}

// accepts reports whether Accept-Encoding lists token with a non-zero q.
func accepts(r *http.Request, token string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		q := strings.TrimPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		if f, err := strconv.ParseFloat(q, 64); params != "" && err == nil && f == 0 {
			return false
		}
		return true
	}
	return false
}
