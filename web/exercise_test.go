package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/internal/topology"
)

func mustExercises(tb testing.TB) *exercise.Set {
	tb.Helper()
	s, err := exercise.Load(content.FS)
	require.NoError(tb, err)
	return s
}

// postJSON sends a same-origin JSON POST through the route table.
func postJSON(tb testing.TB, path, body string, header ...string) *http.Response {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	mustApp(tb).ServeHTTP(rec, req)
	return rec.Result()
}

// resolverPath is the answer as the resolver's JSON gives it: the hop
// steps' components (a stop exercise: where the flow is blocked).
func resolverPath(tb testing.TB, ex *exercise.Exercise) []string {
	tb.Helper()
	res, err := topology.Resolve(ex.Config)
	require.NoError(tb, err)
	f, _ := res.Flow(ex.Flow)
	if ex.Kind == exercise.KindStop {
		return []string{string(f.Blocked.At)}
	}
	var out []string
	for _, st := range f.Steps {
		if st.Kind == topology.StepHop {
			if out == nil {
				out = append(out, string(st.From))
			}
			out = append(out, string(st.To))
		}
	}
	return out
}

type checkAnswer struct {
	Correct bool   `json:"correct"`
	WrongAt *int   `json:"wrong_at"`
	Reason  string `json:"reason"`
}

func mustCheck(tb testing.TB, id string, path []string, header ...string) checkAnswer {
	tb.Helper()
	b, _ := json.Marshal(map[string][]string{"path": path})
	resp := postJSON(tb, "/api/v1/exercises/"+id+"/check", string(b), header...)
	require.Equal(tb, http.StatusOK, resp.StatusCode)
	assert.Equal(tb, "application/json", resp.Header.Get("Content-Type"))
	var a checkAnswer
	require.NoError(tb, json.NewDecoder(resp.Body).Decode(&a))
	return a
}

func TestExercisesAPIListsEveryExercise(t *testing.T) {
	resp := get(t, "/api/v1/exercises")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var list []map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&list))
	set := mustExercises(t)
	require.Len(t, list, len(set.All()))
	for i, ex := range set.All() {
		j := list[i]
		assert.Equal(t, ex.ID, j["id"])
		assert.Equal(t, string(ex.Flow), j["flow"])
		assert.Equal(t, string(ex.Kind), j["kind"])
		assert.Equal(t, map[string]any{"en": ex.Prompt.EN, "ko": ex.Prompt.KO}, j["prompt"])
		if ex.Mode != "" {
			assert.Equal(t, string(ex.Mode), j["mode"])
			assert.NotContains(t, j, "lab")
		} else {
			assert.Equal(t, ex.Lab, j["lab"])
			assert.NotContains(t, j, "mode")
		}
	}
	assert.Equal(t, "locked-out-nodes", list[7]["preset"])
	assert.Equal(t, "cidrs=203.0.113.10/32", list[7]["lab"])
}

// TestExerciseAPISolvesEveryExercise answers every exercise over HTTP with
// the resolver's own path, then with that path broken at its last step.
func TestExerciseAPISolvesEveryExercise(t *testing.T) {
	for _, ex := range mustExercises(t).All() {
		t.Run(ex.ID, func(t *testing.T) {
			path := resolverPath(t, ex)
			a := mustCheck(t, ex.ID, path)
			assert.True(t, a.Correct, "%+v", a)
			assert.Nil(t, a.WrongAt)

			bad := append([]string(nil), path...)
			bad[len(bad)-1] = string(topology.Etcd)
			a = mustCheck(t, ex.ID, bad)
			assert.False(t, a.Correct)
			require.NotNil(t, a.WrongAt)
			assert.Equal(t, len(bad)-1, *a.WrongAt)
			assert.NotEmpty(t, a.Reason)
		})
	}
}

func TestExerciseAPIReasonIsInTheRequestsLanguage(t *testing.T) {
	wrong := []string{"kubelet", "nat-gateway"}
	en := mustCheck(t, "public-private-kubelet", wrong, "Accept-Language", "en")
	ko := mustCheck(t, "public-private-kubelet", wrong, "Accept-Language", "ko")
	q := postJSON(t, "/api/v1/exercises/public-private-kubelet/check?lang=ko", `{"path":["kubelet","nat-gateway"]}`, "Accept-Language", "en")
	var viaQuery checkAnswer
	require.NoError(t, json.NewDecoder(q.Body).Decode(&viaQuery))
	require.NotNil(t, en.WrongAt)
	assert.Equal(t, 1, *en.WrongAt)
	assert.Contains(t, en.Reason, "ENI")
	assert.Contains(t, ko.Reason, "ENI")
	assert.NotEqual(t, en.Reason, ko.Reason)
	assert.Equal(t, ko.Reason, viaQuery.Reason)
}

func TestExerciseAPIRefusesBadAnswers(t *testing.T) {
	tests := []struct {
		name, id, body, lang string
		status               int
		detail               string
		params               []string
	}{
		{"malformed JSON", "public-kubelet", `{"path": [`, "en", 400, `(malformed JSON). Send {"path": ["kubelet", ...]}`, nil},
		{"no path", "public-kubelet", `{}`, "en", 400, "The answer is not the JSON this address takes (no path)", nil},
		{"an unknown key", "public-kubelet", `{"path": [], "answer": 1}`, "ko", 400, `답이 이 주소가 받는 JSON이 아닙니다(unknown field "answer")`, nil},
		{"trailing data", "public-kubelet", `{"path": []} {}`, "en", 400, "(more than one JSON value)", nil},
		{"unknown exercise", "nope", `{"path": []}`, "en", 404, `There is no exercise "nope" (exercises: public-private-kubelet,`, nil},
		{"unknown exercise in Korean", "nope", `{"path": []}`, "ko", 404, `"nope": 이런 연습은 없습니다`, nil},
		{"unknown components", "public-kubelet", `{"path": ["kubelet", "router", "api-server", "pod"]}`, "en", 400,
			"The path names components this exercise does not have. Fields to fix: path[1], path[3].", []string{"path[1]", "path[3]"}},
		{"unknown component in Korean", "public-kubelet", `{"path": ["router"]}`, "ko", 400, "경로에 이 연습에 없는 구성 요소가 있습니다", []string{"path[0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := postJSON(t, "/api/v1/exercises/"+tt.id+"/check", tt.body, "Accept-Language", tt.lang)
			require.Equal(t, tt.status, resp.StatusCode)
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var p problemDetails
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&p))
			assert.Contains(t, p.Detail, tt.detail)
			var names []string
			for _, ip := range p.InvalidParams {
				names = append(names, ip.Name)
				assert.NotEmpty(t, ip.Reason)
			}
			assert.Equal(t, tt.params, names)
		})
	}
}

func TestExerciseAPICheckIsAPost(t *testing.T) {
	resp := get(t, "/api/v1/exercises/public-kubelet/check")
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	req := httptest.NewRequest(http.MethodPost, "/api/v1/exercises/public-kubelet/check", strings.NewReader(`{"path":[]}`))
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	rec := httptest.NewRecorder()
	mustApp(t).ServeHTTP(rec, req)
	assert.Equal(t, http.StatusForbidden, rec.Code)
}

// The endpoint chapter and the compare page carry an exercise box with
// the diagram, the prompt and the no-JavaScript form.
func TestExerciseBoxOnPages(t *testing.T) {
	set := mustExercises(t)
	for _, tt := range []struct{ path, id string }{
		{"/en/endpoint-access", set.All()[0].ID},
		{"/ko/endpoint-access", set.All()[0].ID},
		{"/en/compare", set.All()[1].ID},
		{"/ko/exercises/locked-out-nodes-stop", "locked-out-nodes-stop"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			resp := get(t, tt.path)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			d := mustDoc(t, resp)
			boxes := d.byTestID("exercise")
			require.Len(t, boxes, 1)
			box := doc{boxes[0]}
			assert.Equal(t, tt.id, attr(boxes[0], "data-exercise"))
			ex, _ := set.Get(tt.id)
			assert.Equal(t, ex.Prompt.In(tt.path[1:3]), text(box.byTestID("exercise-prompt")[0]))
			svg := box.tag("svg")
			require.Len(t, svg, 1)
			assert.Empty(t, attr(svg[0], "data-flow"), "the diagram must not draw the answer")
			assert.NotEmpty(t, box.all(func(n *html.Node) bool { return attr(n, "data-comp") == string(ex.Source()) }))
			form := box.byTestID("exercise-form")
			require.Len(t, form, 1)
			assert.Equal(t, "post", attr(form[0], "method"))
			assert.Equal(t, tt.path[:3]+"/exercises/"+tt.id+"#exercise", attr(form[0], "action"))
			selects := box.byTestID("exercise-select")
			if ex.Kind == exercise.KindStop {
				assert.Len(t, selects, 1)
			} else {
				assert.Greater(t, len(selects), ex.Picks())
			}
			assert.Len(t, (doc{selects[0]}).tag("option"), len(ex.Components())+1)
		})
	}
}

// The form without JavaScript: the page again, with the verdict.
func TestExerciseFormAnswer(t *testing.T) {
	right := post(t, "/en/exercises/public-private-kubelet", url.Values{"step": {"kubelet", "eks-eni", "api-server", "", ""}})
	require.Equal(t, http.StatusOK, right.StatusCode)
	assert.Equal(t, "no-store", right.Header.Get("Cache-Control"))
	d := mustDoc(t, right)
	box := d.byTestID("exercise")[0]
	assert.Equal(t, "true", attr(box, "data-solved"))
	res := d.byTestID("exercise-result")[0]
	assert.Contains(t, text(res), "Right: this is the path the packet takes.")
	assert.Len(t, (doc{res}).all(func(n *html.Node) bool { return attr(n, "data-state") == "right" }), 3)
	// The picks stay selected.
	sel := d.byTestID("exercise-select")[1]
	for _, o := range (doc{sel}).tag("option") {
		if attr(o, "value") == "eks-eni" {
			assert.True(t, hasAttr(o, "selected"))
		}
	}

	wrong := post(t, "/ko/exercises/public-private-kubelet", url.Values{"step": {"kubelet", "nat-gateway", "igw"}})
	require.Equal(t, http.StatusOK, wrong.StatusCode)
	d = mustDoc(t, wrong)
	res = d.byTestID("exercise-result")[0]
	assert.Contains(t, text(res), "2단계가 틀렸습니다.")
	ex, _ := mustExercises(t).Get("public-private-kubelet")
	want := exercise.Check(ex, []topology.ComponentID{"kubelet", "nat-gateway"})
	assert.Equal(t, want.Reason.KO, text(d.byTestID("exercise-reason")[0]))
	assert.Len(t, (doc{res}).all(func(n *html.Node) bool { return attr(n, "data-state") == "wrong" }), 1)

	missing := post(t, "/en/exercises/locked-out-nodes-stop", url.Values{"step": {""}})
	d = mustDoc(t, missing)
	assert.Contains(t, text(d.byTestID("exercise-result")[0]), "Step 1 is missing.")
}

func TestExerciseFormRefusesBadForms(t *testing.T) {
	tests := []struct {
		name, path string
		form       url.Values
		status     int
		want       string
	}{
		{"a gap", "/en/exercises/public-kubelet", url.Values{"step": {"kubelet", "", "igw"}}, 400, "Step 2 is empty but a later step is chosen"},
		{"an unknown field", "/en/exercises/public-kubelet", url.Values{"step": {"kubelet"}, "answer": {"x"}}, 400, "This form has no such field"},
		{"an unknown component", "/ko/exercises/public-kubelet", url.Values{"step": {"router"}}, 400, "이 다이어그램에 없는 구성 요소입니다"},
		{"an unknown exercise", "/en/exercises/nope", url.Values{"step": {"kubelet"}}, 404, `There is no exercise &#34;nope&#34;`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := post(t, tt.path, tt.form)
			require.Equal(t, tt.status, resp.StatusCode)
			b, _ := io.ReadAll(resp.Body)
			assert.Contains(t, string(b), tt.want)
			assert.Contains(t, resp.Header.Get("Content-Type"), "text/html")
		})
	}
}
