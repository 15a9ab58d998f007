package core

import (
	"strings"
	"unicode/utf8"
)

// equalFoldASCII is strings.EqualFold for the ASCII text it is used on:
// header names, URL schemes and origins. Unicode case folding would link
// its tables into the wasm and change nothing for these.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

// toLowerASCII lowers A-Z and leaves every other byte alone.
func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lowerASCII(c)
	}
	return string(b)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// trimJSONSpace trims the whitespace JSON allows around a value.
func trimJSONSpace(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// trimJSSpace trims what Number(string) ignores around a number: the
// ECMAScript WhiteSpace and LineTerminator code points (which differ from
// unicode.IsSpace: U+FEFF counts, U+0085 does not).
func trimJSSpace(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !isJSSpace(r) {
			break
		}
		s = s[n:]
	}
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !isJSSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\v', '\f', ' ', 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0xFEFF, // WhiteSpace (Zs and more)
		'\n', '\r', 0x2028, 0x2029: // LineTerminator
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// index is strings.Index by a plain loop. The needles here are a few bytes
// long, and strings.Index would link a Rabin-Karp search into the wasm.
func index(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// indexAnyByte is the index of the first byte of s found in chars, or -1.
func indexAnyByte(s, chars string) int {
	for i := range len(s) {
		if strings.IndexByte(chars, s[i]) >= 0 {
			return i
		}
	}
	return -1
}
