package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzQuizSubmission: any form body posted to a quiz is graded or
// refused with a 4xx page; never a 5xx, never an empty answer.
func FuzzQuizSubmission(f *testing.F) {
	for _, s := range []string{"", "q1=a", "intro-1=a&intro-1=b", "intro-1=zz", "%zz=1", "intro-1=" + strings.Repeat("a", 5000),
		"a=1&a=2&a=3", "\x00=\x00", "intro-1=a;intro-2=b", "version=nope&intro-1=a"} {
		f.Add("intro", s)
		f.Add("endpoint-access", s)
	}
	h := mustApp(f)
	f.Fuzz(func(t *testing.T, slug, body string) {
		for _, lang := range []string{"en", "ko"} {
			path := "/" + lang + "/" + slug + "/quiz"
			req, err := http.NewRequest(http.MethodPost, "http://localhost"+path, strings.NewReader(body))
			if err != nil {
				return // not a URL a client could send
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 || rec.Body.Len() == 0 {
				t.Fatalf("POST %s %q: %d, %d bytes", path, body, rec.Code, rec.Body.Len())
			}
		}
	})
}

// FuzzQueryOnEveryPageKind: any query string on each kind of page gives a
// page or a 4xx with a message; never a 5xx.
func FuzzQueryOnEveryPageKind(f *testing.F) {
	for _, s := range []string{"", "mode=private&flow=kubectl-to-apiserver&step=2", "step=99", "mode=%zz", "q=노드를", "q=" + strings.Repeat("x", 300),
		"lang=ko", "animate=1&lang=xx", "a=1&a=1", "public=false&private=false", "cidrs=::/0"} {
		f.Add(s)
	}
	h := mustApp(f)
	paths := []string{"/en/", "/ko/endpoint-access", "/en/compare", "/ko/search", "/en/glossary", "/diagrams/endpoints.svg", "/api/v1/resolve", "/api/v1/search"}
	f.Fuzz(func(t *testing.T, query string) {
		for _, p := range paths {
			req, err := http.NewRequest(http.MethodGet, "http://localhost"+p+"?"+query, nil)
			if err != nil {
				return
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 || (rec.Code >= 400 && rec.Body.Len() == 0) {
				t.Fatalf("GET %s?%s: %d, %d bytes", p, query, rec.Code, rec.Body.Len())
			}
		}
	})
}
