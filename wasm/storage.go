//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// localStorage is gotrue.Storage over window.localStorage. Reading the
// localStorage property itself can throw (sandboxed frames, blocked
// storage), so it is looked up on every call and every call is guarded;
// the core's FallbackStorage moves to memory on the first failure (D4).
type localStorage struct{}

var errNoLocalStorage = errors.New("localStorage is not available")

func (localStorage) store() (safejs.Value, error) {
	ls, err := getProp(safejs.Global(), "localStorage")
	if err != nil {
		return ls, err
	}
	if !isObject(ls) {
		return ls, errNoLocalStorage
	}
	return ls, nil
}

// Get returns the item; a missing key is not an error.
func (s localStorage) Get(key string) (string, bool, error) {
	ls, err := s.store()
	if err != nil {
		return "", false, err
	}
	v, err := ls.Call("getItem", key)
	if err != nil {
		return "", false, thrownError(err)
	}
	if v.IsNull() || v.IsUndefined() {
		return "", false, nil
	}
	return jsString(v), true, nil
}

// Set stores the item; QuotaExceededError comes back as an error.
func (s localStorage) Set(key, value string) error {
	ls, err := s.store()
	if err != nil {
		return err
	}
	_, err = ls.Call("setItem", key, value)
	return thrownError(err)
}

// Remove deletes the item.
func (s localStorage) Remove(key string) error {
	ls, err := s.store()
	if err != nil {
		return err
	}
	_, err = ls.Call("removeItem", key)
	return thrownError(err)
}
