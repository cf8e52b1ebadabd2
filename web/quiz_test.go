package web

import (
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/content"
	contentlib "github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/static"
	"github.com/ekstutor/ekstutor/web/view"
)

// post sends a same-origin form POST through the route table.
func post(tb testing.TB, path string, form url.Values, header ...string) *http.Response {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	mustApp(tb).ServeHTTP(rec, req)
	return rec.Result()
}

// mustLibrary is the embedded content, loaded as NewApp loads it.
func mustLibrary(tb testing.TB) *contentlib.Library {
	tb.Helper()
	data, err := contentlib.LoadData(content.FS)
	require.NoError(tb, err)
	lib, err := contentlib.Load(content.FS, contentlib.Options{Blocks: blockRenderer{notes: data}, Data: data, Reserved: ReservedSlugs()})
	require.NoError(tb, err)
	return lib
}

// mustQuiz is one chapter's quiz, to build answers from.
func mustQuiz(tb testing.TB, slug string) *contentlib.Quiz {
	tb.Helper()
	z, ok := mustLibrary(tb).Quiz(slug)
	require.True(tb, ok, slug)
	return z
}

// answersOf fills the form with the right answers, or the first wrong
// choice of every question when wrong is set.
func answersOf(z *contentlib.Quiz, wrong bool) url.Values {
	form := url.Values{view.VersionField: {z.Version}}
	for _, q := range z.Questions {
		if !wrong {
			form[q.ID] = q.Answer
			continue
		}
		for _, k := range q.ChoiceKeys() {
			if !contains(q.Answer, k) {
				form[q.ID] = []string{k}
				break
			}
		}
	}
	return form
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestEveryChapterEndsWithAQuizForm(t *testing.T) {
	for _, lang := range i18n.List() {
		var ids []string
		for _, slug := range slugs {
			d := mustDoc(t, get(t, "/"+lang+"/"+slug))
			forms := d.byTestID("quiz")
			require.Len(t, forms, 1, "%s/%s", lang, slug)
			f := forms[0]
			assert.Equal(t, "post", attr(f, "method"))
			assert.Equal(t, "/"+lang+"/"+slug+"/quiz", attr(f, "action"))
			qs := d.byTestID("quiz-question")
			assert.GreaterOrEqual(t, len(qs), 5, "%s/%s", lang, slug)
			for _, q := range qs {
				ids = append(ids, attr(q, "data-question"))
				assert.Empty(t, attr(q, "data-result"), "not graded before an answer")
			}
			assert.Empty(t, d.byTestID("quiz-result"))
			// The quiz comes after the chapter's text, before the pager.
			article := d.byTestID("chapter")[0]
			var order []string
			for c := article.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (attr(c, "data-testid") == "quiz-section" || attr(c, "data-testid") == "pager") {
					order = append(order, attr(c, "data-testid"))
				}
			}
			assert.Equal(t, []string{"quiz-section", "pager"}, order)
		}
		t.Logf("%s: %d questions", lang, len(ids))
		if lang == i18n.EN {
			continue
		}
		// Both languages ask the same questions.
		var en []string
		for _, slug := range slugs {
			for _, q := range mustDoc(t, get(t, "/en/"+slug)).byTestID("quiz-question") {
				en = append(en, attr(q, "data-question"))
			}
		}
		assert.Equal(t, en, ids)
	}
}

func TestQuizIsGradedByTheServer(t *testing.T) {
	z := mustQuiz(t, "endpoint-access")
	for _, tt := range []struct {
		name  string
		wrong bool
		want  string
	}{{"all right", false, "right"}, {"all wrong", true, "wrong"}} {
		t.Run(tt.name, func(t *testing.T) {
			resp := post(t, "/ko/endpoint-access/quiz", answersOf(z, tt.wrong))
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
			assert.Empty(t, resp.Header.Get("ETag"))
			d := mustDoc(t, resp)
			assert.Equal(t, "ko", attr(d.tag("html")[0], "lang"))
			require.Len(t, d.byTestID("quiz-result"), 1)
			res := d.byTestID("quiz-result")[0]
			assert.Equal(t, itoa(len(z.Questions)), attr(res, "data-total"))
			if tt.wrong {
				assert.Equal(t, "0", attr(res, "data-right"))
			} else {
				assert.Equal(t, itoa(len(z.Questions)), attr(res, "data-right"))
			}
			qs := d.byTestID("quiz-question")
			require.Len(t, qs, len(z.Questions))
			for i, q := range qs {
				assert.Equal(t, tt.want, attr(q, "data-result"), z.Questions[i].ID)
			}
			expl := d.byTestID("quiz-explanation")
			require.Len(t, expl, len(z.Questions))
			assert.Equal(t, z.Questions[0].Text("ko").Explain, text(expl[0]))
			// Each explanation links to its section, absolutely: this page is at .../quiz.
			fb := d.byTestID("quiz-feedback")
			assert.Equal(t, "/ko/"+z.Questions[0].See, attr(firstChild(fb[0], "a"), "href"))
			// So do the chapter's own links and the pager.
			assert.Equal(t, "/ko/iam-access", attr(d.byTestID("next")[0], "href"))
			for _, a := range d.tag("a") {
				h := attr(a, "href")
				assert.True(t, h == "" || strings.HasPrefix(h, "/") || strings.HasPrefix(h, "#") || strings.HasPrefix(h, "http"), "link %q would resolve under /quiz", h)
			}
			// The learner's choices stay checked, and the right ones are marked.
			quiz := doc{d.byTestID("quiz")[0]}
			checked := quiz.all(func(n *html.Node) bool { return n.Data == "input" && hasAttr(n, "checked") })
			assert.Len(t, checked, countAnswers(answersOf(z, tt.wrong)))
			assert.NotEmpty(t, d.all(func(n *html.Node) bool { return strings.Contains(attr(n, "class"), "is-right") }))
		})
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func countAnswers(form url.Values) int {
	n := 0
	for k, v := range form {
		if k != view.VersionField {
			n += len(v)
		}
	}
	return n
}

func TestQuizPartialAndMultipleAnswers(t *testing.T) {
	z := mustQuiz(t, "intro")
	var multi *contentlib.Question
	for _, q := range z.Questions {
		if q.Multiple() {
			multi = q
			break
		}
	}
	require.NotNil(t, multi)
	form := url.Values{view.VersionField: {z.Version}, multi.ID: multi.Answer[:1]}
	d := mustDoc(t, post(t, "/en/intro/quiz", form))
	assert.Equal(t, "0", attr(d.byTestID("quiz-result")[0], "data-right"), "half of a multiple answer, and nothing else answered")
	assert.Contains(t, text(d.byTestID("quiz-result")[0]), "0 of "+itoa(len(z.Questions))+" right.")
}

func TestMalformedQuizIsA400ListingEveryField(t *testing.T) {
	z := mustQuiz(t, "control-plane")
	single, multi := z.Questions[0], z.Questions[len(z.Questions)-1]
	require.False(t, single.Multiple())
	require.True(t, multi.Multiple())
	tests := []struct {
		name   string
		lang   string
		form   url.Values
		fields []string
		says   string
	}{
		{"unknown question", "en", url.Values{view.VersionField: {z.Version}, "nope": {"a"}}, []string{"nope"}, "This quiz has no such question"},
		{"unknown answer", "ko", url.Values{view.VersionField: {z.Version}, single.ID: {"z"}}, []string{single.ID}, "이 질문에 없는 선택지입니다"},
		{"missing version", "en", url.Values{single.ID: single.Answer}, []string{view.VersionField}, "lacks the quiz"},
		{"stale version", "ko", url.Values{view.VersionField: {"0123456789ab"}}, []string{view.VersionField}, "확인 문제가 바뀌었습니다"},
		{"two answers to one", "en", url.Values{view.VersionField: {z.Version}, single.ID: {"a", "b"}}, []string{single.ID}, "takes one answer"},
		{"one choice twice", "en", url.Values{view.VersionField: {z.Version}, multi.ID: {"a", "a"}}, []string{multi.ID}, "Sent more than once"},
		{"everything at once", "ko", url.Values{single.ID: {"z"}, "x": {"1"}, "y": {"2"}}, []string{view.VersionField, single.ID, "x", "y"}, "고쳐야 할 항목"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := post(t, "/"+tt.lang+"/control-plane/quiz", tt.form)
			require.Equal(t, http.StatusBadRequest, resp.StatusCode)
			assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
			body, _ := io.ReadAll(resp.Body)
			root, err := html.Parse(strings.NewReader(string(body)))
			require.NoError(t, err)
			d := doc{root}
			assert.Equal(t, tt.lang, attr(d.tag("html")[0], "lang"))
			var got []string
			for _, li := range d.all(func(n *html.Node) bool { return attr(n, "data-field") != "" }) {
				got = append(got, attr(li, "data-field"))
			}
			assert.Equal(t, tt.fields, got)
			assert.Contains(t, string(body), tt.says)
		})
	}
}

func TestQuizRouteRefusals(t *testing.T) {
	z := mustQuiz(t, "intro")
	ok := answersOf(z, false)
	tests := []struct {
		name   string
		resp   func() *http.Response
		status int
	}{
		{"cross-origin", func() *http.Response { return post(t, "/en/intro/quiz", ok, "Sec-Fetch-Site", "cross-site") }, http.StatusForbidden},
		{"no such chapter", func() *http.Response { return post(t, "/en/nope/quiz", ok) }, http.StatusNotFound},
		{"a query", func() *http.Response { return post(t, "/en/intro/quiz?step=2", ok) }, http.StatusBadRequest},
		{"JSON body", func() *http.Response {
			return post(t, "/en/intro/quiz", ok, "Content-Type", "application/json")
		}, http.StatusBadRequest},
		{"broken escape", func() *http.Response {
			req := httptest.NewRequest(http.MethodPost, "/en/intro/quiz", strings.NewReader("quiz-version=%zz"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			mustApp(t).ServeHTTP(rec, req)
			return rec.Result()
		}, http.StatusBadRequest},
		{"too large", func() *http.Response {
			return post(t, "/en/intro/quiz", url.Values{"x": {strings.Repeat("a", maxFormBytes)}})
		}, http.StatusRequestEntityTooLarge},
		{"GET", func() *http.Response { return get(t, "/en/intro/quiz") }, http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.status, tt.resp().StatusCode)
		})
	}
}

func TestProgressPage(t *testing.T) {
	for _, lang := range i18n.List() {
		resp := get(t, "/"+lang+"/progress")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		d := mustDoc(t, resp)
		assert.Equal(t, i18n.T(lang, "progressNoJS"), text(d.byTestID("progress-nojs")[0]))
		assert.True(t, hasAttr(d.byTestID("progress-app")[0], "hidden"), "the JavaScript part waits for JavaScript")
		assert.Len(t, d.byTestID("progress-chapter"), len(slugs))
		var data view.ProgressData
		var script *html.Node
		for _, s := range d.tag("script") {
			if attr(s, "id") == "progress-data" {
				script = s
			}
		}
		require.NotNil(t, script)
		require.NoError(t, json.Unmarshal([]byte(script.FirstChild.Data), &data))
		assert.Equal(t, lang, data.Lang)
		require.Len(t, data.Chapters, len(slugs))
		for _, ch := range data.Chapters {
			assert.GreaterOrEqual(t, len(ch.Questions), 5, ch.Slug)
			for _, q := range ch.Questions {
				assert.NotEmpty(t, q.Answer, q.ID)
				assert.True(t, strings.HasPrefix(q.SeeHref, "/"+lang+"/"), q.SeeHref)
			}
		}
		for k, v := range data.Messages {
			assert.NotContains(t, v, "⟦", k)
		}
		assert.Equal(t, http.StatusBadRequest, get(t, "/"+lang+"/progress?x=1").StatusCode)
	}
	// The course home carries the words, not the quizzes.
	d := mustDoc(t, get(t, "/en/"))
	require.Len(t, d.byTestID("progress-summary"), 1)
	assert.Equal(t, "intro", attr(d.byTestID("chapter-card")[0], "data-slug"))
}

// TestProgressScriptsFindTheirWords: every msg('key') in the progress
// scripts has a word in the page's data, in both languages (a missing one
// would show the bare key).
func TestProgressScriptsFindTheirWords(t *testing.T) {
	src, err := fs.ReadFile(static.FS, "js/progress-page.js")
	require.NoError(t, err)
	used := regexp.MustCompile(`msg\('([a-zA-Z]+)'`).FindAllStringSubmatch(string(src), -1)
	require.NotEmpty(t, used)
	for _, lang := range i18n.List() {
		s := newServer(Deps{Library: mustLibrary(t)})
		d := s.progressData(lang, false)
		for _, m := range used {
			assert.NotEmpty(t, d.Messages[m[1]], "%s: msg(%q)", lang, m[1])
		}
	}
}
