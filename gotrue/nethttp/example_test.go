package nethttp_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/nethttp"
)

// Call a site's function as the signed-in user: the client's requests carry
// the session's access token, refreshed when it is due.
func ExampleRoundTripper() {
	emu := gotruetest.New(gotruetest.WithAutoconfirm(true))
	mux := http.NewServeMux()
	mux.Handle("/.netlify/identity/", http.StripPrefix("/.netlify/identity", emu))
	mux.HandleFunc("/.netlify/functions/hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "signed:", strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := context.Background()
	client := gotrue.NewClient(srv.URL+"/.netlify/identity", gotrue.WithTransport(&nethttp.Transport{}))
	_, _ = client.Signup(ctx, "fn@example.com", "pw", nil)
	session, err := client.Login(ctx, "fn@example.com", "pw")
	if err != nil {
		fmt.Println(err)
		return
	}

	hc := &http.Client{Transport: &nethttp.RoundTripper{Source: session}}
	res, err := hc.Get(srv.URL + "/.netlify/functions/hello")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	fmt.Print(string(body))
	// Output:
	// signed: true
}
