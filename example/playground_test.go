package main

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPlaygroundByHand drives the playground as a newcomer would: sign up,
// open the mail in the inbox, follow the link, log in, rename, get a JWT,
// reload, log out. It saves a screenshot in artifacts/.
func TestPlaygroundByHand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds js/dist and drives Chromium")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	dist := filepath.Join(t.TempDir(), "dist")
	build := exec.Command("go", "run", "./js/build", "-out", dist)
	build.Dir, build.Stderr = root, os.Stderr
	require.NoError(t, build.Run())

	ts := httptest.NewUnstartedServer(nil)
	site := "http://" + ts.Listener.Addr().String()
	h, err := newHandler(site, "", dist, false)
	require.NoError(t, err)
	ts.Config.Handler = h
	ts.Start()
	defer ts.Close()

	ctx, cancel := browser(t)
	defer cancel()
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, scancel := context.WithTimeout(ctx, 30*time.Second)
		defer scancel()
		require.NoError(t, chromedp.Do(sctx, actions...), name)
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		require.NoError(t, err, sel)
		return s
	}
	section := func(id string) string { return "#" + id }

	step("open", chromedp.Navigate(site+"/"), chromedp.WaitVisible(`body[data-ready=true]`))
	assert.Equal(t, "Not logged in", text("#status-text"))

	step("sign up",
		chromedp.SetValue(section("signup")+` input[name=email]`, "newcomer@example.com"),
		chromedp.SetValue(section("signup")+` input[name=password]`, "s3cret-pass"),
		chromedp.SetValue(section("signup")+` input[name=full_name]`, "New Comer"),
		chromedp.Click(section("signup")+` button[type=submit]`),
		chromedp.WaitVisible(section("signup")+` .result[data-ok=true]`))
	assert.Contains(t, text(section("signup")+" .result-body"), `"confirmation_sent_at"`)

	step("the mail arrives", chromedp.WaitVisible(`#mails li.mail[data-kind=confirmation] a.follow`))
	assert.Contains(t, text("#mails"), "Confirm Your Signup")
	step("follow the link", chromedp.Click(`#mails li.mail[data-kind=confirmation] a.follow`),
		chromedp.WaitVisible(`#flow[data-ok=true]`))
	assert.Contains(t, text("#flow"), "newcomer@example.com")
	assert.Contains(t, text("#status-text"), "Logged in as newcomer@example.com")

	step("log out", chromedp.Click(section("logout")+` button[type=submit]`), chromedp.WaitVisible(section("logout")+` .result[data-ok=true]`))
	assert.Equal(t, "Not logged in", text("#status-text"))

	step("log in",
		chromedp.SetValue(section("login")+` input[name=email]`, "newcomer@example.com"),
		chromedp.SetValue(section("login")+` input[name=password]`, "s3cret-pass"),
		chromedp.Click(section("login")+` button[type=submit]`),
		chromedp.WaitVisible(section("login")+` .result[data-ok=true]`))
	assert.Contains(t, text("#status-text"), "remembered")

	step("update the name",
		chromedp.SetValue(section("update")+` input[name=full_name]`, "Renamed Comer"),
		chromedp.Click(section("update")+` button[type=submit]`),
		chromedp.WaitVisible(section("update")+` .result[data-ok=true]`))
	assert.Contains(t, text(section("update")+" .result-body"), `"full_name": "Renamed Comer"`)

	step("get a JWT", chromedp.Click(section("jwt")+` button[type=submit]`), chromedp.WaitVisible(section("jwt")+` .result[data-ok=true]`))
	assert.True(t, strings.HasPrefix(text(section("jwt")+" .result-body"), `"eyJ`))

	step("reload", chromedp.Reload(), chromedp.WaitVisible(`body[data-ready=true]`))
	assert.Contains(t, text("#status-text"), "Logged in as newcomer@example.com", "still logged in")
	step("current user", chromedp.Click(section("currentuser")+` button[type=submit]`), chromedp.WaitVisible(section("currentuser")+` .result[data-ok=true]`))
	assert.Contains(t, text(section("currentuser")+" .result-body"), "Renamed Comer")

	step("wrong password shows the error",
		chromedp.SetValue(section("login")+` input[name=password]`, "nope"),
		chromedp.Click(section("login")+` button[type=submit]`),
		chromedp.WaitVisible(section("login")+` .result[data-ok=false]`))
	assert.Contains(t, text(section("login")+" .result-body"), `"name": "JSONHTTPError"`)

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	artifacts := filepath.Join(root, "artifacts")
	require.NoError(t, os.MkdirAll(artifacts, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(artifacts, "playground.png"), shot, 0o644))

	step("log out", chromedp.Click(section("logout")+` button[type=submit]`), chromedp.WaitVisible(section("logout")+` .result[data-ok=true]`))
	assert.Equal(t, "Not logged in", text("#status-text"))

	step("OAuth round trip: the provider page",
		chromedp.Click(section("loginexternalurl")+` button[type=submit]`),
		chromedp.WaitVisible(`#allow`))
	assert.Contains(t, text("h1"), "Sign in with github")
	step("OAuth round trip: back with #access_token",
		chromedp.Click(`#allow`),
		chromedp.WaitVisible(`#flow[data-ok=true]`))
	assert.Contains(t, text("#flow"), "octocat@example.com")
	assert.Contains(t, text("#status-text"), "Logged in as octocat@example.com")
}

func browser(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 1000))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	require.NoError(t, chromedp.Do(ctx), "starting Chromium at %s", path) // the first run owns the browser
	return ctx, func() { cancel(); cancelAlloc() }
}
