package static

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKeyFilesAreEmbedded(t *testing.T) {
	for _, name := range []string{"css/site.css", "css/code.css", "js/site.js"} {
		b, err := fs.ReadFile(FS, name)
		if assert.NoError(t, err, name) {
			assert.NotEmpty(t, b, name)
		}
	}
}
