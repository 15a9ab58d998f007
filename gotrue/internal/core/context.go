package core

import (
	"errors"
	"sync"
)

// Context is what the client needs of a context.Context: cancellation.
// Every context.Context is a Context, so Go programs pass theirs as usual:
//
//	user, err := client.Login(ctx, email, password, true)
//
// The methods ask for this subset instead of context.Context because of
// the browser build. A context.Context in a js/wasm binary keeps the time
// package's formatting and time-zone code alive, through the time.Time its
// Deadline method returns and fmt's Stringer calls: about 18 kB of brotli
// on a module whose budget is measured in kilobytes (see make bench). No
// deadline or value is lost: a Transport that needs a context.Context gets
// the caller's own by type assertion, as gotrue/nethttp does.
type Context interface {
	// Done is closed when the work should stop; nil if it never stops.
	Done() <-chan struct{}
	// Err says why Done was closed.
	Err() error
}

// errRefreshCanceled ends a refresh whose every caller has left.
var errRefreshCanceled = errors.New("gotrue: the token refresh was cancelled: every caller left")

// cancelContext is a Context that ends when cancel is first called: what
// a refresh in flight needs of context.WithCancel, which the core does not
// link (see Context).
type cancelContext struct {
	done chan struct{}
	once sync.Once
	mu   sync.Mutex
	err  error
}

func newCancelContext() *cancelContext { return &cancelContext{done: make(chan struct{})} }

// Done is closed once the context is cancelled.
func (c *cancelContext) Done() <-chan struct{} { return c.done }

// Err is the error the context was cancelled with, or nil.
func (c *cancelContext) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// cancel ends the context with err; later calls do nothing.
func (c *cancelContext) cancel(err error) {
	c.once.Do(func() {
		c.mu.Lock()
		c.err = err
		c.mu.Unlock()
		close(c.done)
	})
}
