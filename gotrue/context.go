package gotrue

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
