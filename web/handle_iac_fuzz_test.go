package web

import (
	"net/http"
	"testing"

	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// FuzzImportAPI: whatever is posted, in whichever content type, the
// import answers 200 or a 4xx problem; never a 5xx.
func FuzzImportAPI(f *testing.F) {
	for _, format := range iac.Formats() {
		f.Add("text/plain", iac.Export(format, topology.DefaultConfig()))
	}
	f.Add("application/json", `{"text": "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n"}`)
	f.Add("application/json", `{"text": null}`)
	f.Add("application/x-www-form-urlencoded", "text=%zz")
	f.Add("multipart/form-data; boundary=x", "--x\r\n")
	f.Fuzz(func(t *testing.T, contentType, body string) {
		resp := postPaste(t, "/api/v1/import", contentType, body)
		if resp.StatusCode >= 500 {
			t.Fatalf("%s %q: %d %s", contentType, body, resp.StatusCode, bodyOf(t, resp))
		}
		if resp.StatusCode != http.StatusOK && resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Fatalf("%s %q: %d without a problem body", contentType, body, resp.StatusCode)
		}
	})
}
