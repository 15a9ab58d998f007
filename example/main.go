// Command example is the gotrue-wasm playground's dev server: the page, the
// library from js/dist, and a GoTrue at /.netlify/identity on the same
// origin, as on Netlify. By default that GoTrue is the in-memory emulator,
// whose mail shows in the page's inbox; -api proxies to a real one.
//
//	go run ./example [-addr localhost:8080] [-api https://site/.netlify/identity] [-autoconfirm]
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/example/devserver"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
)

//go:embed page
var pageFS embed.FS

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	api := flag.String("api", "", "proxy /.netlify/identity to this GoTrue instead of running the emulator")
	autoconfirm := flag.Bool("autoconfirm", false, "confirm signups at once, without mail (emulator only)")
	dist := flag.String("dist", "js/dist", "the built library (make build)")
	flag.Parse()
	if err := run(*addr, *api, *dist, *autoconfirm); err != nil {
		fmt.Fprintln(os.Stderr, "example:", err)
		os.Exit(1)
	}
}

func run(addr, api, dist string, autoconfirm bool) error {
	if _, err := os.Stat(filepath.Join(dist, "gotrue.mjs")); err != nil {
		return fmt.Errorf("%s has no build of the library: run make build (or make demo)", dist)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	site := "http://" + l.Addr().String()
	if host, port, _ := net.SplitHostPort(addr); host == "localhost" {
		site = "http://localhost:" + port
		if port == "0" {
			_, p, _ := net.SplitHostPort(l.Addr().String())
			site = "http://localhost:" + p
		}
	}
	handler, err := newHandler(site, api, dist, autoconfirm)
	if err != nil {
		return err
	}
	log.Printf("gotrue-wasm playground: %s/", site)
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	err = srv.Serve(l)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

func newHandler(site, api, dist string, autoconfirm bool) (http.Handler, error) {
	pages, err := fs.Sub(pageFS, "page")
	if err != nil {
		return nil, err
	}
	cfg := devserver.Config{Pages: pages, Dist: dist}
	if api != "" {
		u, err := url.Parse(api)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, fmt.Errorf("-api %q is not an absolute URL", api)
		}
		cfg.API = u
	} else {
		cfg.Emulator = gotruetest.New(gotruetest.WithSiteURL(site), gotruetest.WithAutoconfirm(autoconfirm),
			gotruetest.WithProviders("github", "google"))
		log.Printf("emulated GoTrue at %s%s, operator token %q, mail at %s/_inbox", site, devserver.IdentityPath,
			cfg.Emulator.Config().OperatorToken, site)
	}
	return devserver.New(cfg), nil
}
