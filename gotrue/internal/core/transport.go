package core

// Transport sends one HTTP request. The browser build implements it with
// fetch, native programs with net/http (package gotrue/nethttp); the core
// itself never links net/http.
//
// Do returns an error only when no response arrived; any status, 4xx and
// 5xx included, is a Response. Errors from Do reach the caller unchanged.
type Transport interface {
	Do(ctx Context, req *Request) (*Response, error)
}

// Request is an HTTP request as gotrue-js makes it.
type Request struct {
	Method string
	URL    string // the API URL concatenated with the path, never resolved
	Header Header
	Body   []byte // nil when there is no body
	// Credentials is the fetch credentials mode: "same-origin" for a
	// relative API URL, "" (the fetch default) otherwise.
	Credentials string
}

// Response is an HTTP response.
type Response struct {
	Status     int
	StatusText string // feeds HTTPError messages, as in gotrue-js
	Header     Header
	Body       []byte
}

// OK reports a 2xx status, as fetch's Response.ok does.
func (r *Response) OK() bool { return r.Status >= 200 && r.Status < 300 }

// Header is an ordered list of header fields. Lookups ignore case.
type Header []HeaderField

// HeaderField is one header name and value.
type HeaderField struct{ Name, Value string }

// Get returns the value of the first field named name, ignoring case.
func (h Header) Get(name string) string {
	for _, f := range h {
		if equalFoldASCII(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Set replaces the field named name (ignoring case) or appends it.
func (h *Header) Set(name, value string) {
	for i, f := range *h {
		if equalFoldASCII(f.Name, name) {
			(*h)[i].Value = value
			return
		}
	}
	*h = append(*h, HeaderField{name, value})
}

// Del removes every field named name, ignoring case.
func (h *Header) Del(name string) error {
	out := (*h)[:0]
	for _, f := range *h {
		if !equalFoldASCII(f.Name, name) {
			out = append(out, f)
		}
	}
	*h = out
	return nil
}

// Clone returns an independent copy.
func (h Header) Clone() Header { return append(Header(nil), h...) }
