package params

import (
	"testing"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// FuzzDecodeConfig: any query decodes to a valid configuration whose
// canonical encoding decodes back to the same configuration, or to
// Errors with a message in both languages; never a panic.
func FuzzDecodeConfig(f *testing.F) {
	for _, p := range Presets() {
		f.Add(p.Query)
	}
	for _, s := range []string{
		"public=false&private=false", "cidrs=2001:db8::/32,10.0.0.0/33", "cidrs=,", "client_ip=%zz",
		"endpoints=s3,s3,ecr.api", "node_subnet=public&nodes=private-nat", "nodes=public&&&=", "=x&cidrs=%2C",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := DecodeConfig(raw)
		if err != nil {
			errs, ok := err.(Errors)
			if !ok || len(errs) == 0 {
				t.Fatalf("%q: want params.Errors, got %T %v", raw, err, err)
			}
			for _, e := range errs {
				if e.Name == "" && e.Problem != Unknown || e.Message.EN == "" || e.Message.KO == "" {
					t.Fatalf("%q: incomplete problem %+v", raw, e)
				}
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("%q decoded to an invalid configuration: %v", raw, err)
		}
		enc := EncodeConfig(c)
		back, err := DecodeConfig(enc)
		if err != nil {
			t.Fatalf("%q: canonical %q does not decode: %v", raw, enc, err)
		}
		if EncodeConfig(back) != enc {
			t.Fatalf("%q: canonical form is not stable: %q then %q", raw, enc, EncodeConfig(back))
		}
	})
}

// FuzzDecodeDiagramAndPlayer: any query for a standalone diagram or the
// player gives a state or Errors in both languages; a decoded player
// state encodes to a query that decodes to the same state.
func FuzzDecodeDiagramAndPlayer(f *testing.F) {
	for _, s := range []string{"", "mode=public&flow=kubelet-to-apiserver&step=3", "mode=private&step=999", "step=-1",
		"lang=ko&animate=1", "flow=%zz", "mode=public&mode=private", "present=1&view=overview", "step=1e9", "=&&="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, endpoints := range []bool{false, true} {
			if _, err := DecodeDiagram(raw, endpoints, "en"); err != nil {
				requireBilingual(t, raw, err)
			}
		}
		st, err := DecodePlayer(raw, fuzzPlayerDefault)
		if err != nil {
			requireBilingual(t, raw, err)
			return
		}
		enc := EncodePlayer(st)
		back, err := DecodePlayer(enc, fuzzPlayerDefault)
		if err != nil || EncodePlayer(back) != enc {
			t.Fatalf("%q: player state %q does not round trip (%v)", raw, enc, err)
		}
	})
}

// fuzzPlayerDefault is the endpoint chapter's default state.
var fuzzPlayerDefault = PlayerState{Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer}

func requireBilingual(t *testing.T, raw string, err error) {
	t.Helper()
	errs, ok := err.(Errors)
	if !ok || len(errs) == 0 {
		t.Fatalf("%q: want params.Errors, got %T %v", raw, err, err)
	}
	for _, e := range errs {
		if e.Message.EN == "" || e.Message.KO == "" {
			t.Fatalf("%q: a problem without both languages: %+v", raw, e)
		}
	}
}
