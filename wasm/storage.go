//go:build js && wasm

package main

// jsStorage is browser.Storage over the glue's store: localStorage, or
// memory once localStorage has failed (D4), which the synchronous methods
// answered in JavaScript share. Its calls never throw.
type jsStorage struct{}

// Get returns the item; a missing key is not an error.
func (jsStorage) Get(key string) (string, bool, error) {
	v, err := glue.store.Call("get", jsName(key))
	if err != nil {
		return "", false, thrownError(err)
	}
	if v.IsNull() || v.IsUndefined() {
		return "", false, nil
	}
	return jsString(v), true, nil
}

// Set stores the item.
func (jsStorage) Set(key, value string) error {
	_, err := glue.store.Call("set", jsName(key), value)
	return thrownError(err)
}

// Remove deletes the item.
func (jsStorage) Remove(key string) error {
	_, err := glue.store.Call("remove", jsName(key))
	return thrownError(err)
}
