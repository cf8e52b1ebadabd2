package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// The export panel holds the configuration in every format, exactly as
// internal/iac writes it.
func TestLabExportPanelHoldsEveryFormat(t *testing.T) {
	for _, p := range params.Presets() {
		cfg, err := p.Config()
		require.NoError(t, err)
		d := mustDoc(t, get(t, labPath("en", p.Query)))
		one(t, d, "lab-export")
		for _, f := range iac.Formats() {
			pre := one(t, d, "export-"+string(f))
			assert.Equal(t, strings.Join(strings.Fields(iac.Export(f, cfg)), " "), text(pre), "%s %s", p.ID, f)
		}
	}
}

// Importing what the lab exported opens the lab at that configuration
// (303), with the note of what was read, assumed and ignored.
func TestLabImportRoundTripThroughTheForm(t *testing.T) {
	for _, p := range params.Presets() {
		cfg, err := p.Config()
		require.NoError(t, err)
		for _, f := range iac.Formats() {
			resp := post(t, "/en/lab/import", url.Values{"config": {iac.Export(f, cfg)}})
			require.Equal(t, http.StatusSeeOther, resp.StatusCode, "%s %s", p.ID, f)
			loc := resp.Header.Get("Location")
			u, err := url.Parse(loc)
			require.NoError(t, err)
			assert.Equal(t, "/en/lab", u.Path)
			assert.Equal(t, string(f), u.Query().Get("imported"))
			page := get(t, loc)
			require.Equal(t, http.StatusOK, page.StatusCode, loc)
			d := mustDoc(t, page)
			note := text(one(t, d, "lab-import-note"))
			assert.Contains(t, note, "Imported from")
			// Every field the format carries comes back as exported.
			got := labValues(mustDecode(t, u.RawQuery))
			want := labValues(cfg)
			for _, name := range iac.Carried(f, cfg) {
				assert.Equal(t, want[name], got[name], "%s %s: %s", p.ID, f, name)
			}
		}
	}
}

func mustDecode(t *testing.T, raw string) topology.Config {
	t.Helper()
	q := decodeLab(raw)
	require.Empty(t, q.errs, raw)
	return q.cfg
}

// A paste the lab cannot read stays in the box with the reason, in the
// page's language, on a 400.
func TestLabImportBadPaste(t *testing.T) {
	paste := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n"
	for lang, want := range map[string]string{"en": "This is not a format the lab reads", "ko": "실습에서 읽을 수 있는 형식이 아닙니다"} {
		resp := post(t, "/"+lang+"/lab/import", url.Values{"config": {paste}})
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		d := mustDoc(t, resp)
		assert.Contains(t, text(one(t, d, "lab-import-error")), want)
		ta := firstChild(one(t, d, "lab-import-form"), "textarea")
		require.NotNil(t, ta)
		assert.Equal(t, paste, ta.FirstChild.Data, "the paste is still in the box")
		assert.Equal(t, "true", attr(ta, "aria-invalid"))
	}
	resp := post(t, "/en/lab/import", url.Values{"config": {"   "}})
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, text(one(t, mustDoc(t, resp), "lab-import-error")), "Nothing was pasted")
	// A value the lab refuses comes back with the lab's own field message.
	bad := "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n  region: us-west-2\nvpc:\n  publicAccessCIDRs: [\"2001:db8::/32\"]\n"
	resp = post(t, "/en/lab/import", url.Values{"config": {bad}})
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, text(one(t, mustDoc(t, resp), "lab-import-error")), "IPv6")
}
