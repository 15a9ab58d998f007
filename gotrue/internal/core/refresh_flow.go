package core

// RefreshState is what a refresh reads of a User object of the page when
// it starts, and what the page's refresh lock says (D9).
type RefreshState struct {
	// RefreshToken is the token to send, as gotrue-js writes it.
	RefreshToken string
	// UserID is the user's id (D5 adopts only the same user's session).
	UserID string
	// ExpiresAt is Number(user.token.expires_at) (NaN when there is none).
	// A refresh asked for while it is not within the expiry margin was
	// forced (jwt(true)).
	ExpiresAt float64
	// Locked: the caller holds the origin-wide refresh lock (D9), so no
	// other tab is refreshing.
	Locked bool
	// Asked is the stored session's refresh token when the caller asked
	// for the refresh, before it waited for the lock ("" for none).
	Asked string
}

// RefreshSteps is a user as the end of a refresh reaches it: the steps
// gotrue-js's User._refreshToken takes once the answer is in.
type RefreshSteps interface {
	// Landed is the refresh's request answered: a later refresh of the
	// same token sends its own (gotrue-js forgets the shared Promise).
	Landed()
	// ProcessTokenResponse is this._processTokenResponse(token): token,
	// the token object the refresh gave, becomes the user's.
	ProcessTokenResponse(token RawJSON) error
	// RefreshSavedSession is this._refreshSavedSession().
	RefreshSavedSession() error
	// ClearSession is this.clearSession().
	ClearSession() error
	// AccessToken is this.token.access_token: ErrTokenNotSet when the user
	// holds no token.
	AccessToken() (Value, error)
}

// RefreshUser is the token refresh behind User.jwt() for a user of the
// page whose state is s, in realm r (whose storage is the page's):
// gotrue-wasm's refresh policy (grant: D5, D8, D9), its request sent
// through api, the User's API object, and what it decided applied to u.
// It returns the access token the user holds after it.
func RefreshUser(ctx Context, r *Realm, api Caller, u RefreshSteps, s RefreshState) (Value, error) {
	g := r.grant(ctx, api, grantState{
		refreshToken: s.RefreshToken, userID: s.UserID, expiresAt: s.ExpiresAt,
		force:  !(s.ExpiresAt-ExpiryMargin < r.nowMS()),
		locked: s.Locked, asked: s.Asked, obtained: r.obtained,
	})
	return r.applyGrant(u, s.RefreshToken, g)
}

// applyGrant applies to u what the refresh policy decided for refresh
// token rt, as gotrue-js applies a refresh's answer: the token processed
// and the saved session refreshed, or the session cleared, keeping a
// stored session that is not this one (D5). No answer (D8) changes
// nothing.
func (r *Realm) applyGrant(u RefreshSteps, rt string, g granted) (Value, error) {
	u.Landed()
	if g.err != nil {
		if Unanswered(g.err) {
			return nil, g.err
		}
		return nil, r.clearKeeping(u, g.keepStored, g.err)
	}
	access, err := r.applyToken(u, g)
	if err != nil {
		return nil, r.clearKeeping(u, r.keepsStored(rt, r.obtained), err)
	}
	return access, nil
}

// applyToken is the token of a successful refresh made u's.
func (r *Realm) applyToken(u RefreshSteps, g granted) (Value, error) {
	if err := u.ProcessTokenResponse(g.token); err != nil {
		return nil, err
	}
	if err := u.RefreshSavedSession(); err != nil {
		return nil, err
	}
	if !g.adopted {
		r.obtainJSON(g.token)
	}
	return u.AccessToken()
}

// clearKeeping ends u's session after a refresh failed with err, which it
// returns (or what the clearing threw, as in gotrue-js): u.ClearSession(),
// after which a stored session that is not u's (keep) is put back if the
// clearing removed it (D5).
func (r *Realm) clearKeeping(u RefreshSteps, keep bool, err error) error {
	kept, ok := "", false
	if keep {
		kept, ok = r.stored()
	}
	if cerr := u.ClearSession(); cerr != nil {
		err = cerr
	}
	if _, still := r.stored(); ok && !still {
		r.save(kept)
	}
	return err
}
