package core

// Waiters is how many callers wait for the refresh of refreshToken in
// flight (for tests that must know every caller has joined).
func (r *Realm) Waiters(refreshToken string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if f := r.flights[refreshToken]; f != nil {
		return f.waiters
	}
	return 0
}

// StartUser is the first half of SessionFromToken (a session made current from a
// token object, without a request), for tests.
func (c *Client) StartUser(tok Object, remember bool) *User { return c.startUser(tok, remember) }
