package nethttp

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTransport(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/id/user", r.URL.Path)
		assert.Equal(t, "v", r.Header.Get("X-Test"))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	tr := &Transport{Base: srv.URL}
	res, err := tr.Do(context.Background(), &gotrue.Request{Method: "GET", URL: "/id/user", Header: gotrue.Header{{Name: "X-Test", Value: "v"}}})
	require.NoError(t, err)
	assert.Equal(t, 418, res.Status)
	assert.Equal(t, "I'm a teapot", res.StatusText)
	assert.Equal(t, "application/json", res.Header.Get("content-type"))
	assert.Equal(t, "{}", string(res.Body))

	_, err = (&Transport{}).Do(context.Background(), &gotrue.Request{Method: "GET", URL: "/id/user"})
	assert.ErrorContains(t, err, "needs Transport.Base")
	abs, err := (&Transport{}).Do(context.Background(), &gotrue.Request{Method: "GET", URL: srv.URL + "/id/user", Header: gotrue.Header{{Name: "X-Test", Value: "v"}}})
	require.NoError(t, err)
	assert.Equal(t, 418, abs.Status)
}
