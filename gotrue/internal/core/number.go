package core

import (
	"math"
	"strconv"
	"strings"
)

// Numbers are read and written as JavaScript reads and writes them, since
// gotrue-js's output depends on it (expires_at, error messages). The
// digits themselves are strconv's: ParseFloat rounds to the nearest float64,
// ties to even, as Number() does, and FormatFloat's shortest form is the
// digit string String(n) uses. What JavaScript adds is done here: its
// grammar (no "inf", no underscores, 0x/0o/0b integers, Infinity,
// surrounding whitespace), and its choice between plain and exponent form.

// parseDecimal reads a decimal literal as Number() does: [+-] digits
// [. [digits]] or [+-] . digits, then an optional exponent e[+-]digits. ok
// is false for anything else, such as what strconv also accepts (inf, nan,
// hex floats, underscores).
func parseDecimal(s string) (f float64, ok bool) {
	if !isDecimalLiteral(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(f, 0) { // out of range is ±Infinity, as in JavaScript
		return 0, false
	}
	return f, true
}

// isDecimalLiteral checks the grammar of parseDecimal.
func isDecimalLiteral(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	intDigits := countDigits(s)
	s = s[intDigits:]
	fracDigits := 0
	if s != "" && s[0] == '.' {
		fracDigits = countDigits(s[1:])
		s = s[1+fracDigits:]
	}
	if intDigits+fracDigits == 0 {
		return false
	}
	if s != "" && (s[0] == 'e' || s[0] == 'E') {
		s = s[1:]
		if s != "" && (s[0] == '-' || s[0] == '+') {
			s = s[1:]
		}
		n := countDigits(s)
		if n == 0 {
			return false
		}
		s = s[n:]
	}
	return s == ""
}

func countDigits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// stringToNumber is JavaScript's Number(s) for a string: surrounding
// whitespace is ignored, "" is 0, Infinity is read with its sign, 0x, 0o
// and 0b integers without one, and decimal literals as parseDecimal does.
// Anything else is NaN.
func stringToNumber(s string) float64 {
	s = trimJSSpace(s)
	switch s {
	case "":
		return 0
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if len(s) > 2 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			return radixToFloat(s[2:], 4)
		case 'o', 'O':
			return radixToFloat(s[2:], 3)
		case 'b', 'B':
			return radixToFloat(s[2:], 1)
		}
	}
	if f, ok := parseDecimal(s); ok {
		return f
	}
	return math.NaN()
}

// radixToFloat reads the digits of a 0x, 0o or 0b integer, bits bits per
// digit, rounded to the nearest float64 as Number() rounds it: the digits
// are rewritten as a hexadecimal float for strconv.
func radixToFloat(s string, bits uint) float64 {
	var bin strings.Builder // the value in binary
	for i := range len(s) {
		d, ok := digitValue(s[i])
		if !ok || d >= 1<<bits {
			return math.NaN()
		}
		for b := int(bits) - 1; b >= 0; b-- {
			bin.WriteByte('0' + d>>b&1)
		}
	}
	v := bin.String()
	hex := make([]byte, 0, len(v)/4+3)
	hex = append(hex, "0x0"...)
	for start := len(v) % 4; start <= len(v); start += 4 {
		n := byte(0)
		for _, c := range v[max(start-4, 0):start] {
			n = n<<1 | byte(c-'0')
		}
		hex = append(hex, "0123456789abcdef"[n])
	}
	f, err := strconv.ParseFloat(string(hex)+"p0", 64)
	if err != nil && !math.IsInf(f, 0) {
		return math.NaN()
	}
	return f
}

// digitValue is the value of an ASCII digit or letter (a and A are 10).
func digitValue(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'z':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'Z':
		return c - 'A' + 10, true
	}
	return 0, false
}

// formatJSNumber is JavaScript's String(n): the shortest digits that read
// back as n, in plain form for 1e-6 <= |n| < 1e21 and in exponent form
// (1e+21, 1.5e-7) otherwise; -0 is "0".
func formatJSNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	// FormatFloat gives d[.ddd]e±XX: the digits, and where the point goes.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	var digits []byte
	i := 0
	for ; e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits = append(digits, e[i])
		}
	}
	x := 0
	for _, c := range e[i+2:] {
		x = x*10 + int(c-'0')
	}
	if e[i+1] == '-' {
		x = -x
	}
	n, k := x+1, len(digits) // the decimal point sits n digits in
	switch {
	case k <= n && n <= 21:
		return sign + string(digits) + zeros(n-k)
	case 0 < n && n <= 21:
		return sign + string(digits[:n]) + "." + string(digits[n:])
	case -6 < n && n <= 0:
		return sign + "0." + zeros(-n) + string(digits)
	}
	out := sign + string(digits[:1])
	if k > 1 {
		out += "." + string(digits[1:])
	}
	if n-1 >= 0 {
		return out + "e+" + strconv.Itoa(n-1)
	}
	return out + "e-" + strconv.Itoa(1-n)
}

// zeros is n zero digits.
func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}

// formatNumber writes a float as JSON.stringify does: as String(n), and
// null for NaN and the infinities.
func formatNumber(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "null"
	}
	return formatJSNumber(f)
}
