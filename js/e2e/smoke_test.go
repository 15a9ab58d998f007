//go:build !js

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEveryEntryLoads(t *testing.T) {
	s := newSite(t)
	s.confirmedUser(t, "entry@example.com", map[string]any{"full_name": "Entry"})
	for _, page := range []string{"/sync.html", "/module.html", "/inline.html", "/inline-script.html", "/cold.html"} {
		t.Run(page, func(t *testing.T) {
			tb := s.open(t, page)
			r := tb.run(`
				const auth = new GoTrue();
				const user = await auth.login('entry@example.com', 'secret', true);
				return { same: auth.currentUser() === user, name: user.user_metadata.full_name, isUser: user instanceof GoTrue.User,
					ctor: GoTrue.name, defaultIsSelf: GoTrue.default === GoTrue };`)
			assert.Equal(t, true, r["same"])
			assert.Equal(t, "Entry", r["name"])
			assert.Equal(t, true, r["isUser"])
			assert.Equal(t, "GoTrue", r["ctor"])
			assert.Equal(t, true, r["defaultIsSelf"])
		})
	}
}
