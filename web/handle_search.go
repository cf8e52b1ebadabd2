package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/search"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// searcher is what the search page and API need of the index.
type searcher interface {
	Search(lang, q string, limit int) []search.Result
}

var _ searcher = (*search.Index)(nil)

// searchLimit is how many results a search shows: enough for any word of
// the course, few enough to read.
const searchLimit = 50

// The search contract. These schemas live here rather than in
// internal/params, which holds the cluster configuration's contract:
// a search query is free text, checked by checkQuery, not a set of values.
var (
	fieldQuery = params.Field{
		Name:         "q",
		Label:        topology.Text{EN: "Search words", KO: "검색어"},
		Help:         topology.Text{EN: "One or more words, at most 100 characters.", KO: "단어 하나 이상, 100자 이하."},
		AcceptedText: "text of 1 to 100 characters",
	}
	fieldSearchLang = params.Field{
		Name:   "lang",
		Label:  topology.Text{EN: "Language", KO: "언어"},
		Help:   topology.Text{EN: "The language of the course to search; default: the client's Accept-Language.", KO: "검색할 강좌의 언어. 기본값: 클라이언트의 Accept-Language."},
		Values: i18n.List(),
	}
	// SearchPageSchema is the query of /{lang}/search.
	SearchPageSchema = params.Schema{Fields: []params.Field{fieldQuery}}
	// SearchAPISchema is the query of /api/v1/search.
	SearchAPISchema = params.Schema{Fields: []params.Field{fieldSearchLang, fieldQuery}}
)

// searchPage is /{lang}/search?q=...: results as a list of links. An empty
// box (no q, or only spaces) is the page's first visit, not a mistake: it
// answers 200 with a prompt. A query over search.MaxQueryRunes is a 400.
func (s *server) searchPage(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	v, err := SearchPageSchema.Decode(r.URL.RawQuery)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(v[fieldQuery.Name])
	if err := checkQuery(q, false); err != nil {
		return err
	}
	m := view.SearchModel{Page: s.page(r, lang, view.T(lang, "search"), "/"+lang+"/search"), Query: q}
	m.Page.Description = view.T(lang, "searchIntro")
	switch {
	case q == "":
		m.Status = view.T(lang, "searchPrompt")
	case !search.HasTerms(q):
		m.Status = view.Tf(lang, "searchNoWords", q)
	default:
		m.Page.NoIndex = true // result lists are not pages for search engines
		// Each query is its own address: keeping every one would push the
		// chapters out of the bounded response cache. Browsers may keep it.
		w.Header().Set("Cache-Control", "private, no-cache")
		for _, res := range s.search.Search(lang, q, searchLimit) {
			m.Results = append(m.Results, viewResult(res))
		}
		switch len(m.Results) {
		case 0:
			m.Status = view.Tf(lang, "searchNone", q)
		case 1:
			m.Status = view.Tf(lang, "searchOne", q)
		default:
			m.Status = view.Tf(lang, "searchCount", len(m.Results), q)
		}
	}
	return render(w, r.Context(), http.StatusOK, view.Search(m))
}

// searchAPI is GET /api/v1/search?lang=&q=, the same results as JSON for
// results-as-you-type. An empty query is a 400 here: a client sent it.
func (s *server) searchAPI(w http.ResponseWriter, r *http.Request) error {
	v, err := SearchAPISchema.Decode(r.URL.RawQuery)
	if err != nil {
		return err
	}
	lang, ok := v[fieldSearchLang.Name]
	if !ok {
		lang = i18n.Preferred(r.Header.Get("Accept-Language"))
		w.Header().Set("Vary", "Accept-Language")
	}
	q := strings.TrimSpace(v[fieldQuery.Name])
	if err := checkQuery(q, true); err != nil {
		return err
	}
	results := s.search.Search(lang, q, searchLimit)
	if results == nil {
		results = []search.Result{}
	}
	return writeJSON(w, searchAnswer{Lang: lang, Query: q, Results: results})
}

// searchAnswer is the API's JSON body.
type searchAnswer struct {
	Lang    string          `json:"lang"`
	Query   string          `json:"q"`
	Results []search.Result `json:"results"`
}

// checkQuery refuses a query over the length limit, and an empty one
// when required, with a message in both languages.
func checkQuery(q string, required bool) error {
	n := len([]rune(q))
	switch {
	case n > search.MaxQueryRunes:
		return queryError(q, topology.Text{
			EN: fmt.Sprintf("The search is %d characters long; use at most %d.", n, search.MaxQueryRunes),
			KO: fmt.Sprintf("검색어가 %d자입니다. %d자 이하로 줄여 주세요.", n, search.MaxQueryRunes),
		})
	case n == 0 && required:
		return queryError(q, topology.Text{
			EN: "The search is empty; give q one or more words.",
			KO: "검색어가 비어 있습니다. q에 단어를 하나 이상 넣어 주세요.",
		})
	}
	return nil
}

func queryError(q string, msg topology.Text) error {
	if len([]rune(q)) > 40 {
		q = string([]rune(q)[:40]) + "…" // the message names it; the problem page need not echo all of it
	}
	// No Detail: the page's stock sentence leads to the list, as for any
	// other bad parameter.
	return &Error{Status: http.StatusBadRequest, Fields: []params.FieldError{{
		Name: fieldQuery.Name, Value: q, Problem: params.Invalid, Accepted: fieldQuery.AcceptedText, Message: msg,
	}}}
}

func viewResult(r search.Result) view.SearchResult {
	return view.SearchResult{URL: r.URL, Page: r.Page, Title: viewParts(r.Title), Snippet: viewParts(r.Snippet)}
}

func viewParts(ps []search.Part) []view.Marked {
	out := make([]view.Marked, len(ps))
	for i, p := range ps {
		out[i] = view.Marked{Text: p.Text, Mark: p.Mark}
	}
	return out
}
