package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDiff(t *testing.T) {
	assert.Empty(t, Diff("a\nb\n", "a\nb\n"))
	assert.Equal(t, "    1 a\n-   2 b\n+   2 B\n    3 c\n", Diff("a\nb\nc", "a\nB\nc"))
	assert.Equal(t, "   ...\n    3 3\n    4 4\n+   5 x\n    5 5\n    6 6\n", Diff("1\n2\n3\n4\n5\n6\n7\n8", "1\n2\n3\n4\nx\n5\n6\n7\n8"))
}

// fakeT records failures instead of failing the test that runs Check.
type fakeT struct {
	testing.TB
	errors []string
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.errors = append(f.errors, "error") }
func (f *fakeT) Fatalf(string, ...any) { f.errors = append(f.errors, "fatal") }
func (f *fakeT) Fatal(...any)          { f.errors = append(f.errors, "fatal") }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	assert.NoError(t, os.WriteFile(path, []byte("same\n"), 0o644))
	ok := &fakeT{TB: t}
	Check(ok, path, []byte("same\n"))
	assert.Empty(t, ok.errors)
	bad := &fakeT{TB: t}
	Check(bad, path, []byte("other\n"))
	assert.Equal(t, []string{"error"}, bad.errors)
	missing := &fakeT{TB: t}
	Check(missing, path+".nope", []byte("x"))
	assert.Equal(t, []string{"fatal"}, missing.errors)
}
