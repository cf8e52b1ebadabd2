package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTForwardsToTheCatalog(t *testing.T) {
	assert.Equal(t, "EKS Tutor", T("en", "site"))
	assert.Equal(t, "⟦no.such.key⟧", T("ko", "no.such.key"))
}
