package devserver

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDistNegotiation(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, body := range map[string]string{"gotrue.wasm": "raw", "gotrue.wasm.br": "br", "gotrue.wasm.gz": "gz", "gotrue.mjs": "m"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	h := New(Config{Dist: dir, Pages: fstest.MapFS{"index.html": {Data: []byte("<p>hi")}}, Emulator: gotruetest.New()})
	tests := []struct {
		path, accept, body, encoding, ctype string
	}{
		{"/dist/gotrue.wasm", "gzip, deflate, br", "br", "br", "application/wasm"},
		{"/dist/gotrue.wasm", "gzip", "gz", "gzip", "application/wasm"},
		{"/dist/gotrue.wasm", "br;q=0, gzip;q=0.5", "gz", "gzip", "application/wasm"},
		{"/dist/gotrue.wasm", "", "raw", "", "application/wasm"},
		{"/dist/gotrue.mjs", "br", "m", "", "text/javascript; charset=utf-8"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", tt.path, nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		h.ServeHTTP(rec, req)
		assert.Equal(t, tt.body, rec.Body.String(), tt.accept)
		assert.Equal(t, tt.encoding, rec.Header().Get("Content-Encoding"), tt.accept)
		assert.Equal(t, tt.ctype, rec.Header().Get("Content-Type"), tt.path)
	}
	for path, want := range map[string]int{"/.netlify/identity/health": 200, "/_inbox": 200, "/": 200} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		assert.Equal(t, want, rec.Code, path)
	}
}

func TestProxy(t *testing.T) {
	t.Parallel()
	upstream := httptest.NewServer(http.StripPrefix("/gotrue", gotruetest.New()))
	defer upstream.Close()
	target, _ := url.Parse(upstream.URL + "/gotrue")
	site := httptest.NewServer(New(Config{API: target}))
	defer site.Close()
	res, err := http.Get(site.URL + "/.netlify/identity/settings")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode)
}

// TestCacheControl: the content-hashed module may be kept for good; every
// other file is revalidated, since its name stays when its bytes change.
func TestCacheControl(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, want string }{
		{"/gotrue.0123456789.wasm", "public, max-age=31536000, immutable"},
		{"/gotrue.abcdef0123.wasm", "public, max-age=31536000, immutable"},
		{"/gotrue.wasm", "no-cache"},
		{"/gotrue.js", "no-cache"},
		{"/gotrue.mjs", "no-cache"},
		{"/gotrue.0123456789.wasm.br", "no-cache"},
		{"/gotrue.ABCDEF0123.wasm", "no-cache"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, CacheControl(tt.name), tt.name)
	}
}
