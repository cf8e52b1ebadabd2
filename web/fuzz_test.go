package web

import (
	"encoding/json"
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

// FuzzExerciseSubmission: any answer to any exercise, as the check API's
// JSON or the exercise page's form, is checked or refused with a 4xx that
// says why; never a 5xx.
func FuzzExerciseSubmission(f *testing.F) {
	h := mustApp(f)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/exercises", nil))
	var list []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || len(list) == 0 {
		f.Fatalf("exercise list: %d %v", rec.Code, err)
	}
	for i := range list {
		for _, b := range []string{`{"path":["kubelet","eni","nlb"]}`, `{"path":[]}`, `{"path":null}`, `{"path":["x"],"extra":1}`, `{`, `[]`,
			"step=kubelet&step=eni", "step=&step=eni", "step=%zz", "other=1", "step=" + strings.Repeat("n", 3000)} {
			f.Add(uint8(i), b, strings.HasPrefix(b, "{") || strings.HasPrefix(b, "["))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, body string, asJSON bool) {
		id := list[int(which)%len(list)].ID
		for _, lang := range []string{"en", "ko"} {
			path, ctype := "/"+lang+"/exercises/"+id, "application/x-www-form-urlencoded"
			if asJSON {
				path, ctype = "/api/v1/exercises/"+id+"/check", "application/json"
			}
			req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
			req.Header.Set("Content-Type", ctype)
			req.Header.Set("Accept-Language", lang)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 || (rec.Code >= 400 && rec.Body.Len() == 0) {
				t.Fatalf("POST %s %q: %d, %d bytes", path, body, rec.Code, rec.Body.Len())
			}
		}
	})
}
