package nethttp

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type sourceFunc func(context.Context) (*gotrue.Token, error)

func (f sourceFunc) Token(ctx context.Context) (*gotrue.Token, error) { return f(ctx) }

// closeRecorder is a request body that records whether it was closed.
type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestRoundTripper(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, r.Header.Get("Authorization"))
	}))
	defer srv.Close()
	failed := errors.New("no token")
	tests := []struct {
		name    string
		source  gotrue.TokenSource
		want    string
		wantErr string
	}{
		{"signed", gotrue.StaticToken("abc"), "Bearer abc", ""},
		{"the source fails", sourceFunc(func(context.Context) (*gotrue.Token, error) { return nil, failed }), "", "no token"},
		{"no source", nil, "", "nethttp: RoundTripper has no Source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := &closeRecorder{Reader: strings.NewReader("x")}
			req, err := http.NewRequest("POST", srv.URL, body)
			require.NoError(t, err)
			res, err := (&RoundTripper{Source: tt.source}).RoundTrip(req)
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				assert.True(t, body.closed, "a request not sent has its body closed")
				return
			}
			require.NoError(t, err)
			defer res.Body.Close()
			got, _ := io.ReadAll(res.Body)
			assert.Equal(t, tt.want, string(got))
			assert.Empty(t, req.Header.Get("Authorization"), "the caller's request is not changed")
		})
	}
}
