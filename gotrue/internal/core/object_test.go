package core

import (
	"encoding/base64"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestObjectOrdersKeysAsJavaScript: JSON.stringify(JSON.parse(in)) in
// JavaScript gives want: integer-like keys first, ascending, then the rest
// in insertion order; a duplicate keeps its first place and last value.
func TestObjectOrdersKeysAsJavaScript(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`{"b":1,"2":2,"1":3}`, `{"1":3,"2":2,"b":1}`},
		{`{"10":1,"9":2,"a":3,"0":4}`, `{"0":4,"9":2,"10":1,"a":3}`},
		{`{"01":1,"1":2,"-1":3,"1.5":4," 1":5}`, `{"1":2,"01":1,"-1":3,"1.5":4," 1":5}`},
		{`{"4294967294":1,"4294967295":2,"5":3}`, `{"5":3,"4294967294":1,"4294967295":2}`},
		{`{"x":1,"y":2,"x":3}`, `{"x":3,"y":2}`},
		{`{"3":1,"3":2}`, `{"3":2}`},
	}
	for _, tt := range tests {
		o, err := ParseObject([]byte(tt.in))
		require.NoError(t, err)
		b, _ := o.MarshalJSON()
		assert.Equal(t, tt.want, string(b), tt.in)
	}
}

// TestObjectCopiesShare: an Object is a reference, as a JavaScript object
// is: a copy sees every change, whole; Clone is independent.
func TestObjectCopiesShare(t *testing.T) {
	t.Parallel()
	a, err := ParseObject([]byte(`{"x":1}`))
	require.NoError(t, err)
	c := a
	c.Set("y", RawJSON("2"))
	v, ok := a.Get("y")
	assert.True(t, ok)
	assert.Equal(t, RawJSON("2"), v)
	assert.Equal(t, []string{"x", "y"}, a.Keys(), "the original's keys agree with its values")
	b, _ := a.MarshalJSON()
	assert.Equal(t, `{"x":1,"y":2}`, string(b))

	d := a.Clone()
	d.Set("z", RawJSON("3"))
	_, ok = a.Get("z")
	assert.False(t, ok, "a clone is independent")
	assert.Equal(t, 2, a.Len())
}

// TestTokenWithPayloadThatIsNotAnObject: gotrue-js sets expires_at to
// claims.exp * 1000, which is NaN for 5, [1] or "s" (no exp property), and
// logs the TypeError for null, keeping what expires_at was.
func TestTokenWithPayloadThatIsNotAnObject(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		payload string
		nan     bool
		err     string
	}{
		{`5`, true, ""}, {`[1]`, true, ""}, {`"s"`, true, ""}, {`true`, true, ""},
		{`null`, false, "TypeError: Cannot read properties of null (reading 'exp')"},
		{`{"exp":2}`, false, ""}, {`{`, false, "SyntaxError: the JWT payload is not valid JSON"},
	} {
		var raw Object
		raw.SetString("access_token", "h."+base64.RawURLEncoding.EncodeToString([]byte(tt.payload))+".s")
		raw.Set("expires_at", RawJSON("7"))
		tok, err := newToken(raw)
		if tt.err != "" {
			assert.EqualError(t, err, tt.err, tt.payload)
			assert.Equal(t, 7.0, tok.ExpiresAt, "%s: expires_at kept", tt.payload)
			continue
		}
		require.NoError(t, err, tt.payload)
		if tt.nan {
			assert.True(t, math.IsNaN(tok.ExpiresAt), "%s: NaN", tt.payload)
			b, _ := tok.MarshalJSON()
			assert.Contains(t, string(b), `"expires_at":null`, "NaN is written as null")
		} else {
			assert.Equal(t, 2000.0, tok.ExpiresAt)
		}
	}
}

// TestRefreshTokenSpelling: Go callers get "" for a token without
// refresh_token; the request and the shared-refresh key use gotrue-js's
// ${refresh_token}, "undefined".
func TestRefreshTokenSpelling(t *testing.T) {
	t.Parallel()
	var raw Object
	raw.SetString("access_token", "a.b.c")
	tok, _ := newToken(raw)
	assert.Equal(t, "", tok.RefreshToken())
	assert.Equal(t, "undefined", tok.refreshTokenJS())
	raw.Set("refresh_token", RawJSON("12"))
	tok, _ = newToken(raw)
	assert.Equal(t, "12", tok.RefreshToken(), "String() of a number")
	assert.Equal(t, "12", tok.refreshTokenJS())
}

// TestObjectManyIntegerKeys: a million integer-like keys (a string spread
// into an object has as many) are ordered in O(n log n), not O(n²).
func TestObjectManyIntegerKeys(t *testing.T) {
	t.Parallel()
	var o Object
	for i := range 1_000_000 {
		o.Set(formatJSNumber(float64(i)), RawJSON("1"))
	}
	o.Set("7", RawJSON("2"))
	o.Set("x", RawJSON("3"))
	o.Set("5", RawJSON("4"))
	keys := o.Keys()
	assert.Equal(t, "0", keys[0])
	assert.Equal(t, "999999", keys[999_999])
	assert.Equal(t, "x", keys[1_000_000])
	v, _ := o.Get("5")
	assert.Equal(t, RawJSON("4"), v)
}
