//go:build !js

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHashedName: the module's served name is a hash of its bytes, so it
// changes whenever they do, and only then.
func TestHashedName(t *testing.T) {
	t.Parallel()
	a, b := []byte("\x00asm one build"), []byte("\x00asm another build")
	assert.Equal(t, HashedName(a), HashedName(append([]byte(nil), a...)), "the same bytes, the same name")
	assert.NotEqual(t, HashedName(a), HashedName(b), "other bytes, another name")
	assert.Regexp(t, regexp.MustCompile(`^gotrue\.[0-9a-f]{10}\.wasm$`), HashedName(a))
}

// TestPruneHashed: a build keeps its own hashed module and nothing else of
// an earlier build's, so the npm package (dist/*.wasm) carries one module.
func TestPruneHashed(t *testing.T) {
	t.Parallel()
	keep := HashedName([]byte("\x00asm this build"))
	old := HashedName([]byte("\x00asm an earlier build"))
	tests := []struct {
		name string
		kept bool
	}{
		{keep, true},
		{keep + ".br", true},
		{keep + ".gz", true},
		{old, false},
		{old + ".br", false},
		{old + ".gz", false},
		{"gotrue.wasm", true},
		{"gotrue.wasm.br", true},
		{"gotrue.js", true},
		{"gotrue.notahash0.wasm", true},
		{old + ".map", true},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		require.NoError(t, os.WriteFile(filepath.Join(dir, tt.name), []byte("x"), 0o644))
	}
	require.NoError(t, pruneHashed(dir, keep))
	for _, tt := range tests {
		_, err := os.Stat(filepath.Join(dir, tt.name))
		if tt.kept {
			assert.NoError(t, err, "%s kept", tt.name)
		} else {
			assert.ErrorIs(t, err, os.ErrNotExist, "%s removed", tt.name)
		}
	}
}
