package core

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The core reads and writes JSON with this small scanner instead of
// encoding/json: it only ever needs to validate values, split objects into
// keys and raw values in order, and quote and unquote strings, and
// encoding/json (with its reflection) would add about 100 kB of brotli to
// gotrue.wasm.

// RawJSON is an encoded JSON value, kept as the server sent it.
type RawJSON = []byte

// maxDepth bounds nesting, as encoding/json does, so hostile input cannot
// exhaust the stack.
const maxDepth = 10000

var errUnexpectedEnd = errors.New("unexpected end of JSON input")

// syntaxErrorAt describes bad input by the character only, never quoting
// more of it (D6: the input may hold a token).
func syntaxErrorAt(d []byte, i int, context string) error {
	if i >= len(d) {
		return errUnexpectedEnd
	}
	return errors.New("invalid character " + strconv.QuoteRune(rune(d[i])) + " " + context)
}

func skipWS(d []byte, i int) int {
	for i < len(d) && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r') {
		i++
	}
	return i
}

// validJSON reports whether d is one JSON value, with only white space
// around it.
func validJSON(d []byte) error {
	end, err := scanValue(d, skipWS(d, 0), 0)
	if err != nil {
		return err
	}
	if i := skipWS(d, end); i < len(d) {
		return syntaxErrorAt(d, i, "after top-level value")
	}
	return nil
}

// scanValue returns the end of the value that starts at d[i].
func scanValue(d []byte, i, depth int) (int, error) {
	if i >= len(d) {
		return i, errUnexpectedEnd
	}
	switch c := d[i]; {
	case c == '{':
		return scanComposite(d, i, depth, '}', true)
	case c == '[':
		return scanComposite(d, i, depth, ']', false)
	case c == '"':
		return scanString(d, i)
	case c == 't':
		return scanLiteral(d, i, "true")
	case c == 'f':
		return scanLiteral(d, i, "false")
	case c == 'n':
		return scanLiteral(d, i, "null")
	case c == '-' || (c >= '0' && c <= '9'):
		return scanNumber(d, i)
	}
	return i, syntaxErrorAt(d, i, "looking for beginning of value")
}

func scanLiteral(d []byte, i int, lit string) (int, error) {
	for k := 0; k < len(lit); k++ {
		if i+k >= len(d) {
			return i + k, errUnexpectedEnd
		}
		if d[i+k] != lit[k] {
			return i + k, syntaxErrorAt(d, i+k, "in literal "+lit)
		}
	}
	return i + len(lit), nil
}

func scanNumber(d []byte, i int) (int, error) {
	start := i
	if d[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case digits() == 0:
		return i, syntaxErrorAt(d, i, "in numeric literal")
	}
	if i < len(d) && d[i] == '.' {
		i++
		if digits() == 0 {
			return i, syntaxErrorAt(d, i, "after decimal point in numeric literal")
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if digits() == 0 {
			return i, syntaxErrorAt(d, i, "in exponent of numeric literal")
		}
	}
	if i == start {
		return i, syntaxErrorAt(d, i, "in numeric literal")
	}
	return i, nil
}

func scanString(d []byte, i int) (int, error) {
	for i++; i < len(d); i++ {
		switch c := d[i]; {
		case c == '"':
			return i + 1, nil
		case c == '\\':
			i++
			if i >= len(d) {
				return i, errUnexpectedEnd
			}
			switch d[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for k := 1; k <= 4; k++ {
					if i+k >= len(d) {
						return i + k, errUnexpectedEnd
					}
					if !isHex(d[i+k]) {
						return i + k, syntaxErrorAt(d, i+k, "in \\u hexadecimal character escape")
					}
				}
				i += 4
			default:
				return i, syntaxErrorAt(d, i, "in string escape code")
			}
		case c < 0x20:
			return i, syntaxErrorAt(d, i, "in string literal")
		}
	}
	return i, errUnexpectedEnd
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// scanComposite scans an object (keys must be strings) or an array.
func scanComposite(d []byte, i, depth int, closer byte, object bool) (int, error) {
	if depth >= maxDepth {
		return i, errors.New("exceeded max depth")
	}
	i = skipWS(d, i+1)
	if i < len(d) && d[i] == closer {
		return i + 1, nil
	}
	for {
		var err error
		if object {
			if i >= len(d) || d[i] != '"' {
				return i, syntaxErrorAt(d, i, "looking for beginning of object key string")
			}
			if i, err = scanString(d, i); err != nil {
				return i, err
			}
			if i = skipWS(d, i); i >= len(d) || d[i] != ':' {
				return i, syntaxErrorAt(d, i, "after object key")
			}
			i = skipWS(d, i+1)
		}
		if i, err = scanValue(d, i, depth+1); err != nil {
			return i, err
		}
		switch i = skipWS(d, i); {
		case i >= len(d):
			return i, errUnexpectedEnd
		case d[i] == ',':
			i = skipWS(d, i+1)
		case d[i] == closer:
			return i + 1, nil
		default:
			return i, syntaxErrorAt(d, i, "after value")
		}
	}
}

// unquote decodes a JSON string literal (with its quotes). Invalid
// surrogates become U+FFFD, as in encoding/json.
func unquote(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	s := raw[1 : len(raw)-1]
	if strings.IndexByte(string(s), '\\') < 0 && utf8.ValidString(string(s)) {
		return string(s), true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			return "", false
		}
		switch s[i] {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, n, ok := decodeU(s[i+1:])
			if !ok {
				return "", false
			}
			b.WriteRune(r)
			i += n
		default:
			b.WriteByte(s[i])
		}
	}
	return toValidUTF8(b.String()), true
}

// decodeU reads the hex digits after \u, joining a surrogate pair.
func decodeU(s []byte) (rune, int, bool) {
	r, ok := hex4(s)
	if !ok {
		return 0, 0, false
	}
	if utf16.IsSurrogate(r) && len(s) >= 10 && s[4] == '\\' && s[5] == 'u' {
		if r2, ok := hex4(s[6:]); ok {
			if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
				return pair, 10, true
			}
		}
	}
	if utf16.IsSurrogate(r) {
		r = utf8.RuneError
	}
	return r, 4, true
}

// hex4 reads the four hex digits of a \u escape.
func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// toValidUTF8 replaces each byte that is not part of valid UTF-8 with
// U+FFFD, as encoding/json does (and as ranging over a string does).
func toValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// quote encodes s as JSON.stringify does: only quotes, backslashes and
// control characters are escaped.
func quote(s string) RawJSON {
	s = toValidUTF8(s)
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			if c < 0x20 {
				const hex = "0123456789abcdef"
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			} else {
				b = append(b, c)
			}
		}
	}
	return append(b, '"')
}

// JSONString is s encoded as a JSON string, as JSON.stringify writes it.
func JSONString(s string) RawJSON { return quote(s) }

// splitArray returns the raw elements of a JSON array.
func splitArray(raw []byte) ([]RawJSON, bool) {
	i := skipWS(raw, 0)
	if i >= len(raw) || raw[i] != '[' {
		return nil, false
	}
	var out []RawJSON
	i = skipWS(raw, i+1)
	if i < len(raw) && raw[i] == ']' {
		return out, true
	}
	for i < len(raw) {
		end, err := scanValue(raw, i, 1)
		if err != nil {
			return nil, false
		}
		out = append(out, raw[i:end])
		i = skipWS(raw, end)
		if i < len(raw) && raw[i] == ',' {
			i = skipWS(raw, i+1)
			continue
		}
		return out, i < len(raw) && raw[i] == ']'
	}
	return nil, false
}
