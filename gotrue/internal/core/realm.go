package core

import (
	"sync"
	"time"
)

// Realm is the state gotrue-js keeps in module globals, shared by every
// client of one page: the session storage, the current-user singleton, the
// refreshes its users' JWT calls have in flight, and the refresh tokens it
// obtained from the server (D5). Clients made with the same Realm share
// them, as every GoTrue instance of a page does; independent Realms are
// independent (package gotrue gives each session its own). In the browser
// the page's objects hold the current user and its refreshes in flight,
// and the realm holds the storage. A Realm is safe for concurrent use.
type Realm struct {
	storage        Storage
	transport      Transport
	clock          func() time.Time
	logf           func(level, msg string)
	refreshTimeout time.Duration
	raceGrace      time.Duration

	mu      sync.Mutex
	current *User
	flights map[string]*flight
	own     []string // the refresh tokens this realm obtained from the server, newest last
}

// RealmOption configures a Realm.
type RealmOption func(*Realm)

// WithStorage sets where sessions are saved (default: memory).
func WithStorage(s Storage) RealmOption { return func(r *Realm) { r.storage = s } }

// WithRealmTransport sets the transport of APIs the realm makes itself, for
// sessions recovered without a client (User.recoverSession()).
func WithRealmTransport(t Transport) RealmOption { return func(r *Realm) { r.transport = t } }

// WithClock sets the clock that decides token expiry (default time.Now).
func WithClock(now func() time.Time) RealmOption { return func(r *Realm) { r.clock = now } }

// WithLogger receives what gotrue-js prints with console.warn ("warn") and
// console.error ("error"). Messages never contain a token (D6).
func WithLogger(logf func(level, msg string)) RealmOption { return func(r *Realm) { r.logf = logf } }

// WithRefreshTimeout changes the 30 s limit on a token refresh.
func WithRefreshTimeout(d time.Duration) RealmOption {
	return func(r *Realm) { r.refreshTimeout = d }
}

// WithRaceGrace sets how long a refresh that lost the rotation race to
// another tab waits for that tab to store its new session (default 2 s, D5).
func WithRaceGrace(d time.Duration) RealmOption { return func(r *Realm) { r.raceGrace = d } }

// NewRealm returns a Realm with memory storage and the real clock.
func NewRealm(opts ...RealmOption) *Realm {
	r := &Realm{clock: time.Now, refreshTimeout: 30 * time.Second, raceGrace: 2 * time.Second, flights: map[string]*flight{}}
	for _, o := range opts {
		o(r)
	}
	if r.storage == nil {
		r.storage = &MemoryStorage{}
	}
	if r.logf == nil {
		r.logf = func(string, string) {}
	}
	return r
}

// ownTokens is how many of the refresh tokens it obtained a realm keeps:
// enough for any session's recent rotations.
const ownTokens = 32

// obtain notes that this realm got t from the server (a login, a verify, a
// refresh): see Obtain.
func (r *Realm) obtain(t *Token) {
	if t != nil {
		r.Obtain(t.RefreshToken())
	}
}

// obtainJSON is obtain for a token object as JSON.
func (r *Realm) obtainJSON(raw RawJSON) {
	if obj, err := ParseObject(raw); err == nil {
		if rt, ok := obj.String("refresh_token"); ok {
			r.Obtain(rt)
		}
	}
}

// Obtain notes that this realm got refresh token rt from the server (a
// login, a verify, a token response given to GoTrue.createUser, a
// refresh), so that D5 does not take it for another tab's: the other tabs'
// rotations are what storage holds and this realm did not obtain.
func (r *Realm) Obtain(rt string) {
	if rt == "" || r.obtained(rt) {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.own = append(r.own, rt)
	if len(r.own) > ownTokens {
		r.own = r.own[len(r.own)-ownTokens:]
	}
}

// obtained reports whether this realm got refresh token rt from the server.
func (r *Realm) obtained(rt string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, own := range r.own {
		if own == rt {
			return true
		}
	}
	return false
}

// Storage returns the realm's session storage.
func (r *Realm) Storage() Storage { return r.storage }

func (r *Realm) nowMS() float64 { return float64(r.clock().UnixMilli()) }

// Current returns the current-user singleton, or nil, without reading
// storage.
func (r *Realm) Current() *User {
	r.mu.Lock()
	v := r.current
	r.mu.Unlock()
	return v
}

func (r *Realm) setCurrent(u *User) {
	r.mu.Lock()
	r.current = u
	r.mu.Unlock()
}

// clearCurrent unsets the singleton, as gotrue-js's `currentUser = null`.
func (r *Realm) clearCurrent() {
	r.mu.Lock()
	r.current = nil
	r.mu.Unlock()
}

// ForgetCurrent drops the singleton so the next CurrentUser re-reads
// storage: what gotrue-js does when another tab writes gotrue.user.
func (r *Realm) ForgetCurrent() { r.clearCurrent() }

// RemoveSavedSession deletes the stored session (User.removeSavedSession).
func (r *Realm) RemoveSavedSession() {
	if err := r.storage.Remove(StorageKey); err != nil {
		r.logf("error", "Gotrue-js: could not remove the saved session: "+err.Error())
	}
}

func (r *Realm) stored() (string, bool) {
	v, ok, err := r.storage.Get(StorageKey)
	if err != nil || !ok || v == "" {
		return "", false
	}
	return v, true
}

func (r *Realm) save(value string) {
	if err := r.storage.Set(StorageKey, value); err != nil {
		r.logf("error", "Gotrue-js: could not save the session: "+err.Error())
	}
}
