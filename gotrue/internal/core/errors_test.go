package core

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeResponse(t *testing.T) {
	t.Parallel()
	jsonH := Header{{"Content-Type", "application/json; charset=utf-8"}}
	textH := Header{{"Content-Type", "text/plain; charset=utf-8"}}
	tests := []struct {
		name       string
		res        *Response
		want       string // resolved value, as JSON
		unshaped   string // Message() before shaping
		shaped     string // Message() after shaping
		isJSON     bool
		syntaxErr  bool
		statusCode int
	}{
		{name: "2xx JSON", res: &Response{Status: 200, Header: jsonH, Body: []byte(`{"a":1}`)}, want: `{"a":1}`},
		{name: "204 no body", res: &Response{Status: 204, Body: nil}, want: `""`},
		{name: "2xx text", res: &Response{Status: 200, Header: textH, Body: []byte("hi")}, want: `"hi"`},
		{name: "code/msg", res: &Response{Status: 422, StatusText: "Unprocessable Entity", Header: jsonH, Body: []byte(`{"code":422,"msg":"Signup requires a valid password"}`)},
			unshaped: "Unprocessable Entity", shaped: "Signup requires a valid password", isJSON: true, statusCode: 422},
		{name: "oauth", res: &Response{Status: 400, StatusText: "Bad Request", Header: jsonH, Body: []byte(`{"error":"invalid_grant","error_description":"Email not confirmed"}`)},
			unshaped: "Bad Request", shaped: "invalid_grant: Email not confirmed", isJSON: true, statusCode: 400},
		{name: "oauth without description", res: &Response{Status: 400, StatusText: "Bad Request", Header: jsonH, Body: []byte(`{"error":"unsupported_grant_type"}`)},
			unshaped: "Bad Request", shaped: "unsupported_grant_type: undefined", isJSON: true, statusCode: 400},
		{name: "JSON null body", res: &Response{Status: 500, StatusText: "Internal Server Error", Header: jsonH, Body: []byte(`null`)},
			unshaped: "Internal Server Error", shaped: "Internal Server Error", isJSON: true, statusCode: 500},
		{name: "falsy msg", res: &Response{Status: 400, StatusText: "Bad Request", Header: jsonH, Body: []byte(`{"msg":"","error":0}`)},
			unshaped: "Bad Request", shaped: "Bad Request", isJSON: true, statusCode: 400},
		{name: "numeric msg", res: &Response{Status: 400, StatusText: "Bad Request", Header: jsonH, Body: []byte(`{"msg":42}`)},
			unshaped: "Bad Request", shaped: "42", isJSON: true, statusCode: 400},
		{name: "text 404", res: &Response{Status: 404, StatusText: "Not Found", Header: textH, Body: []byte("404 page not found\n")},
			unshaped: "Not Found", shaped: "Not Found", statusCode: 404},
		{name: "HTML 500", res: &Response{Status: 500, StatusText: "Internal Server Error", Header: Header{{"Content-Type", "text/html"}}, Body: []byte("<html>")},
			unshaped: "Internal Server Error", shaped: "Internal Server Error", statusCode: 500},
		{name: "malformed JSON", res: &Response{Status: 200, Header: jsonH, Body: []byte(`{"access_token":"secret`)}, syntaxErr: true},
		{name: "malformed JSON error", res: &Response{Status: 500, Header: jsonH, Body: []byte(`<html>secret`)}, syntaxErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeResponse(tt.res)
			if tt.syntaxErr {
				var se *SyntaxError
				require.ErrorAs(t, err, &se)
				assert.NotContains(t, se.Error(), "secret", "the body is never quoted (D6)")
				return
			}
			if tt.statusCode == 0 {
				require.NoError(t, err)
				assert.Equal(t, tt.want, string(got))
				return
			}
			var he *HTTPError
			require.ErrorAs(t, err, &he)
			assert.Equal(t, tt.statusCode, he.Status)
			assert.Equal(t, tt.isJSON, he.IsJSON())
			assert.Equal(t, tt.unshaped, he.StatusText, "gotrue-js's message before its request methods shape it")
			assert.Equal(t, tt.shaped, he.Message())
			if !tt.isJSON {
				assert.Equal(t, string(tt.res.Body), he.Text)
			}
		})
	}
}

func TestSentinels(t *testing.T) {
	t.Parallel()
	wrapped := errors.Join(errors.New("ctx"), ErrNoSession)
	assert.ErrorIs(t, wrapped, ErrNoSession)
	for _, err := range []error{ErrNoSession, ErrRefreshTimeout, ErrTokenNotSet} {
		assert.Regexp(t, `^gotrue: [a-z][^.]*$`, err.Error(), "Go's conventions: lower case, no final period")
	}
	var he *HTTPError
	assert.True(t, errors.As(error(&HTTPError{Status: 1}), &he))
}

func TestEncodeURIComponent(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"a@b.c":       "a%40b.c",
		"a b+c":       "a%20b%2Bc",
		"-_.!~*'()":   "-_.!~*'()",
		"é/?#&=":      "%C3%A9%2F%3F%23%26%3D",
		"":            "",
		"AZaz09":      "AZaz09",
		"\x00\n%\"<>": "%00%0A%25%22%3C%3E",
	}
	for in, want := range tests {
		assert.Equal(t, want, encodeURIComponent(in), in)
	}
}

func TestObjectOrder(t *testing.T) {
	t.Parallel()
	o, err := ParseObject([]byte(`{"b":1,"a":{"z":1,"y":2},"c":null,"b":3}`))
	require.NoError(t, err)
	assert.Equal(t, []string{"b", "a", "c"}, o.Keys(), "a duplicate keeps its first place")
	out, _ := o.MarshalJSON()
	assert.Equal(t, `{"b":3,"a":{"z":1,"y":2},"c":null}`, string(out))
	_, err = ParseObject([]byte(`[1]`))
	assert.ErrorIs(t, err, ErrNotObject)
	_, err = ParseObject([]byte(`{} x`))
	assert.Error(t, err)
}
