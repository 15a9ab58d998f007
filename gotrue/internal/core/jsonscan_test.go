package core

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScannerAgreesWithEncodingJSON(t *testing.T) {
	t.Parallel()
	inputs := []string{
		`{}`, `[]`, `""`, `0`, `-0.5e+10`, `true`, `null`, ` {"a" : [1, 2, {"b": "\u00e9\ud83d\ude00"}] } `,
		`{"a":1,}`, `[1,]`, `01`, `-`, `1.`, `1e`, `"\x"`, `"a`, `{"a"}`, `{a:1}`, `tru`, `nul`, `"\u12"`,
		"\"tab\there\"", `{"a":1} x`, `[`, ``, `   `, `{"a":"\ud800"}`,
	}
	for _, in := range inputs {
		assert.Equal(t, json.Valid([]byte(in)), validJSON([]byte(in)) == nil, "%q", in)
	}
}

func TestQuoteIsJSONStringify(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		`plain`:         `"plain"`,
		`a"b\c`:         `"a\"b\\c"`,
		"line\nbreak\t": `"line\nbreak\t"`,
		"\x01\x1f":      `"\u0001\u001f"`,
		"<html>&é😀":     `"<html>&é😀"`, // JSON.stringify does not escape these; encoding/json would
		"bad\xffutf8":   `"bad` + "\uFFFD" + `utf8"`,
		"\u2028 \u2029": "\"\u2028 \u2029\"",
	}
	for in, want := range tests {
		got := quote(in)
		assert.Equal(t, want, string(got), "%q", in)
		back, ok := unquote(got)
		require.True(t, ok)
		assert.Equal(t, strings.ToValidUTF8(in, "\uFFFD"), back)
	}
	s, ok := unquote([]byte(`"\ud83d\ude00 \u00e9 \/ \ud800"`))
	assert.True(t, ok)
	assert.Equal(t, "😀 é / \uFFFD", s)
}

func TestJSString(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		`"s"`: "s", `null`: "null", `true`: "true", `1.5`: "1.5", `1e3`: "1000", `[1,"a",null,[2,3]]`: "1,a,,2,3",
		`{"a":1}`: "[object Object]", ``: "", `bad`: "",
	}
	for in, want := range tests {
		assert.Equal(t, want, jsString(RawJSON(in)), in)
	}
}

// FuzzJSONScanner: the scanner accepts exactly what encoding/json accepts,
// and an object keeps every key in order.
func FuzzJSONScanner(f *testing.F) {
	for _, s := range []string{`{"a":1,"b":[true,null],"c":{"d":"\u00e9"}}`, `[1,2`, `{"a":1,"a":2}`, `"\ud83d\ude00"`, `-1.5e-3`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		valid := validJSON([]byte(in)) == nil
		if valid != json.Valid([]byte(in)) {
			t.Fatalf("validJSON=%v, json.Valid=%v for %q", valid, !valid, in)
		}
		o, err := ParseObject([]byte(in))
		if err != nil {
			return
		}
		out, _ := o.MarshalJSON()
		if !json.Valid(out) {
			t.Fatalf("re-encoded object is not JSON: %q", out)
		}
		back, err := ParseObject(out)
		if err != nil || strings.Join(back.Keys(), "\x00") != strings.Join(o.Keys(), "\x00") {
			t.Fatalf("keys changed: %v -> %v (%v)", o.Keys(), back.Keys(), err)
		}
	})
}
