package core

import (
	"strings"
)

// DefaultAPIURL is the API URL of Netlify Identity, relative to the site.
const DefaultAPIURL = "/.netlify/identity"

// Options configures a Client, as gotrue-js's constructor options do.
type Options struct {
	// APIURL is the GoTrue endpoint; "" means DefaultAPIURL. Paths are
	// appended to it as strings, never resolved.
	APIURL string
	// Audience, when not empty, is sent as X-JWT-AUD.
	Audience string
	// SetCookie asks the server for the nf_jwt cookie (X-Use-Cookie).
	SetCookie bool
	// ClientName is sent as X-Nf-Client; "" means "gotrue-js".
	ClientName string
	// Origin is the page's origin (scheme://host[:port]). When set,
	// X-Nf-Client is sent only to an API URL of that origin, because a
	// self-hosted GoTrue's CORS rejects it cross-origin (D3). When empty,
	// it is always sent, as gotrue-js 1.0.1 does.
	Origin string
	// Transport sends the requests.
	Transport Transport
}

// Client is the counterpart of gotrue-js's GoTrue: the public,
// unauthenticated operations and the entry to a User. Clients of one Realm
// share its current user, storage and refreshes. Its methods may be called
// concurrently, with gotrue-js's consequence: with SetCookie, each sign-in
// sets X-Use-Cookie on the one API object, for every later request of every
// user (package gotrue gives each session its own).
type Client struct {
	realm     *Realm
	api       *API
	audience  string
	setCookie bool
}

// New returns a client for opts in realm (nil: a new private Realm).
func New(realm *Realm, opts Options) *Client {
	if realm == nil {
		realm = NewRealm()
	}
	apiURL := opts.APIURL
	if apiURL == "" {
		apiURL = DefaultAPIURL
	}
	if strings.HasPrefix(apiURL, "http://") {
		realm.logf("warn", "Warning:\n\nDO NOT USE HTTP IN PRODUCTION FOR GOTRUE EVER!\nGoTrue REQUIRES HTTPS to work securely.")
	}
	name := opts.ClientName
	if name == "" {
		name = "gotrue-js"
	}
	var headers Header
	if sendsClientHeader(apiURL, opts.Origin) {
		headers = Header{{"X-Nf-Client", name}}
	}
	return &Client{realm: realm, api: NewAPI(apiURL, headers, opts.Transport), audience: opts.Audience, setCookie: opts.SetCookie}
}

// sendsClientHeader applies D3: X-Nf-Client only to the page's own origin.
func sendsClientHeader(apiURL, origin string) bool {
	if origin == "" || isRelative(apiURL) {
		return true
	}
	o, ok := urlOrigin(apiURL)
	if !ok {
		return !strings.HasPrefix(apiURL, "//") // a path relative to the page
	}
	return equalFoldASCII(o, origin)
}

// urlOrigin returns scheme://host[:port] of an absolute URL. It is parsed
// by hand: net/url (with net/netip) would add to the wasm what one string
// split does here.
func urlOrigin(raw string) (string, bool) {
	sep := index(raw, "://")
	if sep <= 0 || indexAnyByte(raw[:sep], "/?#") >= 0 {
		return "", false
	}
	scheme, rest := raw[:sep], raw[sep+3:]
	host := rest
	if i := indexAnyByte(rest, "/?#"); i >= 0 {
		host = rest[:i]
	}
	if at := strings.LastIndexByte(host, '@'); at >= 0 {
		host = host[at+1:]
	}
	if host == "" {
		return "", false
	}
	return toLowerASCII(scheme) + "://" + host, true
}

// API returns the client's API (gotrue.api).
func (c *Client) API() *API { return c.api }

// Realm returns the realm the client shares state through.
func (c *Client) Realm() *Realm { return c.realm }

// Audience returns the configured audience (ClientObject).
func (c *Client) Audience() (string, error) { return c.audience, nil }

// setRememberHeaders does what gotrue-js's _setRememberHeaders does: with SetCookie,
// X-Use-Cookie becomes "1" for a remembered session and "session" otherwise,
// and is sent with every later request of this API.
func (c *Client) setRememberHeaders(remember bool) {
	if !c.setCookie {
		return
	}
	v := "session"
	if remember {
		v = "1"
	}
	c.api.SetHeader("X-Use-Cookie", v)
}

// Sender is the client's API (ClientObject).
func (c *Client) Sender() (Sender, error) { return c.api, nil }

// request is GoTrue's _request (ClientRequest) for a call.
func (c *Client) request(ctx Context, cl call) (RawJSON, error) {
	return decoded(ClientRequest(ctx, c, cl.path, &cl))
}

// decoded is a Go program's request result: what Send decoded.
func decoded(v Value, err error) (RawJSON, error) {
	if err != nil {
		return nil, err
	}
	raw, _ := v.(RawJSON)
	return raw, nil
}
