//go:build !js

package main

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// link is a shaped network link between the browser and the site: one
// bottleneck of rate bytes per second that every response shares, the
// compile worker's fetch of gotrue.wasm included, and a round trip of rtt
// before each response starts (two on a new connection: TCP's handshake,
// then the request). Concurrent responses take turns on the bottleneck a
// chunk at a time, as TCP flows through one queue share it; TCP's slow
// start is left out. DevTools' throttling is not used: it does not shape a
// worker's requests.
type link struct {
	name string
	rate float64 // bytes per second
	rtt  time.Duration
	wire chan chunk
	sent atomic.Int64 // response bytes through the bottleneck
}

// chunk is a piece of a response waiting for its turn on the wire.
type chunk struct {
	n    int
	done chan struct{}
}

// chunkSize is how much of a response crosses the bottleneck in one turn.
const chunkSize = 4096

func newLink(name string, megabits float64, rtt time.Duration) *link {
	l := &link{name: name, rate: megabits * 1e6 / 8, rtt: rtt, wire: make(chan chunk)}
	go l.run()
	return l
}

// run serves chunks in the order they come: a response waits for the
// chunks ahead of it, so n concurrent responses get 1/n of the rate each.
// It paces by deadline, so that sleeping late does not slow the link.
func (l *link) run() {
	next := time.Now()
	for c := range l.wire {
		if now := time.Now(); next.Before(now) {
			next = now
		}
		next = next.Add(time.Duration(float64(c.n) / l.rate * float64(time.Second)))
		time.Sleep(time.Until(next))
		l.sent.Add(int64(c.n))
		close(c.done)
	}
}

func (l *link) send(n int) {
	c := chunk{n: n, done: make(chan struct{})}
	l.wire <- c
	<-c.done
}

// serve configures srv so that every response crosses the link.
func (l *link) serve(srv *http.Server) {
	h := srv.Handler
	srv.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
		return context.WithValue(ctx, connKey{}, new(atomic.Bool))
	}
	srv.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		delay := l.rtt
		if used, ok := r.Context().Value(connKey{}).(*atomic.Bool); ok && !used.Swap(true) {
			delay += l.rtt
		}
		time.Sleep(delay)
		h.ServeHTTP(&shaped{w: w, link: l}, r)
	})
}

type connKey struct{}

// shaped is a ResponseWriter whose body crosses the link. It has no
// ReadFrom, so that http.ServeFile's copy comes through Write.
type shaped struct {
	w    http.ResponseWriter
	link *link
}

func (s *shaped) Header() http.Header  { return s.w.Header() }
func (s *shaped) WriteHeader(code int) { s.w.WriteHeader(code) }

func (s *shaped) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		n := min(len(p), chunkSize)
		s.link.send(n)
		m, err := s.w.Write(p[:n])
		written += m
		if err != nil {
			return written, err
		}
		if f, ok := s.w.(http.Flusher); ok {
			f.Flush()
		}
		p = p[n:]
	}
	return written, nil
}

func (s *shaped) Flush() {
	if f, ok := s.w.(http.Flusher); ok {
		f.Flush()
	}
}
