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

// site serves the emulator where Netlify serves Identity.
func site(emu *gotruetest.Server) *httptest.Server {
	mux := http.NewServeMux()
	mux.Handle("/.netlify/identity/", http.StripPrefix("/.netlify/identity", emu))
	return httptest.NewServer(mux)
}

// Sign up, confirm the address with the token of the mail, and log in.
func Example() {
	emu := gotruetest.New()
	srv := site(emu)
	defer srv.Close()
	ctx := context.Background()
	client := gotrue.NewClient(srv.URL+"/.netlify/identity", gotrue.WithTransport(&nethttp.Transport{}))

	if _, err := client.Signup(ctx, "ada@example.com", "correct horse", map[string]any{"full_name": "Ada"}); err != nil {
		fmt.Println(err)
		return
	}
	mail, _ := emu.LastMail("ada@example.com")
	if _, err := client.Confirm(ctx, mail.Token); err != nil {
		fmt.Println(err)
		return
	}

	_, err := client.Login(ctx, "ada@example.com", "wrong")
	fmt.Println(err)

	session, err := client.Login(ctx, "ada@example.com", "correct horse")
	if err != nil {
		fmt.Println(err)
		return
	}
	tok, _ := session.Token(ctx)
	user := session.User()
	fmt.Println(user.Email, user.UserMetadata["full_name"], strings.Count(tok.AccessToken, "."), !user.ConfirmedAt.IsZero())
	// Output:
	// gotrue: 400 Bad Request: invalid_grant: No user found with that email, or password invalid.
	// ada@example.com Ada 2 true
}

// Keep a session in a store, and resume it later (in another request
// handler, or after a restart with a persistent store).
func ExampleRemember() {
	emu := gotruetest.New(gotruetest.WithAutoconfirm(true))
	srv := site(emu)
	defer srv.Close()
	ctx := context.Background()
	client := gotrue.NewClient(srv.URL+"/.netlify/identity", gotrue.WithTransport(&nethttp.Transport{}))
	_, _ = client.Signup(ctx, "lin@example.com", "s3cret!", nil)

	store := &gotrue.MemoryStorage{}
	if _, err := client.Login(ctx, "lin@example.com", "s3cret!", gotrue.Remember(store)); err != nil {
		fmt.Println(err)
		return
	}

	resumed, err := client.ResumeSession(store)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resumed.User().Email)
	_ = resumed.Logout(ctx)
	_, err = client.ResumeSession(store)
	fmt.Println(err)
	// Output:
	// lin@example.com
	// gotrue: no session
}

// Manage users with the server's operator token, as a function or a back
// office does: no signed-in admin needed.
func ExampleClient_Admin() {
	emu := gotruetest.New(gotruetest.WithOperatorToken("operator-secret"))
	srv := site(emu)
	defer srv.Close()
	ctx := context.Background()
	client := gotrue.NewClient(srv.URL+"/.netlify/identity", gotrue.WithTransport(&nethttp.Transport{}))
	admin := client.Admin(gotrue.StaticToken("operator-secret"))

	for _, email := range []string{"a@example.com", "b@example.com", "c@example.com"} {
		if _, err := admin.CreateUser(ctx, gotrue.AdminUserParams{Email: email, Password: "pw", Confirm: true}); err != nil {
			fmt.Println(err)
			return
		}
	}
	for page := 1; page != 0; {
		list, err := admin.ListUsers(ctx, &gotrue.ListOptions{Page: page, PerPage: 2})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("page %d of %d: %d users of %d\n", page, list.LastPage, len(list.Users), list.Total)
		page = list.NextPage
	}
	// Output:
	// page 1 of 2: 2 users of 3
	// page 2 of 2: 1 users of 3
}
