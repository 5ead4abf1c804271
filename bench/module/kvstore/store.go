// Package kvstore is a tiny versioned key-value store persisted as JSON. It
// imports no AWS package.
package kvstore

import (
	"encoding/json"
	"errors"
	"io"
	"sort"
	"sync"
)

// ErrConflict is returned when a write names a stale version.
var ErrConflict = errors.New("kvstore: version conflict")

type entry struct {
	Value   string `json:"value"`
	Version uint64 `json:"version"`
}

// Store is safe for concurrent use.
type Store struct {
	mu   sync.Mutex
	data map[string]entry
}

// New returns an empty store.
func New() *Store { return &Store{data: make(map[string]entry)} }

// Get returns the value and version for key.
func (s *Store) Get(key string) (string, uint64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.data[key]
	return e.Value, e.Version, ok
}

// Put writes key if its current version is want (0 for absent) and returns
// the new version.
func (s *Store) Put(key, value string, want uint64) (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data[key].Version != want {
		return 0, ErrConflict
	}
	e := entry{Value: value, Version: want + 1}
	s.data[key] = e
	return e.Version, nil
}

// Keys returns the keys in order.
func (s *Store) Keys() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]string, 0, len(s.data))
	for k := range s.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Save writes the store as JSON.
func (s *Store) Save(w io.Writer) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s.data)
}

// Load replaces the contents of the store with JSON from r.
func (s *Store) Load(r io.Reader) error {
	var data map[string]entry
	if err := json.NewDecoder(r).Decode(&data); err != nil {
		return err
	}
	if data == nil {
		data = make(map[string]entry)
	}
	s.mu.Lock()
	s.data = data
	s.mu.Unlock()
	return nil
}
