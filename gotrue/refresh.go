package gotrue

import (
	"errors"
	"fmt"
	"time"
)

// flight is one refresh request that every caller holding the same refresh
// token shares.
type flight struct {
	done    chan struct{}
	tok     *Token // the token the refresh gave
	err     error
	joiners int // callers waiting for it, besides the one that sends it
}

// JWT returns the access token, refreshing it first when force is set or
// when it expires within ExpiryMargin. Concurrent callers with the same
// refresh token share one request, across every client of the realm, as in
// gotrue-js; ctx cancels the request of the caller that sends it. A failed
// refresh clears the session (see refresh); later calls return ErrNoSession.
func (u *User) JWT(ctx Context, force bool) (string, error) {
	tok := u.TokenDetails()
	if tok == nil {
		return "", ErrNoSession
	}
	if force || tok.expired(u.realm.nowMS()) {
		t, err := u.refresh(ctx, tok.refreshTokenJS(), force)
		if err != nil {
			return "", err
		}
		return t.AccessToken(), nil
	}
	return tok.AccessToken(), nil
}

// refresh runs, or joins, the single flight for refreshToken. A caller
// that joins waits for the flight or for its own ctx, whichever ends first;
// the flight goes on either way, and always ends: it is landed by a defer,
// so a panic in the leader (a Storage or logger that panics) still releases
// every joiner, with errRefreshAborted, and the panic goes on to the leader's
// caller.
func (u *User) refresh(ctx Context, refreshToken string, force bool) (*Token, error) {
	r := u.realm
	r.mu.Lock()
	if f := r.flights[refreshToken]; f != nil {
		f.joiners++
		r.mu.Unlock()
		return f.wait(ctx)
	}
	f := &flight{done: make(chan struct{}), err: errRefreshAborted}
	r.flights[refreshToken] = f
	r.mu.Unlock()
	defer r.land(refreshToken, f)
	f.tok, f.err = u.doRefresh(ctx, refreshToken, force)
	return f.tok, f.err
}

// errRefreshAborted is what joiners get when the refresh they joined ended
// in a panic.
var errRefreshAborted = errors.New("gotrue: the token refresh was aborted")

// wait returns the flight's result, or ctx's error if ctx ends first.
func (f *flight) wait(ctx Context) (*Token, error) {
	select {
	case <-f.done:
		return f.tok, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// land ends flight f: later callers start a new one, and joiners return.
func (r *Realm) land(refreshToken string, f *flight) {
	r.mu.Lock()
	delete(r.flights, refreshToken)
	r.mu.Unlock()
	close(f.done)
}

// doRefresh sends the refresh grant. Before it, another tab's newer session
// is adopted when storage holds one for the same user (D5). On failure the
// session is cleared, but storage is emptied only while it still holds the
// token that failed (D5).
func (u *User) doRefresh(ctx Context, refreshToken string, force bool) (*Token, error) {
	if tok := u.adoptStored(refreshToken); tok != nil {
		if !force && !tok.expired(u.realm.nowMS()) {
			return tok, nil
		}
		refreshToken = tok.refreshTokenJS()
	}
	res, err := u.postRefresh(ctx, refreshToken)
	var tok *Token
	if err == nil {
		tok, err = u.applyRefresh(res)
	}
	if err != nil {
		if tok := u.adoptAfterRace(refreshToken, err); tok != nil {
			return tok, nil
		}
		u.clearAfterFailedRefresh(refreshToken)
		return nil, err
	}
	return tok, nil
}

// adoptAfterRace handles the race D5 exists for: two tabs refreshed the
// same token at once and the server rotated it for the other one. When the
// server says invalid_grant and storage holds, or within the realm's race
// grace comes to hold, another refresh token of the same user, that newer
// session is adopted instead of logging out: the winning tab writes it as
// soon as its own answer arrives. No request is sent.
func (u *User) adoptAfterRace(failed string, err error) *Token {
	if he := httpErrorIn(err); he == nil || he.ErrorCode != "invalid_grant" {
		return nil
	}
	for polls := u.realm.raceGrace / racePoll; ; polls-- {
		if tok := u.adoptRotated(failed); tok != nil {
			return tok
		}
		if !u.storedHolds(failed) || polls <= 0 {
			return nil
		}
		wait(racePoll)
	}
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

// storedHolds reports whether storage holds a session of this user with
// refresh token rt, which a concurrent winner is about to replace.
func (u *User) storedHolds(rt string) bool {
	s := u.storedOwn()
	return s != nil && s.refreshToken() == rt
}

// storedOwn is the stored session when it belongs to this user, else nil.
func (u *User) storedOwn() *storedSession {
	raw, ok := u.realm.stored()
	if !ok {
		return nil
	}
	s, err := parseStored(raw)
	if err != nil || s.id == "" || s.id != u.ID() {
		return nil
	}
	return s
}

// adoptRotated adopts a stored session of the same user whose refresh
// token is not the one that failed.
func (u *User) adoptRotated(failed string) *Token {
	s := u.storedOwn()
	if s == nil || s.refreshToken() == failed || s.refreshToken() == "" || u.realm.obtained(s.refreshToken()) {
		return nil
	}
	tok, err := newToken(s.token)
	if err != nil {
		return nil
	}
	u.replaceToken(tok)
	return tok
}

// postRefresh sends the refresh grant and gives up after the realm's
// refresh timeout (30 s), as gotrue-js races its request against a timer:
// the request is not aborted, and its late answer is dropped.
func (u *User) postRefresh(ctx Context, refreshToken string) (Object, error) {
	type answer struct {
		res []byte
		err error
	}
	answers := make(chan answer, 2)
	timer := time.AfterFunc(u.realm.refreshTimeout, func() { answers <- answer{err: ErrRefreshTimeout} })
	defer timer.Stop()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				answers <- answer{err: fmt.Errorf("gotrue: internal error in refresh: %v", r)}
			}
		}()
		res, err := u.api.do(ctx, call{
			method: "POST", path: "/token",
			header: Header{{"Content-Type", "application/x-www-form-urlencoded"}},
			body:   []byte("grant_type=refresh_token&refresh_token=" + refreshToken),
		})
		answers <- answer{res, err}
	}()
	a := <-answers
	if a.err != nil {
		return Object{}, a.err
	}
	obj, perr := ParseObject(a.res)
	if perr != nil {
		return Object{}, &ResponseError{Op: "refresh", Msg: "the token response is not a JSON object"}
	}
	return obj, nil
}

// applyRefresh makes the token response the session's token and re-saves a
// stored session. It returns the token it applied, not whatever the user
// holds by then: a concurrent ClearSession may have dropped it already.
func (u *User) applyRefresh(res Object) (*Token, error) {
	tok := u.setToken(res)
	u.realm.obtain(tok)
	u.refreshSavedSession()
	if tok == nil {
		return nil, ErrTokenNotSet
	}
	return tok, nil
}

// adoptStored returns the stored token when storage holds a session of the
// same user with a different refresh token and a later expiry: another tab
// has rotated the token already. It then becomes this user's token.
func (u *User) adoptStored(refreshToken string) *Token {
	s, cur := u.storedOwn(), u.TokenDetails()
	if s == nil || cur == nil {
		return nil
	}
	tok, err := newToken(s.token)
	if err != nil || tok.refreshTokenJS() == refreshToken || !(tok.ExpiresAt > cur.ExpiresAt) || u.realm.obtained(tok.RefreshToken()) {
		return nil
	}
	u.replaceToken(tok)
	return tok
}

// clearAfterFailedRefresh is clearSession, except that a stored session
// whose refresh token differs (another tab's newer one) is kept (D5). A
// stored token this page obtained itself is its own session, which page
// code replaced with the token that failed: it goes, as in gotrue-js.
func (u *User) clearAfterFailedRefresh(failed string) {
	if raw, ok := u.realm.stored(); ok {
		if s, err := parseStored(raw); err == nil && (s.refreshToken() == failed || u.realm.obtained(s.refreshToken())) {
			u.realm.RemoveSavedSession()
		}
	}
	u.replaceToken(nil)
	u.clearCurrent()
}
