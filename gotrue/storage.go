package gotrue

import (
	"sync"
)

// StorageKey is where sessions are stored, as gotrue-js stores them.
const StorageKey = "gotrue.user"

// Storage is a small synchronous key-value store, the shape of
// localStorage. Get reports whether the key exists. Implementations must be
// safe for concurrent use.
type Storage interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Remove(key string) error
}

// MemoryStorage keeps values in memory. The zero value is ready to use.
type MemoryStorage struct {
	mu sync.Mutex
	m  map[string]string
}

// Get returns the value of key.
func (s *MemoryStorage) Get(key string) (string, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	return v, ok, nil
}

// Set stores value under key.
func (s *MemoryStorage) Set(key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]string{}
	}
	s.m[key] = value
	return nil
}

// Remove deletes key.
func (s *MemoryStorage) Remove(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

// FallbackStorage uses a primary store (localStorage) until it fails once,
// then keeps the session in memory for the rest of the page's life, so a
// blocked or full store never loses a session or throws (D4). The value
// that failed to be written is kept in memory.
type FallbackStorage struct {
	primary Storage
	memory  MemoryStorage

	mu     sync.Mutex
	failed bool
	onFail func(error)
}

// NewFallbackStorage wraps primary. onFail, when not nil, is called once
// with the first error.
func NewFallbackStorage(primary Storage, onFail func(error)) *FallbackStorage {
	return &FallbackStorage{primary: primary, onFail: onFail}
}

// InMemory reports whether the store has fallen back to memory.
func (s *FallbackStorage) InMemory() bool {
	s.mu.Lock()
	v := s.failed || s.primary == nil
	s.mu.Unlock()
	return v
}

func (s *FallbackStorage) fail(err error) {
	s.mu.Lock()
	first := !s.failed
	s.failed = true
	s.mu.Unlock()
	if first && s.onFail != nil {
		s.onFail(err)
	}
}

// Get reads the primary store, or memory after a failure.
func (s *FallbackStorage) Get(key string) (string, bool, error) {
	if !s.InMemory() {
		v, ok, err := s.primary.Get(key)
		if err == nil {
			return v, ok, nil
		}
		s.fail(err)
	}
	return s.memory.Get(key)
}

// Set writes the primary store; on failure the value goes to memory.
func (s *FallbackStorage) Set(key, value string) error {
	if !s.InMemory() {
		err := s.primary.Set(key, value)
		if err == nil {
			return nil
		}
		s.fail(err)
	}
	return s.memory.Set(key, value)
}

// Remove removes from both stores.
func (s *FallbackStorage) Remove(key string) error {
	if !s.InMemory() {
		if err := s.primary.Remove(key); err != nil {
			s.fail(err)
		}
	}
	return s.memory.Remove(key)
}
