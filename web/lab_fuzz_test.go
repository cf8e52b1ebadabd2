package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzLabQuery: whatever the address, the lab answers its page (200) or
// the same page with the problems (400), never a 5xx.
func FuzzLabQuery(f *testing.F) {
	for _, seed := range []string{
		"", "private=true&was=", "cidrs=203.0.113.10/32&flow=kubelet-to-apiserver&step=2",
		"public=false&private=false&cidrs=::/0&client_ip=1.2.3&endpoints=ec2&endpoints=x",
		"node_subnet=public&nodes=private-isolated", "was=public%3Dfalse&step=-1", "endpoints=&endpoints=%zz",
		"flow=node-to-ecr&step=99&was=cidrs%3D", "=&&=x&public=on",
	} {
		f.Add(seed)
	}
	h := mustApp(f)
	f.Fuzz(func(t *testing.T, q string) {
		req := httptest.NewRequest(http.MethodGet, "/en/lab", nil)
		req.URL.RawQuery = q
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
			t.Fatalf("%q: status %d", q, rec.Code)
		}
	})
}
