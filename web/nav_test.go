package web

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// navWant is the header's list as a reader must see it: every section of
// the product, in this order, in the page's language. Written out here
// (not read from the catalog) so a label in the wrong language or a
// section dropped from web/nav.go fails.
var navWant = []struct{ id, slug, en, ko string }{
	{"course", "", "Course", "강좌 목차"},
	{"lab", "lab", "Lab", "실습"},
	{"compare", "compare", "Compare the modes", "모드 비교"},
	{"exercises", "exercises", "Exercises", "연습 문제"},
	{"glossary", "glossary", "Glossary", "용어집"},
	{"progress", "progress", "Progress", "진도"},
	{"rooms", "rooms", "Rooms", "방"},
}

// navPage is a page type and the section its header must mark: current
// is aria-current's value ("page" on the section's own page, "true"
// inside it), section "" for a page that belongs to none.
type navPage struct {
	path    string // after /{lang}
	status  int
	section string
	current string
}

var navPages = []navPage{
	{"/", 200, "course", "page"},
	{"/control-plane", 200, "course", "true"},
	{"/endpoint-access?mode=private&flow=kubectl-to-apiserver&step=2", 200, "course", "true"},
	{"/lab", 200, "lab", "page"},
	{"/lab?cidrs=203.0.113.10/32", 200, "lab", "page"},
	{"/lab?cidrs=2001:db8::/32", 400, "lab", "page"},
	{"/compare", 200, "compare", "page"},
	{"/exercises", 200, "exercises", "page"},
	{"/exercises/public-kubelet", 200, "exercises", "true"},
	{"/glossary", 200, "glossary", "page"},
	{"/progress", 200, "progress", "page"},
	{"/rooms", 200, "rooms", "page"},
	{"/search?q=nat", 200, "", ""},
	{"/no-such-chapter", 404, "", ""},
	{"/glossary?x=1", 400, "", ""},
}

// checkNav checks the header's list on one page: every section linked in
// lang, in order, and only want's section marked.
func checkNav(t *testing.T, d doc, lang, section, current, where string) {
	t.Helper()
	navs := d.byTestID("site-nav")
	require.Len(t, navs, 1, where)
	assert.Equal(t, "nav", navs[0].Data, where)
	assert.NotEmpty(t, attr(navs[0], "aria-label"), "the nav is named: %s", where)
	links := doc{navs[0]}.tag("a")
	require.Len(t, links, len(navWant), where)
	for i, w := range navWant {
		a := links[i]
		assert.Equal(t, "nav-"+w.id, attr(a, "data-testid"), where)
		assert.Equal(t, "/"+lang+"/"+w.slug, attr(a, "href"), "%s: %s", where, w.id)
		label := w.en
		if lang == "ko" {
			label = w.ko
		}
		assert.Equal(t, label, text(a), "%s: %s", where, w.id)
		cur, has := attrOK(a, "aria-current")
		if w.id == section {
			assert.Equal(t, current, cur, "%s marks %s", where, w.id)
		} else {
			assert.False(t, has, "%s must not mark %s (aria-current=%q)", where, w.id, cur)
		}
	}
}

// TestNavHeaderLinksEverySectionOnEveryPageType: whatever page a learner
// is on, the header reaches the lab, rooms, exercises and the rest in the
// page's language, and says which section the page is in.
func TestNavHeaderLinksEverySectionOnEveryPageType(t *testing.T) {
	for _, lang := range i18n.List() {
		for _, pg := range navPages {
			where := lang + pg.path
			resp := get(t, "/"+lang+pg.path)
			require.Equal(t, pg.status, resp.StatusCode, where)
			checkNav(t, mustDoc(t, resp), lang, pg.section, pg.current, where)
		}
	}
}

// TestNavHeaderLinksAnswer: every section the header names is a page.
func TestNavHeaderLinksAnswer(t *testing.T) {
	for _, lang := range i18n.List() {
		for _, w := range navWant {
			path := "/" + lang + "/" + w.slug
			assert.Equal(t, http.StatusOK, get(t, path).StatusCode, path)
		}
	}
}

// TestNavHeaderOnRoomPages: a room's follower page and the presenter's
// console belong to Rooms, though they live at /{lang}/r/{code}.
func TestNavHeaderOnRoomPages(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	for _, lang := range i18n.List() {
		code, cookie := openRoomByForm(t, srv.URL, lang)
		for _, path := range []string{"/" + lang + "/r/" + code, "/" + lang + "/r/" + code + "/present"} {
			resp, body := call(t, http.MethodGet, srv.URL+path, "", "Cookie", cookie.Name+"="+cookie.Value)
			require.Equal(t, http.StatusOK, resp.StatusCode, path)
			checkNav(t, parse(t, body), lang, "rooms", "true", path)
		}
	}
}

// TestNavHeaderNotInPresenterMode: the projector shows the diagram and
// nothing else, so no header and no navigation.
func TestNavHeaderNotInPresenterMode(t *testing.T) {
	for _, lang := range i18n.List() {
		for _, path := range []string{"/control-plane?present=1&view=control-plane", "/endpoint-access?present=1&step=2", "/compare?present=1"} {
			resp := get(t, "/"+lang+path)
			require.Equal(t, http.StatusOK, resp.StatusCode, path)
			d := mustDoc(t, resp)
			require.Len(t, d.byTestID("presenter"), 1, path)
			assert.Empty(t, d.byTestID("site-nav"), path)
			assert.Empty(t, d.byTestID("site-header"), path)
			for _, w := range navWant {
				assert.Empty(t, d.byTestID("nav-"+w.id), path)
			}
		}
	}
}

// TestNavExercisesIndexListsEveryExercise: the page the header's
// "Exercises" opens links to each exercise with its prompt.
func TestNavExercisesIndexListsEveryExercise(t *testing.T) {
	for _, lang := range i18n.List() {
		d := mustDoc(t, get(t, "/"+lang+"/exercises"))
		entries := d.byTestID("exercise-entry")
		require.NotEmpty(t, entries, lang)
		seen := map[string]bool{}
		for _, e := range entries {
			a := firstChild(e, "a")
			require.NotNil(t, a, lang)
			href := attr(a, "href")
			assert.False(t, seen[href], "listed twice: %s", href)
			seen[href] = true
			assert.Equal(t, http.StatusOK, get(t, href).StatusCode, href)
			assert.NotEmpty(t, text(firstChild(e, "p")), href)
		}
		// The index holds exactly the exercises the API lists.
		api := get(t, "/api/v1/exercises")
		require.Equal(t, http.StatusOK, api.StatusCode)
		var list []map[string]any
		require.NoError(t, json.NewDecoder(api.Body).Decode(&list))
		assert.Len(t, entries, len(list), lang)
	}
}
