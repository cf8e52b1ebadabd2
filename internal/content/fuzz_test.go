package content

import (
	"errors"
	"testing"
	"testing/fstest"
)

// FuzzChapterFile: whatever an author writes in a chapter file (front
// matter, fenced blocks, callouts, links, headings) the library either
// loads or refuses with a ValidationError naming the file; never a panic
// and never another kind of error.
func FuzzChapterFile(f *testing.F) {
	for _, s := range []string{
		string(chapterFile("two", 2, "## Second {#second}\n").Data),
		"---\ntitle: [\n---\n",
		"---\ntitle: T\nslug: two\norder: 2\nsummary: S\nminutes: 3\n---\n```diagram\nview: endpoints\nmode: private\nflow: nope\n```\n",
		"---\ntitle: T\nslug: two\norder: 2\nsummary: S\nminutes: 3\n---\n```diagram\n\x00\n```\n> [!PITFALLS]\n> x\n\n## {#}\n[a](#nowhere)",
		"---\ntitle: T\nslug: glossary\norder: 99999999999999999999\nsummary: S\nminutes: -1\n---\n",
		"\ufeff---\r\ntitle: T\r\n---",
		"---\n---\n---\n",
		"---\nslug: two\ntitle: T\norder: 2\nsummary: S\nminutes: 3\nextra: 1\n---\n```quiz\n- x\n```\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fsys := validFS()
		fsys["en/two.md"] = &fstest.MapFile{Data: []byte(src)}
		lib, err := Load(fsys, Options{})
		if err == nil {
			if lib == nil {
				t.Fatal("no error and no library")
			}
			return
		}
		var ve *ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) == 0 {
			t.Fatalf("want a ValidationError with problems, got %T %v", err, err)
		}
		for _, p := range ve.Problems {
			if p.File == "" || p.Message == "" {
				t.Fatalf("a problem without its file or message: %+v", p)
			}
		}
	})
}
