package gotrue

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
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

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"1.5e3", "-0.0", "4.9e-324", "1e309", "123456789012345678901"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseDecimal(s)
		want, err := strconv.ParseFloat(s, 64)
		if !ok || (err != nil && !math.IsInf(want, 0)) {
			return // grammars differ (strconv takes inf, hex, underscores); only values are compared
		}
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	})
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
		{``, nan}, {`01`, nan}, {`"0x20000000000001"`, 9007199254740992},
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
