package core

import (
	"errors"
)

// Object is a JSON object that keeps its keys in the order a JavaScript
// object gives them: integer-like keys ("0", "7", up to 2^32-2) first, in
// ascending order, then the other keys in the order they were added.
// GoTrue clients copy server responses key by key, so the order of a
// user's fields, and of the stored session, follows the wire as it does in
// gotrue-js. A duplicate key keeps its first position and its last value,
// as JSON.parse does. The zero value is an empty object.
//
// Like a JavaScript object, an Object is a reference: a copy shares its
// keys and values with the original, and a change through either is seen
// by both. Clone makes an independent copy.
type Object struct{ d *objectData }

type objectData struct {
	keys []string // the integer-like keys first, ascending
	ints int      // how many of keys are integer-like
	vals map[string]RawJSON
}

// ErrNotObject reports JSON that is valid but not an object.
var ErrNotObject = errors.New("gotrue: JSON value is not an object")

// ParseObject parses a JSON object.
func ParseObject(data []byte) (Object, error) {
	var o Object
	err := o.UnmarshalJSON(data)
	return o, err
}

// Keys returns the keys in order.
func (o Object) Keys() []string {
	if o.d == nil {
		return nil
	}
	return append([]string(nil), o.d.keys...)
}

// Len returns the number of keys.
func (o Object) Len() int {
	if o.d == nil {
		return 0
	}
	return len(o.d.keys)
}

// Get returns the raw JSON value of key.
func (o Object) Get(key string) (RawJSON, bool) {
	if o.d == nil {
		return nil, false
	}
	v, ok := o.d.vals[key]
	return v, ok
}

// String returns the value of key when it is a JSON string.
func (o Object) String(key string) (string, bool) {
	raw, ok := o.Get(key)
	if !ok {
		return "", false
	}
	return unquote(raw)
}

// Set sets key to a raw JSON value. A new key goes where a JavaScript
// object puts it: among the integer-like keys by value, else last.
func (o *Object) Set(key string, raw RawJSON) {
	if o.d == nil {
		o.d = &objectData{vals: map[string]RawJSON{}}
	}
	d := o.d
	if _, ok := d.vals[key]; !ok {
		if n, ok := arrayIndex(key); ok {
			d.insert(d.intPosition(n), key)
			d.ints++
		} else {
			d.keys = append(d.keys, key)
		}
	}
	d.vals[key] = append(RawJSON(nil), raw...)
}

// intPosition is where integer key n goes among the integer keys: after
// the last one when it is larger (keys from JSON.stringify come so), else
// found by binary search.
func (d *objectData) intPosition(n uint64) int {
	lo, hi := 0, d.ints
	if hi > 0 {
		if last, _ := arrayIndex(d.keys[hi-1]); n > last {
			return hi
		}
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if m, _ := arrayIndex(d.keys[mid]); m < n {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func (d *objectData) insert(at int, key string) {
	d.keys = append(d.keys, "")
	copy(d.keys[at+1:], d.keys[at:])
	d.keys[at] = key
}

// arrayIndex reports whether key is what JavaScript orders as an integer
// key (a canonical array index: no sign, no leading zero, below 2^32-1).
func arrayIndex(key string) (uint64, bool) {
	if key == "" || len(key) > 10 || (key[0] == '0' && len(key) > 1) {
		return 0, false
	}
	var n uint64
	for i := range len(key) {
		if !isDigit(key[i]) {
			return 0, false
		}
		n = n*10 + uint64(key[i]-'0')
	}
	return n, n < 1<<32-1
}

// SetString sets key to a JSON string.
func (o *Object) SetString(key, value string) { o.Set(key, quote(value)) }

// Clone returns an independent copy.
func (o Object) Clone() Object {
	var c Object
	for _, k := range o.Keys() {
		c.Set(k, o.d.vals[k])
	}
	return c
}

// MarshalJSON writes the object with its keys in order.
func (o Object) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, k := range o.Keys() {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, quote(k)...)
		b = append(b, ':')
		b = append(b, o.d.vals[k]...)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads a JSON object, keeping key order.
func (o *Object) UnmarshalJSON(data []byte) error {
	*o = Object{}
	if err := validJSON(data); err != nil {
		return err
	}
	i := skipWS(data, 0)
	if data[i] != '{' {
		return ErrNotObject
	}
	i = skipWS(data, i+1)
	for data[i] != '}' {
		kend, _ := scanString(data, i)
		key, _ := unquote(data[i:kend])
		vstart := skipWS(data, skipWS(data, kend)+1)
		vend, _ := scanValue(data, vstart, 1)
		o.Set(key, data[vstart:vend])
		i = skipWS(data, vend)
		if data[i] == ',' {
			i = skipWS(data, i+1)
		}
	}
	return nil
}
