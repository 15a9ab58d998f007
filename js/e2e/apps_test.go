//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOverridesRoute is the README's first way to swap: an app that
// depends on @netlify/identity from the npm registry puts gotrue-wasm under
// it with its package manager's override (npm overrides in package.json,
// pnpm overrides in pnpm-workspace.yaml, where pnpm 10 and later read them,
// yarn resolutions), installs, builds with vite and logs in.
func TestOverridesRoute(t *testing.T) {
	requireTools(t)
	node22 := filepath.Join(toolsDir(), "node22", "bin", "node") // @netlify/identity asks for Node 22.12
	for _, pm := range []struct {
		name    string
		field   func(spec string) map[string]any
		install []string
	}{
		{"npm", func(spec string) map[string]any {
			return map[string]any{"overrides": map[string]string{"gotrue-js": spec}}
		}, nil},
		{"pnpm", nil, []string{node22, filepath.Join(toolsDir(), "pnpm", "bin", "pnpm.mjs"), "install", "--reporter=silent"}},
		{"yarn", func(spec string) map[string]any {
			return map[string]any{"resolutions": map[string]string{"gotrue-js": spec}}
		},
			[]string{node22, filepath.Join(toolsDir(), "yarn", "bin", "yarn.js"), "install", "--non-interactive", "--silent", "--cache-folder", filepath.Join(t.TempDir(), "yarn-cache")}},
	} {
		t.Run(pm.name, func(t *testing.T) {
			app := filepath.Join(t.TempDir(), "app")
			require.NoError(t, os.CopyFS(app, os.DirFS("testdata/overridesapp")))
			manifest := map[string]any{"name": "identity-app", "private": true, "type": "module",
				"dependencies": map[string]string{"@netlify/identity": "2.0.0"}}
			spec := "file:" + tarball(t)
			if pm.field != nil {
				for k, v := range pm.field(spec) {
					manifest[k] = v
				}
			} else {
				yaml := "overrides:\n  gotrue-js: " + jsQuote(spec) + "\n"
				require.NoError(t, os.WriteFile(filepath.Join(app, "pnpm-workspace.yaml"), []byte(yaml), 0o644))
			}
			b, _ := json.MarshalIndent(manifest, "", "  ")
			require.NoError(t, os.WriteFile(filepath.Join(app, "package.json"), b, 0o644))
			if pm.install == nil {
				npmInstall(t, app)
			} else {
				cmd := exec.Command(pm.install[0], pm.install[1:]...)
				cmd.Dir = app
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "%s", out)
			}
			checkOverridesApp(t, app)
		})
	}
}

// checkOverridesApp builds the installed app and logs in with it.
func checkOverridesApp(t *testing.T, app string) {
	t.Helper()
	viteBuild(t, app)
	wasm, _ := filepath.Glob(filepath.Join(app, "dist", "assets", "gotrue*.wasm"))
	assert.Len(t, wasm, 1, "the bundle holds gotrue-wasm: vite emitted gotrue.wasm as an asset")

	r := builtResult(t, filepath.Join(app, "dist"), "app@example.com", "App")
	assert.Equal(t, "App", r["name"])
	assert.Equal(t, "app@example.com", r["again"])
	assert.Nil(t, r["after"])
	assert.Equal(t, "AuthError 400 invalid_grant: No user found with that email, or password invalid.", r["wrong"])
}

// TestReactNetlifyIdentity builds one React 16 app on react-netlify-identity
// 0.2.7 twice, with gotrue-js resolved to gotrue-js 1.0.1 and to gotrue-wasm
// (a vite alias), and compares what each renders and stores as a user logs
// in, updates, reloads and logs out.
func TestReactNetlifyIdentity(t *testing.T) {
	requireTools(t)
	app := filepath.Join(t.TempDir(), "app")
	require.NoError(t, os.CopyFS(app, os.DirFS("testdata/reactapp")))
	require.NoError(t, os.MkdirAll(filepath.Join(app, "node_modules"), 0o755))
	for _, p := range []string{"react", "react-dom", "react-netlify-identity"} {
		require.NoError(t, os.Symlink(filepath.Join(toolsDir(), p), filepath.Join(app, "node_modules", p)))
	}
	builds := map[string]string{
		"ref":  filepath.Join(toolsDir(), "gotrue-js", "lib", "index.js"),
		"ours": packageDir(t),
	}
	records := map[string][]map[string]any{}
	for name, lib := range builds {
		out := filepath.Join(app, "dist-"+name)
		viteBuild(t, app, "GOTRUE_JS="+lib, "OUT_DIR="+out)
		wasm, _ := filepath.Glob(filepath.Join(out, "assets", "gotrue*.wasm"))
		assert.Equal(t, name == "ours", len(wasm) == 1, "%s build: gotrue.wasm emitted only when aliased to gotrue-wasm", name)
		records[name] = runReactApp(t, out)
	}
	compare(t, "react-netlify-identity", records["ref"], records["ours"])
	observed(t, records["ref"], "loginUser", "logged in as react@example.com (React)")
	observed(t, records["ref"], "after reload", "logged in as react@example.com (React 2)")
}

func runReactApp(t *testing.T, dist string) []map[string]any {
	t.Helper()
	s := serveBuilt(t, dist)
	s.confirmedUser(t, "react@example.com", map[string]any{"full_name": "React"})
	// react-netlify-identity refuses an IP address or localhost as its URL.
	tb := s.openAs(t, "react.test", "/index.html")
	act := func(js string) []map[string]any {
		return decodeSteps(t, tb.evalRaw(`(async () => {
			const record = [];
			const status = () => document.getElementById('status').textContent;
			const step = async (name, fn) => {
				const out = { name };
				try { const v = await fn(); out.value = v === undefined ? { undefined: true } : { json: JSON.parse(JSON.stringify(v, (k, x) => k === 'api' ? undefined : x)) }; }
				catch (e) { out.error = { name: e.name, message: e.message, status: e.status }; }
				await new Promise((r) => setTimeout(r, 50)); // React renders
				out.status = status();
				out.storage = localStorage.getItem('gotrue.user');
				record.push(out);
			};
			`+js+`
			return record;
		})()`))
	}
	steps := act(`
		await step('at load', () => status());
		await step('loginUser wrong password', () => window.identity.loginUser('react@example.com', 'nope', true));
		await step('loginUser', () => window.identity.loginUser('react@example.com', 'secret', true));
		await step('getFreshJWT', async () => typeof await window.identity.getFreshJWT());
		await step('updateUser', () => window.identity.updateUser({ data: { full_name: 'React 2' } }));`)
	tb.reload()
	steps = append(steps, act(`
		await step('after reload', () => status());
		await step('isConfirmedUser', () => window.identity.isConfirmedUser);
		await step('logoutUser', () => window.identity.logoutUser());`)...)
	tb.reload()
	return append(steps, act(`await step('after logout and reload', () => status());`)...)
}
