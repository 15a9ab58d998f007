package gotrue

import (
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/internal/core"
)

// DefaultClientName is the X-Nf-Client header a Client sends unless
// WithClientName says otherwise.
const DefaultClientName = "gotrue-go"

// Client talks to one GoTrue API. It holds configuration only, no session:
// each sign-in returns a Session of its own. A Client is safe for
// concurrent use.
type Client struct {
	apiURL         string
	audience       string
	clientName     string
	transport      core.Transport
	clock          func() time.Time
	logger         *slog.Logger
	refreshTimeout time.Duration
}

// Option configures a Client.
type Option func(*Client)

// WithTransport sets how requests are sent (required; see gotrue/nethttp).
func WithTransport(t Transport) Option {
	return func(c *Client) { c.transport = transport{t} }
}

// WithAudience sends aud as X-JWT-AUD: the users of that audience, on a
// GoTrue that serves several.
func WithAudience(aud string) Option { return func(c *Client) { c.audience = aud } }

// WithClientName sets the X-Nf-Client header (default DefaultClientName).
func WithClientName(name string) Option { return func(c *Client) { c.clientName = name } }

// WithClock sets the clock that decides when a token is due for a refresh
// (default time.Now).
func WithClock(now func() time.Time) Option { return func(c *Client) { c.clock = now } }

// WithLogger receives what goes wrong without failing a call (an http://
// API URL, a stored session or an access token that cannot be read, a
// store that cannot be written). Messages never contain a token. Default:
// none.
func WithLogger(l *slog.Logger) Option { return func(c *Client) { c.logger = l } }

// WithRefreshTimeout bounds a token refresh (default 30 s, as gotrue-js).
func WithRefreshTimeout(d time.Duration) Option {
	return func(c *Client) { c.refreshTimeout = d }
}

// NewClient returns a client for the GoTrue API at apiURL, such as
// "https://example.netlify.app/.netlify/identity". Paths are appended to
// it as strings.
func NewClient(apiURL string, opts ...Option) *Client {
	c := &Client{apiURL: apiURL, clientName: DefaultClientName, clock: time.Now, refreshTimeout: 30 * time.Second}
	for _, o := range opts {
		o(c)
	}
	if c.logger != nil && strings.HasPrefix(apiURL, "http://") {
		c.logger.Warn("gotrue: the API URL is http://: GoTrue requires HTTPS to work securely")
	}
	return c
}

// engine is the core's client for one session: its own realm (token,
// store, refresh in flight) and its own API object.
func (c *Client) engine(store Storage) *core.Client {
	opts := []core.RealmOption{
		core.WithClock(c.clock), core.WithRefreshTimeout(c.refreshTimeout),
		core.WithRealmTransport(c.transport), core.WithLogger(c.logf),
	}
	if store != nil {
		opts = append(opts, core.WithStorage(store))
	}
	return core.New(core.NewRealm(opts...), core.Options{
		APIURL: c.apiURL, Audience: c.audience, ClientName: c.clientName, Transport: c.transport,
	})
}

// logf passes the core's errors to the logger. Its one warning, an http://
// API URL, which the core gives for each session, NewClient gives once.
func (c *Client) logf(level, msg string) {
	if c.logger != nil && level == "error" {
		c.logger.Error(msg)
	}
}

// LoginExternalURL is the URL that starts a sign-in with an OAuth provider
// ("github", "gitlab", "bitbucket", "google"): a browser is sent there, and
// comes back to the site with the token in the URL's fragment.
//
// GoTrue API: GET /authorize.
func (c *Client) LoginExternalURL(provider string) string {
	return c.apiURL + "/authorize?provider=" + url.QueryEscape(provider)
}

// AcceptInviteExternalURL is LoginExternalURL for accepting an invite.
func (c *Client) AcceptInviteExternalURL(provider, inviteToken string) string {
	return c.LoginExternalURL(provider) + "&invite_token=" + url.QueryEscape(inviteToken)
}
