//go:build js && wasm

package core

// Differential tests: the core's JavaScript rules against JavaScript
// itself. They run under Node (make test-wasm), feed the same inputs, from
// a fixed seed, to the core and to the engine's own JSON.parse, atob,
// Number, String and JSON.stringify, and require equal results. (syscall/js
// is used here, in a test, only: the core itself never imports it.)

import (
	"math"
	"math/rand/v2"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/require"
)

const differentialRounds = 20000

// jsCall calls the global function path (such as "JSON.parse") and
// reports whether it threw.
func jsCall(path string, args ...any) (v js.Value, threw bool) {
	defer func() {
		if r := recover(); r != nil {
			threw = true
		}
	}()
	obj, name := js.Global(), path
	if dot := strings.LastIndexByte(path, '.'); dot >= 0 {
		obj, name = js.Global().Get(path[:dot]), path[dot+1:]
	}
	return obj.Call(name, args...), false
}

// pick returns a random piece of s, a piece at a time.
func pick(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestDifferentialUnquote(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 20261129))
	pieces := []string{"a", "é", "😀", " ", `\"`, `\\`, `\/`, `\b`, `\n`, `\t`, `\u0041`, `\u00e9`, `\ud83d`, `\ude00`, `\ud83d\ude00`,
		`\uDFFF`, `\u12`, `\x`, `\`, "\x01", "\x7f", `"`, "\u2028"}
	for range differentialRounds {
		lit := `"` + pick(r, pieces, r.IntN(8)) + `"`
		got, ok := unquote([]byte(lit))
		if ok {
			ok = validJSON([]byte(lit)) == nil
		}
		want, threw := jsCall("JSON.parse", lit)
		require.Equal(t, threw, !ok, "JSON.parse(%q) threw %v; unquote ok %v", lit, threw, ok)
		if ok {
			require.Equal(t, want.String(), got, "JSON.parse(%q)", lit)
		}
	}
}

func TestDifferentialAtob(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 20261129))
	pieces := []string{"A", "b", "z", "0", "9", "+", "/", "=", " ", "\n", "\t", "-", "_", "*", "\f", "\r", "\v"}
	for range differentialRounds {
		s := pick(r, pieces, r.IntN(14))
		got, ok := atob(s)
		want, threw := jsCall("atob", s)
		require.Equal(t, threw, !ok, "atob(%q) threw %v; ours ok %v", s, threw, ok)
		if !ok {
			continue
		}
		bin := want.String() // a binary string: one character per byte
		wantBytes := make([]byte, 0, len(bin))
		for _, c := range bin {
			wantBytes = append(wantBytes, byte(c))
		}
		require.Equal(t, wantBytes, got, "atob(%q)", s)
	}
}

// isNegZero tells, in JavaScript, whether Number(s) is -0: a -0 crossing
// into Go (or out of it) becomes +0.
var isNegZero = js.Global().Get("Function").New("s", "return Object.is(Number(s), -0)")

func TestDifferentialNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 20261129))
	pieces := []string{"0", "1", "7", "9", "a", "f", "F", "x", "X", "o", "b", "B", ".", "e", "E", "+", "-", " ", "\t", "\n",
		"\u00a0", "\ufeff", "\u2028", "\u0085", "Infinity", "inf", "_", "\x11", "\x19", "0x", "0o", "0b", "1e308", "e-400"}
	for range differentialRounds {
		s := pick(r, pieces, r.IntN(7))
		got := stringToNumber(s)
		n := js.Global().Call("Number", s)
		want := n.Float()
		if isNegZero.Invoke(s).Bool() {
			want = math.Copysign(0, -1) // syscall/js hands every zero to Go as +0
		}
		if math.IsNaN(want) {
			require.True(t, math.IsNaN(got), "Number(%q) is NaN, ours %v", s, got)
			continue
		}
		require.Equal(t, math.Float64bits(want), math.Float64bits(got), "Number(%q): %v, ours %v", s, want, got)
	}
}

func TestDifferentialString(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 20261129))
	for i := range differentialRounds {
		var f float64
		switch i % 3 {
		case 0:
			f = math.Float64frombits(r.Uint64())
		case 1:
			f = math.Round(r.NormFloat64()*1e6) * math.Pow10(r.IntN(50)-25)
		default:
			f = float64(r.Int64N(1<<53)) * math.Pow10(r.IntN(10))
		}
		want := js.Global().Call("String", f).String()
		require.Equal(t, want, formatJSNumber(f), "String(%v)", f)
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			require.Equal(t, js.Global().Get("JSON").Call("stringify", f).String(), formatNumber(f))
		}
	}
}

func TestDifferentialKeyOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 20261129))
	keys := []string{"0", "1", "2", "10", "9", "01", "-1", "1.5", "4294967294", "4294967295", "99999999999", "a", "b", "id", "__proto__x", " 3", "3 "}
	for range differentialRounds / 4 {
		var b strings.Builder
		b.WriteByte('{')
		for i := range r.IntN(8) {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(quote(keys[r.IntN(len(keys))]))
			b.WriteString(":" + formatJSNumber(float64(i)))
		}
		b.WriteByte('}')
		in := b.String()
		o, err := ParseObject([]byte(in))
		require.NoError(t, err, in)
		got, _ := o.MarshalJSON()
		JSON := js.Global().Get("JSON")
		want := JSON.Call("stringify", JSON.Call("parse", in)).String()
		require.Equal(t, want, string(got), "JSON.stringify(JSON.parse(%s))", in)
	}
}
