package gotruetest

import (
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// Server is an in-memory GoTrue. It is an http.Handler serving the API at
// its root; mount it under a prefix with http.StripPrefix.
type Server struct {
	cfg     Config
	mux     *router
	limiter *rateLimiter

	mu       sync.Mutex
	offset   time.Duration
	reqSeq   uint64
	users    []*user // in creation order
	refresh  map[string]*refreshToken
	codes    map[string]*oauthCode
	mails    []Mail
	audit    []auditEntry
	httpSrvs []*http.Server
}

// New returns an emulator with netlify/gotrue's defaults, changed by opts.
func New(opts ...Option) *Server {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{cfg: cfg, refresh: map[string]*refreshToken{}, codes: map[string]*oauthCode{}}
	s.limiter = newRateLimiter()
	s.mux = s.routes()
	return s
}

// Config returns the settings the server runs with.
func (s *Server) Config() Config { return s.cfg }

// Now returns the emulator's current time: the configured clock plus every Advance.
func (s *Server) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nowLocked()
}

func (s *Server) nowLocked() time.Time { return s.cfg.Now().Add(s.offset) }

// Advance moves the emulator's clock forward by d (or back, when d < 0).
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.offset += d
}

// ServeHTTP serves the GoTrue API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if handlePreflight(w, r) {
		return
	}
	addCORSHeaders(w, r)
	s.mux.ServeHTTP(w, r)
}

// Start serves the emulator on addr ("127.0.0.1:0" picks a free port) until
// Close, and returns its base URL.
func (s *Server) Start(addr string) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	hs := s.track()
	go hs.Serve(l) //nolint:errcheck // after Close, Serve returns http.ErrServerClosed.
	return "http://" + l.Addr().String(), nil
}

// Serve serves the emulator on l until Close. It always returns a non-nil error.
func (s *Server) Serve(l net.Listener) error { return s.track().Serve(l) }

func (s *Server) track() *http.Server {
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.httpSrvs = append(s.httpSrvs, hs)
	return hs
}

// Close stops every listener started by Start or Serve.
func (s *Server) Close() error {
	s.mu.Lock()
	srvs := s.httpSrvs
	s.httpSrvs = nil
	s.mu.Unlock()
	var errs []error
	for _, hs := range srvs {
		errs = append(errs, hs.Close())
	}
	return errors.Join(errs...)
}

// reqCtx is the per-request view of the clock: every timestamp a request
// writes shares its time and serial, so the response can show it with full
// precision while later reads show whole seconds, as MySQL does.
type reqCtx struct {
	id  uint64
	now time.Time
}

func (s *Server) begin() reqCtx {
	s.reqSeq++
	return reqCtx{id: s.reqSeq, now: s.nowLocked()}
}
