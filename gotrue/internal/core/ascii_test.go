package core

import (
	"encoding/base64"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestAtobIsForgivingBase64(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"", "", true},
		{"YQ==", "a", true},
		{"YQ", "a", true}, // padding is optional
		{"YWI=", "ab", true},
		{" Y W\tI\n", "ab", true}, // ASCII whitespace is ignored
		{"YR==", "a", true},       // leftover bits are dropped
		{"YQ=", "", false},        // '=' only ends a multiple of 4
		{"Y===", "", false},
		{"Y", "", false},         // length 1 mod 4
		{"YQ-_", "", false},      // base64url characters are not base64
		{"Y\u00e9Q=", "", false}, // nor is anything beyond ASCII
		{"eyJleHAiOjF9", `{"exp":1}`, true},
	}
	for _, tt := range tests {
		got, ok := atob(tt.in)
		assert.Equal(t, tt.ok, ok, "%q", tt.in)
		if tt.ok {
			assert.Equal(t, tt.want, string(got), "%q", tt.in)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		got, ok := atob(base64.StdEncoding.EncodeToString(b))
		assert.True(t, ok)
		assert.Equal(t, b, got)
	}
}

func TestDecodeSegmentDropsByteOrderMark(t *testing.T) {
	t.Parallel()
	seg := base64.RawURLEncoding.EncodeToString([]byte("\uFEFF{\"exp\":2}"))
	b, err := decodeSegment(seg)
	assert.NoError(t, err)
	assert.Equal(t, `{"exp":2}`, string(b), "TextDecoder removes the BOM")
}

func TestTrimsAndNumbersFollowJavaScript(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "1", trimJSSpace("\uFEFF\u00a0\u2028\t 1\u3000\u200a\n"))
	assert.Equal(t, "\u00851", trimJSSpace("\u00851"), "NEL is not JavaScript whitespace")
	assert.Equal(t, "x y", trimJSONSpace(" \t\r\nx y\n"))
	assert.Equal(t, "\u00a0x", trimJSONSpace("\u00a0x"), "JSON whitespace is ASCII only")
	for in, want := range map[string]float64{`"\u00a0 42 \ufeff"`: 42, ` 7 `: 7, `"\u0085 1"`: 0} {
		got := numberValue(RawJSON(in))
		if want == 0 {
			assert.True(t, got != got, "Number(%s) is NaN", in)
			continue
		}
		assert.Equal(t, want, got, in)
	}
}

func TestASCIIHelpers(t *testing.T) {
	t.Parallel()
	assert.True(t, equalFoldASCII("Content-TYPE", "content-type"))
	assert.False(t, equalFoldASCII("K", "\u212a"), "no Unicode folding")
	assert.False(t, equalFoldASCII("ab", "abc"))
	assert.Equal(t, "https", toLowerASCII("HTTPS"))
	for _, tt := range []struct{ s, sub string }{{"application/json", "json"}, {"a", "ab"}, {"", ""}, {"x://y", "://"}} {
		assert.Equal(t, strings.Index(tt.s, tt.sub), index(tt.s, tt.sub), "%q in %q", tt.sub, tt.s)
	}
	assert.Equal(t, 3, indexAnyByte("abc?#", "#?"))
	assert.Equal(t, -1, indexAnyByte("abc", "#?"))
}

func TestUnicodeEscapes(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		`"\u00e9"`: "é", `"\u00E9"`: "é", `"\ud83d\ude00"`: "😀", `"\ud800"`: "\uFFFD", `"\ud800x"`: "\uFFFDx",
	} {
		got, ok := unquote([]byte(in))
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	_, ok := unquote([]byte(`"\u12g4"`))
	assert.False(t, ok)
	assert.Equal(t, "a\uFFFD\uFFFDb", toValidUTF8("a\xff\xfeb"), "one U+FFFD per invalid byte, as encoding/json")
	assert.True(t, utf8.ValidString(toValidUTF8("\xe2\x82")))
}
