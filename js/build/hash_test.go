//go:build !js

package main

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
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
