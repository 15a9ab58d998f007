//go:build !js

package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The widget page injects gotrue-wasm into the stock netlify-identity-widget
// 2.0.3 at runtime (the contract's route 2), right after the widget's own
// init on DOMContentLoaded, with the options the widget itself uses off
// localhost. The widget runs its hash routes (#confirmation_token=…) during
// that init, on its built-in client, so the page holds the fragment back and
// hands it to the widget's own route action once gotrue-wasm is in.
func init() {
	pages["widget.html"] = pageFile(`<!doctype html><html><head><title>widget</title>
<script>window.heldHash = location.hash; if (location.hash) history.replaceState(null, '', location.pathname);</script>
<script src="/widget/netlify-identity-widget.js"></script>
<script src="/dist/gotrue.js" data-overwrite></script>
<script>
window.lib = window.GoTrue;
document.addEventListener('DOMContentLoaded', () => {
  netlifyIdentity.store.init(new window.lib({ setCookie: true, clientName: 'netlify-identity-widget' }), true);
  window.injected = netlifyIdentity.gotrue instanceof window.lib;
  const m = window.heldHash.match(/(confirmation|invite|recovery|email_change)_token=([^&]+)/);
  if (m) netlifyIdentity.store.verifyToken(m[1], m[2]); // what the widget's runRoutes does
});
</script></head><body><div data-netlify-identity-menu></div></body></html>`)
}

// widgetJS drives the widget's own UI in its iframe, as a person would.
const widgetJS = `
const waitFor = (fn, what, ms = 10000) => new Promise((resolve, reject) => {
  const t0 = Date.now();
  const poll = () => { let v; try { v = fn(); } catch { v = null; } if (v) return resolve(v);
    if (Date.now() - t0 > ms) return reject(new Error('timed out waiting for ' + what + '; widget shows: ' + doc().body.innerText.slice(0, 300)));
    setTimeout(poll, 50); };
  poll();
});
const doc = () => document.getElementById('netlify-identity-widget').contentDocument;
// type sets one field and lets preact re-render before the next, as typing does.
const type = async (name, value) => {
  const el = doc().querySelector('input[name="' + name + '"]');
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 30));
};
const submit = () => doc().querySelector('form button[type=submit], form button.btn').click();
const text = () => doc().body.innerText;
`

func TestWidgetOnGotrueWasm(t *testing.T) {
	requireTools(t)
	s := newSite(t)
	tb := s.openAs(t, "widget.test", "/widget.html") // not localhost, where the widget asks for a site URL
	r := tb.run(widgetJS + `
		await waitFor(() => window.injected !== undefined && document.getElementById('netlify-identity-widget'), 'the widget');
		netlifyIdentity.open('signup');
		await waitFor(() => doc().querySelector('input[name=email]'), 'the signup form');
		await type('name', 'Widget Person'); await type('email', 'widget@example.com'); await type('password', 'secret-pw');
		submit();
		await waitFor(() => /confirmation/i.test(text()), 'the confirmation message');
		return { injected: window.injected, text: text() };`)
	require.Equal(t, true, r["injected"], "the widget runs on gotrue-wasm")
	mail, ok := s.emu.LastMail("widget@example.com")
	require.True(t, ok, "the signup went through gotrue-wasm to the emulator")

	tb.navigate("/blank.html") // following the mail link is a new page load
	tb.navigate("/widget.html#" + strings.SplitN(mail.Link, "#", 2)[1])
	r = tb.run(widgetJS + `
		await waitFor(() => netlifyIdentity.currentUser(), 'the confirmed user');
		const user = netlifyIdentity.currentUser();
		await waitFor(() => /Widget Person/.test(text()), 'the name in the widget');
		return { name: user.user_metadata.full_name, isOurs: netlifyIdentity.store.user instanceof GoTrue.User, text: text() };`)
	assert.Equal(t, "Widget Person", r["name"])
	assert.Equal(t, true, r["isOurs"])
	assert.Contains(t, r["text"], "Widget Person", "the widget shows the user's name")

	r = tb.run(widgetJS + `
		netlifyIdentity.open();
		(await waitFor(() => [...doc().querySelectorAll('button')].find((b) => /log out/i.test(b.innerText)), 'the log out button')).click();
		await waitFor(() => !netlifyIdentity.currentUser(), 'the logout button\'s logout, state ' + JSON.stringify({ stored: localStorage.getItem('gotrue.user'), cu: !!netlifyIdentity.currentUser(), vmUser: !!netlifyIdentity.store.user }));
		netlifyIdentity.open('login');
		await waitFor(() => doc().querySelector('input[name=password]'), 'the login form');
		await type('email', 'widget@example.com'); await type('password', 'secret-pw');
		submit();
		await waitFor(() => netlifyIdentity.currentUser(), 'the login');
		await waitFor(() => /Widget Person/.test(text()), 'the name after login');
		const stored = JSON.parse(localStorage.getItem('gotrue.user'));
		return { email: netlifyIdentity.currentUser().email, stored: stored && stored.email, menu: document.querySelector('[data-netlify-identity-menu]').innerText };`)
	assert.Equal(t, "widget@example.com", r["email"])
	assert.Equal(t, "widget@example.com", r["stored"], "the widget logs in remembered")
	assert.Contains(t, r["menu"], "Logged in as widget@example.com", "the page menu shows who is in")

	r = tb.run(widgetJS + `
		netlifyIdentity.logout();
		await waitFor(() => !netlifyIdentity.currentUser() && !localStorage.getItem('gotrue.user'), 'netlifyIdentity.logout()');
		return { out: true };`)
	assert.Equal(t, true, r["out"])
}
