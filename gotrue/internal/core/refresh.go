package core

import (
	"errors"
	"math"
	"time"
)

// flight is one refresh request that every caller holding the same refresh
// token shares. It runs on its own goroutine with its own context, which
// ends when the refresh times out (the request is cancelled then) or when
// the last caller waiting for it leaves, never because the caller that
// started it left.
type flight struct {
	ctx     *cancelContext
	done    chan struct{}
	tok     *Token // the token the refresh gave
	err     error
	waiters int // callers waiting for it; guarded by the realm's mu
}

// JWT returns the access token, refreshing it first when force is set or
// when it expires within ExpiryMargin. Concurrent callers with the same
// refresh token share one request, across every client of the realm, as in
// gotrue-js. ctx ends the caller's wait; the request itself is cancelled
// only when every caller waiting for it has left.
//
// A refresh the server refuses (a 4xx) clears the session, as in gotrue-js;
// later calls return ErrNoSession. One that gets no answer (the transport
// failed, the 30 s timeout, a 5xx) returns its error and keeps the session,
// and the next call tries again (D8; see Unanswered).
func (u *User) JWT(ctx Context, force bool) (string, error) {
	t, err := u.Token(ctx, force)
	if err != nil {
		return "", err
	}
	return t.AccessToken(), nil
}

// Token is JWT's token object: the one the session holds, or the one the
// refresh gave.
func (u *User) Token(ctx Context, force bool) (*Token, error) {
	tok := u.TokenDetails()
	if tok == nil {
		return nil, ErrNoSession
	}
	if due := tok.expired(u.realm.nowMS()); force || due {
		return u.refresh(ctx, tok.refreshTokenJS(), force && !due)
	}
	return tok, nil
}

// refresh starts, or joins, the single flight for refreshToken and waits
// for it or for ctx, whichever ends first. A caller that is the same user
// goes on with the token the flight applied; it is the user's token
// already.
func (u *User) refresh(ctx Context, refreshToken string, force bool) (*Token, error) {
	r := u.realm
	r.mu.Lock()
	f := r.flights[refreshToken]
	if f == nil {
		f = &flight{ctx: newCancelContext(), done: make(chan struct{}), err: errRefreshAborted}
		r.flights[refreshToken] = f
		go u.fly(f, refreshToken, force)
	}
	f.waiters++
	r.mu.Unlock()
	return r.wait(ctx, refreshToken, f)
}

// fly runs flight f to its end. It always lands, a panic (a Storage or
// logger that panics) included, which every waiter then gets as an error.
func (u *User) fly(f *flight, refreshToken string, force bool) {
	defer u.realm.land(refreshToken, f)
	timeout := time.AfterFunc(u.realm.refreshTimeout, func() { f.ctx.cancel(ErrRefreshTimeout) })
	defer timeout.Stop()
	defer func() {
		if v := recover(); v != nil {
			f.tok, f.err = nil, internalError("refresh", v)
		}
	}()
	f.tok, f.err = u.doRefresh(f.ctx, refreshToken, force)
}

// errRefreshAborted is what waiters get from a flight that ended without
// a result.
var errRefreshAborted = errors.New("gotrue: the token refresh was aborted")

// wait returns the flight's result, or ctx's error if ctx ends first. The
// last waiter to leave cancels the flight's request, and a later caller
// starts a new one.
func (r *Realm) wait(ctx Context, refreshToken string, f *flight) (*Token, error) {
	select {
	case <-f.done:
		return f.tok, f.err
	case <-ctx.Done():
		r.mu.Lock()
		f.waiters--
		last := f.waiters == 0
		if last {
			r.forget(refreshToken, f)
		}
		r.mu.Unlock()
		if last {
			f.ctx.cancel(errRefreshCanceled)
		}
		return nil, ctx.Err()
	}
}

// land ends flight f: later callers start a new one, and waiters return.
func (r *Realm) land(refreshToken string, f *flight) {
	r.mu.Lock()
	r.forget(refreshToken, f)
	r.mu.Unlock()
	f.ctx.cancel(errRefreshAborted)
	close(f.done)
}

// forget unregisters flight f, if it is still the one for refreshToken.
// The caller holds r.mu.
func (r *Realm) forget(refreshToken string, f *flight) {
	if r.flights[refreshToken] == f {
		delete(r.flights, refreshToken)
	}
}

// doRefresh runs the realm's refresh policy (grant) for u and applies what
// it decided (applyGrant): the new token, or the session cleared.
func (u *User) doRefresh(ctx Context, refreshToken string, force bool) (*Token, error) {
	g := u.realm.grant(ctx, u.api, grantState{
		refreshToken: refreshToken, userID: u.ID(), expiresAt: u.expiresAt(), force: force, obtained: u.realm.obtained,
	})
	steps := &refreshSteps{u: u}
	if _, err := u.realm.applyGrant(steps, refreshToken, g); err != nil {
		return nil, err
	}
	return steps.applied, nil
}

func (u *User) expiresAt() float64 {
	if t := u.TokenDetails(); t != nil {
		return t.ExpiresAt
	}
	return math.NaN()
}

// refreshSteps is a User of a Go program as the end of its refresh reaches
// it. applied is the token the refresh gave, which JWT returns, not
// whatever the user holds by then: a concurrent ClearSession may have
// dropped it already.
type refreshSteps struct {
	u       *User
	applied *Token
}

// Landed does nothing: the flight's waiters get the token it applied.
func (*refreshSteps) Landed() {}

// ProcessTokenResponse makes token the user's.
func (s *refreshSteps) ProcessTokenResponse(token RawJSON) error {
	obj, err := ParseObject(token)
	if err != nil {
		return &ResponseError{Op: "refresh", Msg: "the token response is not a JSON object"}
	}
	s.applied = s.u.setToken(obj)
	return nil
}

// RefreshSavedSession saves the session again, if one is saved.
func (s *refreshSteps) RefreshSavedSession() error {
	s.u.refreshSavedSession()
	return nil
}

// ClearSession ends the session.
func (s *refreshSteps) ClearSession() error {
	s.u.ClearSession()
	return nil
}

// AccessToken is the access token of the token the refresh applied.
func (s *refreshSteps) AccessToken() (Value, error) {
	if s.applied == nil {
		return nil, ErrTokenNotSet
	}
	return s.applied.AccessToken(), nil
}

// grantState is what the refresh policy needs to know of a session: the
// refresh token to send (as gotrue-js writes it in the request), the user's
// id and the expiry of the token it holds (NaN: none), whether the caller
// forces a refresh of a token that is not due (a due one is refreshed
// anyway, and D5 may adopt another tab's session for it), and which refresh
// tokens this page obtained from the server itself. locked and asked are
// D9's: the caller holds the origin-wide refresh lock, and asked is the
// refresh token storage held when the caller asked for the refresh.
type grantState struct {
	refreshToken string
	userID       string
	expiresAt    float64
	force        bool
	locked       bool
	asked        string
	obtained     func(refreshToken string) bool
}

// granted is what the refresh policy decided. On success, token is the
// token object to apply: the server's answer to the refresh, or (adopted)
// a newer session another tab stored (D5). On failure, err is the error the
// caller rejects with, which ends the session unless the server gave no
// answer (Unanswered, D8); keepStored says whether storage holds another
// session, which stays (D5).
type granted struct {
	token      RawJSON
	adopted    bool
	err        error
	keepStored bool
}

// grant is the refresh policy of gotrue-wasm, shared by Go programs
// (User.JWT) and the browser build (RefreshUser):
//  1. another tab's newer session of the same user is adopted instead of
//     sending a refresh token it has rotated already (D5);
//  2. the refresh grant is sent, and given up after the refresh timeout;
//  3. no answer (the transport failed, the timeout, a 5xx) keeps the session
//     (D8);
//  4. a refusal (invalid_grant) that lost a race to another tab adopts the
//     winner's session when it lands (D5);
//  5. anything else ends the session, keeping a stored session that is not
//     this one (D5).
func (r *Realm) grant(ctx Context, api Caller, s grantState) granted {
	rt := s.refreshToken
	if stored := r.rotated(s); stored != nil {
		if r.adoptable(s, stored) {
			return granted{token: stored.tokenJSON(), adopted: true}
		}
		rt = stored.refreshToken() // forced, or due: refresh the rotated token
	}
	res, err := r.post(ctx, api, rt)
	if err == nil {
		return granted{token: res}
	}
	if Unanswered(err) {
		return granted{err: err}
	}
	if stored := r.afterRace(s, rt, err); stored != nil {
		return granted{token: stored.tokenJSON(), adopted: true}
	}
	return granted{err: err, keepStored: r.keepsStored(rt, s.obtained)}
}

// adoptable reports whether another tab's newer session stored is taken
// as it is, instead of refreshing it: when it is not due and the caller
// does not force a refresh (D5); and, under the refresh lock, when another
// tab stored it while this one waited (D9), which is as new as this tab's
// own refresh would be, however short the tokens' lifetime (JWTs shorter
// than the expiry margin are always due), as long as it has not expired.
func (r *Realm) adoptable(s grantState, stored *storedSession) bool {
	now := r.nowMS()
	if s.locked && stored.refreshToken() != s.asked && stored.expiresAt() > now {
		return true
	}
	return !stored.expired(now) && !s.force
}

// rotated is the stored session when another tab has rotated this one's
// refresh token: a session of the same user, with another refresh token
// that this page did not obtain itself, expiring later (D5).
func (r *Realm) rotated(s grantState) *storedSession {
	stored := r.storedOf(s.userID)
	if stored == nil || stored.refreshToken() == s.refreshToken || s.obtained(stored.refreshToken()) {
		return nil
	}
	if !(stored.expiresAt() >= s.expiresAt) {
		return nil
	}
	return stored
}

// afterRace handles the race D5 exists for: two tabs refreshed the same
// token at once and the server rotated it for the other one. When the
// server says invalid_grant and storage holds, or comes to hold, another
// refresh token of the same user, that newer session is adopted instead of
// logging out: the winning tab writes it as soon as its own answer arrives.
// Under the refresh lock (D9) no other tab can be refreshing, so storage is
// read once; without it, for up to the realm's race grace while storage
// still holds the token that failed. No request is sent.
func (r *Realm) afterRace(s grantState, failed string, err error) *storedSession {
	if he := httpErrorIn(err); he == nil || he.ErrorCode != "invalid_grant" {
		return nil
	}
	for polls := r.raceGrace / racePoll; ; polls-- {
		stored := r.storedOf(s.userID)
		if stored == nil {
			return nil
		}
		rt := stored.refreshToken()
		if rt != failed && rt != "" && !s.obtained(rt) {
			return stored
		}
		if s.locked || rt != failed || polls <= 0 {
			return nil
		}
		wait(racePoll)
	}
}

// keepsStored reports whether a failed refresh of failed must leave the
// stored session alone (D5): it holds another refresh token that this page
// did not obtain (another tab's newer session, or another user's). A stored
// token this page obtained itself is its own session, which page code
// replaced with the token that failed: it goes, as in gotrue-js.
func (r *Realm) keepsStored(failed string, obtained func(string) bool) bool {
	raw, ok := r.stored()
	if !ok {
		return false
	}
	s, err := parseStored(raw)
	return err == nil && s.refreshToken() != failed && !obtained(s.refreshToken())
}

// wait is time.Sleep made of time.AfterFunc, which the refresh timeout
// links anyway: time.Sleep brings its own timer code into the wasm.
func wait(d time.Duration) {
	woke := make(chan struct{})
	time.AfterFunc(d, func() { close(woke) })
	<-woke
}

// racePoll is how often storage is re-read while waiting for another tab.
const racePoll = 25 * time.Millisecond

// storedOf is the stored session when it belongs to the user with id, else
// nil.
func (r *Realm) storedOf(id string) *storedSession {
	raw, ok := r.stored()
	if !ok {
		return nil
	}
	s, err := parseStored(raw)
	if err != nil || s.id == "" || s.id != id {
		return nil
	}
	return s
}

// post sends the refresh grant and gives up after the realm's refresh
// timeout (30 s), as gotrue-js races its request against a timer: the
// request is not aborted here (in the browser, as in gotrue-js, it runs
// to its end and its late answer is dropped; a flight cancels its own
// context then). It returns what the server answered, as JSON.
func (r *Realm) post(ctx Context, api Caller, refreshToken string) (RawJSON, error) {
	type answer struct {
		res RawJSON
		err error
	}
	answers := make(chan answer, 2)
	timer := time.AfterFunc(r.refreshTimeout, func() { answers <- answer{err: ErrRefreshTimeout} })
	defer timer.Stop()
	go func() {
		defer func() {
			if v := recover(); v != nil {
				answers <- answer{err: internalError("refresh", v)}
			}
		}()
		res, err := api.Call(ctx, RefreshCall(refreshToken))
		answers <- answer{res, err}
	}()
	a := <-answers
	return a.res, a.err
}
