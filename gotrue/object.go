package gotrue

import (
	"errors"
)

// Object is a JSON object that keeps its keys in order, as a JavaScript
// object does. GoTrue clients copy server responses key by key, so the
// order of a user's fields, and of the stored session, follows the wire.
// A duplicate key keeps its first position and its last value, as
// JSON.parse does. The zero value is an empty object.
type Object struct {
	keys []string
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
func (o Object) Keys() []string { return append([]string(nil), o.keys...) }

// Len returns the number of keys.
func (o Object) Len() int { return len(o.keys) }

// Get returns the raw JSON value of key.
func (o Object) Get(key string) (RawJSON, bool) {
	v, ok := o.vals[key]
	return v, ok
}

// String returns the value of key when it is a JSON string.
func (o Object) String(key string) (string, bool) {
	raw, ok := o.vals[key]
	if !ok {
		return "", false
	}
	return unquote(raw)
}

// Set sets key to a raw JSON value, appending the key if it is new.
func (o *Object) Set(key string, raw RawJSON) {
	if o.vals == nil {
		o.vals = map[string]RawJSON{}
	}
	if _, ok := o.vals[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = append(RawJSON(nil), raw...)
}

// SetString sets key to a JSON string.
func (o *Object) SetString(key, value string) { o.Set(key, quote(value)) }

// Clone returns an independent copy.
func (o Object) Clone() Object {
	var c Object
	for _, k := range o.keys {
		c.Set(k, o.vals[k])
	}
	return c
}

// MarshalJSON writes the object with its keys in order.
func (o Object) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, k := range o.keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, quote(k)...)
		b = append(b, ':')
		b = append(b, o.vals[k]...)
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
