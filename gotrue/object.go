package gotrue

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Object is a JSON object that keeps its keys in order, as a JavaScript
// object does. GoTrue clients copy server responses key by key, so the
// order of a user's fields, and of the stored session, follows the wire.
// A duplicate key keeps its first position and its last value, as
// JSON.parse does. The zero value is an empty object.
type Object struct {
	keys []string
	vals map[string]json.RawMessage
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
func (o Object) Get(key string) (json.RawMessage, bool) {
	v, ok := o.vals[key]
	return v, ok
}

// String returns the value of key when it is a JSON string.
func (o Object) String(key string) (string, bool) {
	raw, ok := o.vals[key]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// Set sets key to a raw JSON value, appending the key if it is new.
func (o *Object) Set(key string, raw json.RawMessage) {
	if o.vals == nil {
		o.vals = map[string]json.RawMessage{}
	}
	if _, ok := o.vals[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = append(json.RawMessage(nil), raw...)
}

// SetValue sets key to v encoded as JSON.
func (o *Object) SetValue(key string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("gotrue: encoding %q: %w", key, err)
	}
	o.Set(key, raw)
	return nil
}

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
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(o.vals[k])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads a JSON object, keeping key order.
func (o *Object) UnmarshalJSON(data []byte) error {
	*o = Object{}
	d := json.NewDecoder(bytes.NewReader(data))
	tok, err := d.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return ErrNotObject
	}
	for d.More() {
		kt, err := d.Token()
		if err != nil {
			return err
		}
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return err
		}
		o.Set(kt.(string), v)
	}
	if _, err := d.Token(); err != nil {
		return err
	}
	if _, err := d.Token(); err != io.EOF {
		return errors.New("gotrue: invalid JSON: data after the object")
	}
	return nil
}
