package core

// atob is the browser's atob (WHATWG forgiving-base64 decode), which
// gotrue-js decodes JWT payloads with: ASCII whitespace is ignored, one or
// two trailing '=' may end a length that is a multiple of 4, and leftover
// bits are dropped. Writing it here, rather than using encoding/base64,
// matches atob exactly and keeps 5 kB of brotli out of the wasm.
func atob(s string) ([]byte, bool) {
	data := make([]byte, 0, len(s))
	for i := range len(s) {
		switch c := s[i]; c {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			data = append(data, c)
		}
	}
	if len(data)%4 == 0 {
		for range 2 {
			if n := len(data); n > 0 && data[n-1] == '=' {
				data = data[:n-1]
			}
		}
	}
	if len(data)%4 == 1 {
		return nil, false
	}
	out := make([]byte, 0, len(data)*3/4)
	var acc uint32
	bits := 0
	for _, c := range data {
		v, ok := base64Value(c)
		if !ok {
			return nil, false
		}
		acc = acc<<6 | uint32(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	return out, true
}

// base64Value is the value of one character of the standard alphabet.
func base64Value(c byte) (byte, bool) {
	switch {
	case 'A' <= c && c <= 'Z':
		return c - 'A', true
	case 'a' <= c && c <= 'z':
		return c - 'a' + 26, true
	case '0' <= c && c <= '9':
		return c - '0' + 52, true
	case c == '+':
		return 62, true
	case c == '/':
		return 63, true
	}
	return 0, false
}
