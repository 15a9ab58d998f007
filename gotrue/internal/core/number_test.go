package core

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseDecimal must agree with strconv.ParseFloat bit for bit.
func agreesWithStrconv(t *testing.T, s string) {
	t.Helper()
	want, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(want, 0) {
		t.Fatalf("bad test input %q: %v", s, err)
	}
	got, ok := parseDecimal(s)
	require.True(t, ok, s)
	require.Equal(t, math.Float64bits(want), math.Float64bits(got), "%q: got %v, want %v", s, got, want)
}

func TestParseDecimalEdges(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"0", "-0", "1", "1.5", ".5", "5.", "+7", "0.1", "0.30000000000000004", "1700000000", "1.7e9", "1e-7",
		"9007199254740993", "9007199254740995", "123456789012345678901234567890",
		"1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.797693134862315807e308", "2e308", "1e400",
		"2.2250738585072011e-308", "2.2250738585072012e-308", "4.9e-324", "2.4703282292062327e-324",
		"2.4703282292062328e-324", "1e-400", "0e999999999", "1e-999999999",
	} {
		agreesWithStrconv(t, s)
	}
	for _, s := range []string{"", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x10", "1_000", "Infinity", "inf", " 1", "--1"} {
		_, ok := parseDecimal(s)
		assert.False(t, ok, "%q", s)
	}
}

func TestParseDecimalAgreesWithStrconv(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(20261127, 1))
	random := func() float64 {
		for {
			if f := math.Float64frombits(r.Uint64() &^ (1 << 63)); !math.IsInf(f, 0) && !math.IsNaN(f) {
				return f
			}
		}
	}
	for range 20000 {
		f := random()
		agreesWithStrconv(t, strconv.FormatFloat(f, 'g', -1, 64))
		agreesWithStrconv(t, strconv.FormatFloat(f, 'e', r.IntN(30), 64))
		digits := make([]byte, 1+r.IntN(40))
		for i := range digits {
			digits[i] = byte('0' + r.IntN(10))
		}
		agreesWithStrconv(t, string(digits)+"e"+strconv.Itoa(r.IntN(740)-370))
	}
	// Exact midpoints between neighbours, and a hair either side: the
	// cases an approximate method gets wrong.
	for range 2000 {
		f := random()
		next := math.Nextafter(f, math.Inf(1))
		if math.IsInf(next, 0) {
			continue
		}
		mid := new(big.Float).SetPrec(2100).SetFloat64(f)
		mid.Add(mid, new(big.Float).SetFloat64(next)).Quo(mid, big.NewFloat(2))
		exact := mid.Text('e', 1100)
		agreesWithStrconv(t, exact)
		mant, exp, _ := cutExponent(exact)
		agreesWithStrconv(t, mant+"1e"+exp)
	}
}

func cutExponent(s string) (string, string, bool) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == 'e' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "0", false
}

// FuzzFormatJSNumber: String(n) reads back as n, in the form JavaScript
// chooses (exponent form exactly outside 1e-6 <= |n| < 1e21).
func FuzzFormatJSNumber(f *testing.F) {
	for _, v := range []float64{0, 1, -1.5, 1e21, 1e-7, 123456789012345680000, 5e-324, math.MaxFloat64} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		s := formatJSNumber(v)
		back, ok := parseDecimal(s)
		if !ok || back != v {
			t.Fatalf("String(%v) = %q reads back as %v", v, s, back)
		}
		abs := math.Abs(v)
		if exp := strings.Contains(s, "e"); v != 0 && exp != (abs < 1e-6 || abs >= 1e21) {
			t.Fatalf("String(%v) = %q: wrong form", v, s)
		}
	})
}

func TestFormatJSNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1, "1"}, {-1.5, "-1.5"}, {0.1, "0.1"}, {1e21, "1e+21"}, {1e20, "100000000000000000000"},
		{123456789012345680000, "123456789012345680000"}, {1.5e21, "1.5e+21"}, {1e-7, "1e-7"}, {1.5e-7, "1.5e-7"}, {1e-6, "0.000001"},
		{1795756596000, "1795756596000"}, {5e-324, "5e-324"}, {math.MaxFloat64, "1.7976931348623157e+308"}, {-1e-7, "-1e-7"},
		{math.NaN(), "NaN"}, {math.Inf(1), "Infinity"}, {math.Inf(-1), "-Infinity"}, {0.000001234, "0.000001234"}, {12.5, "12.5"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, formatJSNumber(tt.f), "String(%v)", tt.f)
	}
	assert.Equal(t, "null", formatNumber(math.NaN()))
	assert.Equal(t, "1e+21", formatNumber(1e21), "JSON.stringify writes numbers as String does")
	assert.Equal(t, "1e+21", jsString(RawJSON("1e21")), "template literals too")
}

func TestNumberValueIsJavaScriptNumber(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	tests := []struct {
		raw  string
		want float64
	}{
		{`1700000000`, 1700000000}, {` -1.5e3 `, -1500}, {`"42"`, 42}, {`"  42\n"`, 42}, {`""`, 0}, {`" "`, 0},
		{`"0x1F"`, 31}, {`"0o17"`, 15}, {`"0B101"`, 5}, {`"-0x10"`, nan}, {`"0x"`, nan}, {`"0x1G"`, nan},
		{`"Infinity"`, math.Inf(1)}, {`"-Infinity"`, math.Inf(-1)}, {`"inf"`, nan}, {`"infinity"`, nan},
		{`"1e400"`, math.Inf(1)}, {`".5"`, 0.5}, {`"5."`, 5}, {`"1_000"`, nan}, {`"12px"`, nan},
		{`null`, 0}, {`false`, 0}, {`true`, 1}, {`[]`, 0}, {`[7]`, 7}, {`["8"]`, 8}, {`[1,2]`, nan}, {`{}`, nan},
		{``, nan}, {`01`, nan}, {`"0x20000000000001"`, 9007199254740992}, {`"0x20000000000003"`, 9007199254740996},
		{"\"0x\u0011\"", nan}, {"\"0x1\u0019\"", nan}, {"\"0o\u0017\"", nan}, {`"0b2"`, nan}, {`"0o8"`, nan}, {`"0xfF"`, 255},
		{`"0b` + strings.Repeat("1", 60) + `"`, 1152921504606846976}, {`"0o777"`, 511}, {`"0x"`, nan}, {`"0x-1"`, nan},
	}
	for _, tt := range tests {
		got := numberValue(RawJSON(tt.raw))
		if math.IsNaN(tt.want) {
			assert.True(t, math.IsNaN(got), "Number(%s) = %v, want NaN", tt.raw, got)
			continue
		}
		assert.Equal(t, tt.want, got, "Number(%s)", tt.raw)
	}
}
