package content

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEveryChapterIsEmbeddedInBothLanguages(t *testing.T) {
	for _, lang := range []string{"ko", "en"} {
		files, err := fs.Glob(FS, lang+"/*.md")
		assert.NoError(t, err)
		assert.Len(t, files, 10, lang)
	}
	b, err := fs.ReadFile(FS, "glossary.yaml")
	assert.NoError(t, err)
	assert.NotEmpty(t, b)
}
