package core

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
