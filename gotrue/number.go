package gotrue

import "math"

// Numbers are read as JavaScript reads them: the nearest float64, ties to
// even, as strconv.ParseFloat also gives. The core does not call
// strconv.ParseFloat because its tables and fast paths would add 6 kB of
// brotli to the wasm for the handful of numbers a session holds. It uses
// the textbook method instead (Clinger's Algorithm R): a float64
// approximation, then exact big-integer comparisons with the midpoints to
// its neighbours until it is the nearest.

// parseDecimal reads a decimal literal: [+-] digits [. [digits]] or
// [+-] . digits, then an optional exponent e[+-]digits. ok is false for
// anything else.
func parseDecimal(s string) (f float64, ok bool) {
	neg := s != "" && s[0] == '-'
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	var digits []byte // without leading zeros
	exp, i, seen := 0, 0, false
	for ; i < len(s) && isDigit(s[i]); i++ {
		digits, seen = appendDigit(digits, s[i]), true
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
			digits, seen = appendDigit(digits, s[i]), true
			exp--
		}
	}
	if !seen {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e, n, ok := parseExponent(s[i+1:])
		if !ok {
			return 0, false
		}
		exp, i = exp+e, i+1+n
	}
	if i != len(s) {
		return 0, false
	}
	f = decimalToFloat(digits, exp)
	if neg {
		f = -f
	}
	return f, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func appendDigit(digits []byte, c byte) []byte {
	if len(digits) == 0 && c == '0' {
		return digits
	}
	return append(digits, c-'0')
}

// parseExponent reads [+-]digits, saturating far beyond any float64.
func parseExponent(s string) (e, n int, ok bool) {
	neg := s != "" && s[0] == '-'
	if s != "" && (s[0] == '-' || s[0] == '+') {
		n++
	}
	start := n
	for ; n < len(s) && isDigit(s[n]); n++ {
		if e < 1_000_000 {
			e = e*10 + int(s[n]-'0')
		}
	}
	if neg {
		e = -e
	}
	return e, n, n > start
}

// decimalToFloat is the float64 nearest to digits × 10^exp.
func decimalToFloat(digits []byte, exp int) float64 {
	for len(digits) > 0 && digits[len(digits)-1] == 0 {
		digits, exp = digits[:len(digits)-1], exp+1
	}
	if len(digits) == 0 || len(digits)+exp < -343 {
		return 0
	}
	if len(digits)+exp > 310 {
		return math.Inf(1)
	}
	if len(digits) > 800 { // what lies beyond only breaks ties: keep a sticky 1
		digits, exp = append(digits[:800:800], 1), exp+len(digits)-801
	}
	var v nat
	var head uint64
	for i, d := range digits {
		v = v.mulAdd(10, uint32(d))
		if i < 19 {
			head = head*10 + uint64(d)
		}
	}
	approx := float64(head)
	scale := exp + max(len(digits)-19, 0)
	if scale < -300 {
		approx, scale = approx*1e-300, scale+300
	}
	return nearest(v, exp, approx*math.Pow10(scale))
}

// nearest is Algorithm R: starting from approx, it steps to the float64
// nearest to v × 10^exp, ties to even.
func nearest(v nat, exp int, approx float64) float64 {
	z := approx
	if math.IsInf(z, 1) {
		z = math.MaxFloat64
	}
	for range 1000 {
		up := math.Nextafter(z, math.Inf(1))
		if c := cmpMidpoint(v, exp, z, up); c > 0 {
			if z = up; math.IsInf(z, 1) {
				return z
			}
			continue
		} else if c == 0 {
			return evenOf(z, up)
		}
		if z == 0 {
			return 0
		}
		down := math.Nextafter(z, 0)
		if c := cmpMidpoint(v, exp, down, z); c < 0 {
			z = down
			continue
		} else if c == 0 {
			return evenOf(down, z)
		}
		return z
	}
	return z
}

func evenOf(a, b float64) float64 {
	if math.Float64bits(a)&1 == 0 {
		return a
	}
	return b
}

// cmpMidpoint compares v × 10^exp with (a+b)/2 for adjacent floats a < b,
// exactly: 2·v·10^exp against (a+b) on a common power of two.
func cmpMidpoint(v nat, exp int, a, b float64) int {
	ma, ka := mantExp(a)
	mb, kb := mantExp(b)
	k := min(ka, kb)
	sum := nat(nil).fromUint64(ma<<(ka-k) + mb<<(kb-k)) // adjacent: ka-k, kb-k <= 1
	left := append(nat(nil), v...).mulAdd(2, 0)
	if exp > 0 {
		left = left.mulPow10(exp)
	} else {
		sum = sum.mulPow10(-exp)
	}
	if k > 0 {
		sum = sum.shl(k)
	} else {
		left = left.shl(-k)
	}
	return left.cmp(sum)
}

// mantExp splits a finite f >= 0 into m × 2^k with m < 2^53, and +Inf
// into 2^53 × 2^971 (the next power of two after MaxFloat64).
func mantExp(f float64) (uint64, int) {
	if math.IsInf(f, 1) {
		return 1 << 53, 971
	}
	frac, e := math.Frexp(f)
	return uint64(frac * (1 << 53)), e - 53
}

// nat is a natural number in base 2^32, least significant word first.
type nat []uint32

func (x nat) fromUint64(u uint64) nat {
	x = x[:0]
	for ; u > 0; u >>= 32 {
		x = append(x, uint32(u))
	}
	return x
}

// mulAdd is x·m + a.
func (x nat) mulAdd(m, a uint32) nat {
	carry := uint64(a)
	for i, w := range x {
		p := uint64(w)*uint64(m) + carry
		x[i], carry = uint32(p), p>>32
	}
	if carry > 0 {
		x = append(x, uint32(carry))
	}
	return x
}

// mulPow10 is x·10^n.
func (x nat) mulPow10(n int) nat {
	for ; n >= 9; n -= 9 {
		x = x.mulAdd(1e9, 0)
	}
	p := uint32(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return x.mulAdd(p, 0)
}

// shl is x·2^n.
func (x nat) shl(n int) nat {
	words, bits := n/32, uint(n%32)
	out := make(nat, len(x)+words+1)
	for i, w := range x {
		out[i+words] |= w << bits
		if bits > 0 {
			out[i+words+1] |= w >> (32 - bits)
		}
	}
	return out.norm()
}

func (x nat) norm() nat {
	for len(x) > 0 && x[len(x)-1] == 0 {
		x = x[:len(x)-1]
	}
	return x
}

func (x nat) cmp(y nat) int {
	x, y = x.norm(), y.norm()
	if len(x) != len(y) {
		if len(x) < len(y) {
			return -1
		}
		return 1
	}
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

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
		switch s[1] | 0x20 {
		case 'x':
			return radixToFloat(s[2:], 16)
		case 'o':
			return radixToFloat(s[2:], 8)
		case 'b':
			return radixToFloat(s[2:], 2)
		}
	}
	if f, ok := parseDecimal(s); ok {
		return f
	}
	return math.NaN()
}

// radixToFloat reads the digits of a 0x, 0o or 0b literal.
func radixToFloat(s string, radix uint32) float64 {
	var v nat
	approx := 0.0
	for i := range len(s) {
		d := uint32(36)
		switch c := s[i] | 0x20; {
		case '0' <= c && c <= '9':
			d = uint32(c - '0')
		case 'a' <= c && c <= 'z':
			d = uint32(c-'a') + 10
		}
		if d >= radix {
			return math.NaN()
		}
		v = v.mulAdd(radix, d)
		approx = approx*float64(radix) + float64(d)
	}
	return nearest(v, 0, approx)
}
