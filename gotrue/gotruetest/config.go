package gotruetest

import (
	"strings"
	"time"
)

// Config mirrors the netlify/gotrue settings a client can observe. New fills
// it with the server's defaults; Options change single fields.
type Config struct {
	JWTSecret            string        // GOTRUE_JWT_SECRET: HS256 key of access tokens
	JWTExp               time.Duration // GOTRUE_JWT_EXP: access-token lifetime (default 1h)
	Aud                  string        // GOTRUE_JWT_AUD: default audience (default "")
	AdminGroup           string        // GOTRUE_JWT_ADMIN_GROUP_NAME (default "admin")
	DefaultGroup         string        // GOTRUE_JWT_DEFAULT_GROUP_NAME (default "")
	RefreshTokenLifetime time.Duration // GOTRUE_JWT_REFRESH_TOKEN_LIFETIME (default 30 days)
	OperatorToken        string        // GOTRUE_OPERATOR_TOKEN: super-admin Bearer, signs OAuth state
	SiteURL              string        // GOTRUE_SITE_URL: base of mail links, default OAuth target
	Autoconfirm          bool          // GOTRUE_MAILER_AUTOCONFIRM
	DisableSignup        bool          // GOTRUE_DISABLE_SIGNUP
	DisableEmail         bool          // GOTRUE_EXTERNAL_EMAIL_DISABLED
	MailMaxFrequency     time.Duration // GOTRUE_SMTP_MAX_FREQUENCY (default 15m)
	AdminEmail           string        // GOTRUE_SMTP_ADMIN_EMAIL: the From address
	ConfirmationMaxAge   time.Duration // GOTRUE_MAILER_CONFIRMATION_MAX_AGE (default 24h)
	RecoveryMaxAge       time.Duration // GOTRUE_MAILER_RECOVERY_MAX_AGE (default 24h)
	InviteMaxAge         time.Duration // GOTRUE_MAILER_INVITE_MAX_AGE (default 168h)
	CookieKey            string        // GOTRUE_COOKIE_KEY (default "nf_jwt")
	CookieDuration       time.Duration // GOTRUE_COOKIE_DURATION (default 24h)
	RateLimitHeader      string        // GOTRUE_RATE_LIMIT_HEADER: enables the /token rate limit
	Providers            []string      // enabled external providers: github, gitlab, google, bitbucket, facebook
	SAMLName             string        // a configured SAML provider's label; enables SAML
	ExternalRedirectURL  string        // GOTRUE_EXTERNAL_REDIRECT_URL
	Version              string        // the version /health reports
	Now                  func() time.Time
}

// Option changes one setting of a new Server.
type Option func(*Config)

func defaultConfig() Config {
	return Config{
		JWTSecret:            "gotruetest-jwt-secret",
		JWTExp:               time.Hour,
		AdminGroup:           "admin",
		RefreshTokenLifetime: 30 * 24 * time.Hour,
		OperatorToken:        "gotruetest-operator-token",
		SiteURL:              "http://localhost:8080",
		MailMaxFrequency:     15 * time.Minute,
		AdminEmail:           "admin@example.com",
		ConfirmationMaxAge:   24 * time.Hour,
		RecoveryMaxAge:       24 * time.Hour,
		InviteMaxAge:         7 * 24 * time.Hour,
		CookieKey:            "nf_jwt",
		CookieDuration:       24 * time.Hour,
		Now:                  time.Now,
	}
}

// WithConfig replaces every setting at once; zero durations keep their defaults.
func WithConfig(c Config) Option {
	return func(dst *Config) {
		def := *dst
		*dst = c
		fillZero(dst, def)
	}
}

func fillZero(c *Config, def Config) {
	durs := []struct{ v, d *time.Duration }{
		{&c.JWTExp, &def.JWTExp}, {&c.RefreshTokenLifetime, &def.RefreshTokenLifetime},
		{&c.MailMaxFrequency, &def.MailMaxFrequency}, {&c.ConfirmationMaxAge, &def.ConfirmationMaxAge},
		{&c.RecoveryMaxAge, &def.RecoveryMaxAge}, {&c.InviteMaxAge, &def.InviteMaxAge},
		{&c.CookieDuration, &def.CookieDuration},
	}
	for _, p := range durs {
		if *p.v == 0 {
			*p.v = *p.d
		}
	}
	strs := []struct{ v, d *string }{
		{&c.JWTSecret, &def.JWTSecret}, {&c.OperatorToken, &def.OperatorToken},
		{&c.SiteURL, &def.SiteURL}, {&c.CookieKey, &def.CookieKey}, {&c.AdminGroup, &def.AdminGroup},
	}
	for _, p := range strs {
		if *p.v == "" {
			*p.v = *p.d
		}
	}
	if c.Now == nil {
		c.Now = def.Now
	}
}

// WithJWTSecret sets the HS256 secret of access tokens.
func WithJWTSecret(s string) Option { return func(c *Config) { c.JWTSecret = s } }

// WithJWTExp sets the access-token lifetime (expires_in).
func WithJWTExp(d time.Duration) Option { return func(c *Config) { c.JWTExp = d } }

// WithAud sets the default audience (GOTRUE_JWT_AUD).
func WithAud(aud string) Option { return func(c *Config) { c.Aud = aud } }

// WithSiteURL sets the base URL of mail links and the default OAuth target.
func WithSiteURL(u string) Option { return func(c *Config) { c.SiteURL = u } }

// WithAutoconfirm confirms users at signup, without mail.
func WithAutoconfirm(on bool) Option { return func(c *Config) { c.Autoconfirm = on } }

// WithDisableSignup makes /signup answer 403.
func WithDisableSignup(on bool) Option { return func(c *Config) { c.DisableSignup = on } }

// WithOperatorToken sets the super-admin Bearer token.
func WithOperatorToken(t string) Option { return func(c *Config) { c.OperatorToken = t } }

// WithAdminGroup sets the role that makes a user admin of their audience.
func WithAdminGroup(g string) Option { return func(c *Config) { c.AdminGroup = g } }

// WithDefaultGroup sets the role of new users.
func WithDefaultGroup(g string) Option { return func(c *Config) { c.DefaultGroup = g } }

// WithMailMaxFrequency sets the minimum gap between confirmation or recovery mails.
func WithMailMaxFrequency(d time.Duration) Option {
	return func(c *Config) { c.MailMaxFrequency = d }
}

// WithRefreshTokenLifetime sets how long a refresh token stays valid.
func WithRefreshTokenLifetime(d time.Duration) Option {
	return func(c *Config) { c.RefreshTokenLifetime = d }
}

// WithProviders enables external OAuth providers by name (github, gitlab, ...).
func WithProviders(names ...string) Option {
	return func(c *Config) {
		for _, n := range names {
			c.Providers = append(c.Providers, strings.ToLower(n))
		}
	}
}

// WithSAML enables the SAML provider under the given label.
func WithSAML(name string) Option { return func(c *Config) { c.SAMLName = name } }

// WithExternalRedirectURL overrides the target of OAuth callbacks.
func WithExternalRedirectURL(u string) Option { return func(c *Config) { c.ExternalRedirectURL = u } }

// WithRateLimitHeader enables the /token rate limit, keyed by that request header.
func WithRateLimitHeader(h string) Option { return func(c *Config) { c.RateLimitHeader = h } }

// WithClock sets the source of the current time; Server.Advance moves it further.
func WithClock(now func() time.Time) Option { return func(c *Config) { c.Now = now } }
