package iac

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzImport: any paste is read or refused with an *Error whose code is
// one of Codes(); never a panic. What is read is a valid configuration
// that survives its own format's export and import. The committed seed
// corpus (testdata/fuzz/FuzzImport) holds every format's exports and the
// broken pastes of the table test; the samples are added here.
func FuzzImport(f *testing.F) {
	samples, _ := filepath.Glob(filepath.Join("testdata", "samples", "*"))
	for _, p := range samples {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, paste []byte) {
		res, err := Import(paste)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("want *iac.Error, got %T %v", err, err)
			}
			if !slices.Contains(Codes(), e.Code) {
				t.Fatalf("unknown code %q", e.Code)
			}
			if e.Code == CodeBadValue && len(e.Fields) == 0 && e.Want == "" {
				t.Fatalf("BAD_VALUE says neither the lab's problems nor what is accepted: %v", e)
			}
			return
		}
		if err := res.Config.Validate(); err != nil {
			t.Fatalf("imported an invalid configuration: %v", err)
		}
		if !slices.Contains(Formats(), res.Format) {
			t.Fatalf("unknown format %q", res.Format)
		}
		if len(res.Read)+len(res.Assumed) != len(configFields()) {
			t.Fatalf("read %v and assumed %v do not cover the fields", res.Read, res.Assumed)
		}
		again, err := Import([]byte(Export(res.Format, res.Config)))
		if err != nil {
			t.Fatalf("the export of what was read does not import: %v", err)
		}
		want := carriedOnly(t, res.Format, res.Config)
		if params := again.Config; !equalConfig(params, want) {
			t.Fatalf("round trip changed the configuration:\n%+v\n%+v", want, params)
		}
	})
}
