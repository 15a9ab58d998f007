package core

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// FuzzTokenClaims: any access_token gives a token without panicking, an
// expires_at that is a number or NaN, and an error that never quotes it.
func FuzzTokenClaims(f *testing.F) {
	seg := base64.RawURLEncoding.EncodeToString
	f.Add("eyJhbGciOiJIUzI1NiJ9." + seg([]byte(`{"exp":1795756596,"sub":"x"}`)) + ".sig")
	f.Add("a." + seg([]byte(`{"exp":"1795756596"}`)) + ".b")
	f.Add("a." + seg([]byte(`{"sub":"no exp"}`)) + ".b")
	f.Add("a.bm90IGpzb24.b")
	f.Add("a.x.b")
	f.Add("no-dots")
	f.Add("")
	f.Fuzz(func(t *testing.T, access string) {
		var raw Object
		raw.SetString("access_token", access)
		raw.SetString("refresh_token", "rt")
		tok, err := newToken(raw)
		if tok == nil {
			t.Fatal("nil token")
		}
		if err != nil && len(access) >= 8 && strings.Contains(err.Error(), access) {
			t.Fatalf("error quotes the token: %v", err)
		}
		// exp*1000 may be ±Inf or NaN, as in JavaScript; the JSON stays valid.
		b, jerr := tok.MarshalJSON()
		if jerr != nil || !json.Valid(b) {
			t.Fatalf("invalid token JSON %q: %v", b, jerr)
		}
		if err == nil && !math.IsNaN(tok.ExpiresAt) && !math.IsInf(tok.ExpiresAt, 0) && !strings.Contains(string(b), `"expires_at":`+formatNumber(tok.ExpiresAt)) {
			t.Fatalf("expires_at %v not in %s", tok.ExpiresAt, b)
		}
	})
}

// FuzzStoredSession: whatever storage holds, recovery never panics and
// never quotes it in a log. What it rejects stays in storage untouched;
// what it recovers saves back to JSON that recovers to the same session
// (the same bytes), with every field of the stored object kept.
func FuzzStoredSession(f *testing.F) {
	f.Add(`{"token":{"access_token":"a.eyJleHAiOjF9.b","refresh_token":"rt"},"url":"/.netlify/identity","audience":"","id":"1","email":"a@b"}`)
	f.Add(`{"url":"/x","token":{"access_token":"secret"},"id":null}`)
	f.Add(`{"url":"/x","token":"string"}`)
	f.Add(`{"token":{"access_token":"x"}`)
	f.Add(`[]`)
	f.Add(`null`)
	f.Add(`{"url":"/x","token":{},"__proto__":1,"api":2,"toString":3}`)
	f.Add(`{"url":"/x","token":{"access_token":"h.eyJleHAiOjJ9.s"},"2":"b","1":"a","user_metadata":{"9":1,"x":2}}`)
	f.Fuzz(func(t *testing.T, stored string) {
		store := &MemoryStorage{}
		_ = store.Set(StorageKey, stored)
		var logs []string
		r := NewRealm(WithStorage(store), WithLogger(func(_, msg string) { logs = append(logs, msg) }))
		u := New(r, Options{}).CurrentUser()
		for _, l := range logs {
			if len(stored) >= 12 && strings.Contains(l, stored[:12]) && !strings.HasPrefix(stored, `{"token":`) {
				t.Fatalf("log quotes storage: %q", l)
			}
		}
		if now, _, _ := store.Get(StorageKey); now != stored {
			t.Fatalf("recovery changed storage: %q -> %q", stored, now)
		}
		if u == nil {
			return
		}
		data, err := ParseObject([]byte(stored))
		if err != nil {
			t.Fatalf("recovered a session from %q, which is not an object", stored)
		}
		fields := u.Fields()
		for _, k := range data.Keys() {
			if prototypeKeys[k] || reservedKeys[k] {
				continue
			}
			want, _ := data.Get(k)
			if got, ok := fields.Get(k); !ok || (k != "_fromStorage" && string(got) != string(want)) {
				t.Fatalf("field %q: stored %s, recovered %s", k, want, got)
			}
		}
		saved := string(u.Details())
		again := New(NewRealm(WithStorage(&MemoryStorage{})), Options{})
		_ = again.Realm().Storage().Set(StorageKey, saved)
		u2 := again.CurrentUser()
		if u2 == nil {
			t.Fatalf("the saved session %q does not recover", saved)
		}
		if got := string(u2.Details()); got != saved {
			t.Fatalf("round trip: saved %q, recovered and saved again %q", saved, got)
		}
	})
}

// FuzzErrorBody: any response decodes into a value or a typed error
// without panicking, and shaping never panics.
func FuzzErrorBody(f *testing.F) {
	f.Add(400, "application/json", `{"error":"invalid_grant","error_description":"x"}`)
	f.Add(422, "application/json", `{"code":422,"msg":"bad"}`)
	f.Add(500, "application/json", `{"msg":{"nested":true},"error":[1,2]}`)
	f.Add(404, "text/plain", "404 page not found\n")
	f.Add(200, "application/json", `{"access_token":"tr`)
	f.Add(204, "", "")
	f.Fuzz(func(t *testing.T, status int, ctype, body string) {
		res := &Response{Status: status, StatusText: "X", Header: Header{{Name: "Content-Type", Value: ctype}}, Body: []byte(body)}
		v, err := DecodeResponse(res)
		if err == nil && v == nil {
			t.Fatal("no value and no error")
		}
		if he, ok := err.(*HTTPError); ok {
			_ = he.Message()
			_ = he.Error()
		}
		if se, ok := err.(*SyntaxError); ok && len(body) > 16 && strings.Contains(se.Error(), body) {
			t.Fatalf("syntax error quotes the body: %v", se)
		}
	})
}
