//go:build !js

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A session saved by one library is picked up by the other after a
// reload, without a new login, in both directions.
func TestSessionInterop(t *testing.T) {
	requireTools(t)
	tests := []struct{ name, from, to string }{
		{"gotrue-js 1.0.1 to gotrue-wasm", "/ref.html", "/ours.html"},
		{"gotrue-wasm to gotrue-js 1.0.1", "/ours.html", "/ref.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t)
			s.confirmedUser(t, "swap@example.com", map[string]any{"full_name": "Swap"})
			tb := s.open(t, tt.from)
			saved := tb.run(`const u = await new GoTrue().login('swap@example.com', 'secret', true); return { id: u.id, stored: localStorage.getItem('gotrue.user') };`)
			tb.navigate(tt.to)
			r := tb.run(`
				const auth = new GoTrue();
				const u = auth.currentUser();
				const fresh = await u.getUserData();
				return { id: u.id, name: u.user_metadata.full_name, fromStorage: u._fromStorage, jwt: typeof (await u.jwt()),
					isUser: u instanceof GoTrue.User, requests: window.__requests.map((r) => r.path) };`)
			assert.Equal(t, saved["id"], r["id"])
			assert.Equal(t, "Swap", r["name"])
			assert.Equal(t, true, r["fromStorage"])
			assert.Equal(t, "string", r["jwt"])
			assert.Equal(t, true, r["isUser"])
			assert.Equal(t, []any{"/.netlify/identity/user"}, r["requests"], "no new login")
		})
	}
	t.Run("gotrue-js 0.9.29 format to gotrue-wasm", func(t *testing.T) {
		s := newSite(t)
		s.confirmedUser(t, "old@example.com", nil)
		tb := s.open(t, "/ref.html")
		r := tb.run(`
			const u = await new GoTrue().login('old@example.com', 'secret', true);
			const d = JSON.parse(localStorage.getItem('gotrue.user'));
			const old = { url: d.url, token: d.token };
			for (const k of Object.keys(d)) if (!['url', 'token', 'audience'].includes(k)) old[k] = d[k];
			localStorage.setItem('gotrue.user', JSON.stringify(old));
			return { keys: Object.keys(old).slice(0, 3) };`)
		require.Equal(t, []any{"url", "token", "id"}, r["keys"])
		tb.navigate("/ours.html")
		r = tb.run(`const u = new GoTrue().currentUser(); return { email: u.email, jwt: typeof (await u.jwt()), audience: 'audience' in u && u.audience === undefined };`)
		assert.Equal(t, "old@example.com", r["email"])
		assert.Equal(t, "string", r["jwt"])
		assert.Equal(t, true, r["audience"], "as 1.0.1 recovers a 0.9.29 session: audience undefined")
	})
}
