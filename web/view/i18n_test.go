package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Both languages are complete: the same keys, none empty.
func TestMessagesAreCompleteInBothLanguages(t *testing.T) {
	for key, en := range messages["en"] {
		assert.NotEmpty(t, en, "en %s", key)
		assert.NotEmpty(t, messages["ko"][key], "ko is missing %s", key)
	}
	for key := range messages["ko"] {
		_, ok := messages["en"][key]
		assert.True(t, ok, "en is missing %s", key)
	}
}

func TestMissingKeysAreVisible(t *testing.T) {
	assert.Equal(t, "⟦no.such.key⟧", T("ko", "no.such.key"))
}
