package gotrue_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/gotrue-wasm/gotrue-wasm/gotrue"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/gotruetest"
	"github.com/gotrue-wasm/gotrue-wasm/gotrue/nethttp"
)

// This example signs up, confirms the address with the token from the
// captured mail, and logs in, against the emulator.
func Example() {
	emu := gotruetest.New()
	mux := http.NewServeMux()
	mux.Handle("/.netlify/identity/", http.StripPrefix("/.netlify/identity", emu))
	site := httptest.NewServer(mux)
	defer site.Close()

	ctx := context.Background()
	client := gotrue.New(nil, gotrue.Options{Transport: &nethttp.Transport{Base: site.URL}})

	if _, err := client.Signup(ctx, "ada@example.com", "correct horse", []byte(`{"full_name":"Ada"}`)); err != nil {
		fmt.Println(err)
		return
	}
	mail, _ := emu.LastMail("ada@example.com")
	if _, err := client.Confirm(ctx, mail.Token, false); err != nil {
		fmt.Println(err)
		return
	}

	_, err := client.Login(ctx, "ada@example.com", "wrong", true)
	fmt.Println(err)

	user, err := client.Login(ctx, "ada@example.com", "correct horse", true)
	if err != nil {
		fmt.Println(err)
		return
	}
	jwt, _ := user.JWT(ctx, false)
	meta, _ := user.Field("user_metadata")
	fmt.Println(user.Email(), string(meta), strings.Count(jwt, "."))
	// Output:
	// gotrue: 400 Bad Request: invalid_grant: No user found with that email, or password invalid.
	// ada@example.com {"full_name":"Ada"} 2
}
