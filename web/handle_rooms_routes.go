package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/room"
)

// The rooms' routes, by group; routes.go calls each from its group, so
// the route table stays the one place that lists the groups.

// roomDocuments are the language-neutral GET routes.
func roomDocuments(r chi.Router, s *server) {
	document(r, "/readyz", s.readyz)
	document(r, "/rooms", s.toLang("/rooms"))
	document(r, "/r/{code}", s.roomToLang)
	document(r, "/r/{code}/qr.svg", s.handle(s.roomQR))
	document(r, "/api/v1/rooms/{code}", s.handleAPI(s.apiGetRoom))
}

// roomLangDocuments are the GET routes under /{lang}.
func roomLangDocuments(r chi.Router, s *server) {
	document(r, "/rooms/join", s.handle(s.roomJoinForm))
	document(r, "/r/{code}", s.handle(s.followerPage))
	document(r, "/r/{code}/present", s.handle(s.presenterPage))
}

// roomPosts are the routes that change rooms: the forms group's body
// cap and cross-origin check apply to the API as well as to the forms.
func roomPosts(r chi.Router, s *server) {
	r.Post("/api/v1/rooms", s.handleAPI(s.apiCreateRoom))
	r.Put("/api/v1/rooms/{code}/state", s.handleAPI(s.apiPutState))
	r.Post("/api/v1/rooms/{code}/join", s.handleAPI(s.apiJoin))
	r.Delete("/api/v1/rooms/{code}", s.handleAPI(s.apiEndRoom))
	r.Post("/api/v1/rooms/{code}/polls", s.handleAPI(s.apiOpenPoll))
	r.Post("/api/v1/rooms/{code}/polls/answer", s.handleAPI(s.apiAnswerPoll))
	r.Post("/api/v1/rooms/{code}/polls/reveal", s.handleAPI(s.apiRevealPoll))
	r.Delete("/api/v1/rooms/{code}/polls", s.handleAPI(s.apiClosePoll))
	for _, lang := range i18n.List() {
		r.Post("/"+lang+"/rooms", s.handle(s.newRoomForm))
		r.Post("/"+lang+"/r/{code}/claim", s.handle(s.claimForm))
		r.Post("/"+lang+"/r/{code}/state", s.stateForm)
		r.Post("/"+lang+"/r/{code}/end", s.handle(s.endForm))
		r.Post("/"+lang+"/r/{code}/poll", s.pollForm)
		r.Post("/"+lang+"/r/{code}/poll/answer", s.answerForm)
	}
}

// toLang sends a language-neutral address to the reader's language.
func (s *server) toLang(path string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Vary", "Accept-Language")
		w.Header().Set("Cache-Control", "no-store")
		http.Redirect(w, r, "/"+i18n.Preferred(r.Header.Get("Accept-Language"))+path, http.StatusFound)
	}
}

// roomToLang is the join link, /r/{code}: each follower lands on the
// room in their own language.
func (s *server) roomToLang(w http.ResponseWriter, r *http.Request) {
	code, ok := room.NormaliseCode(chi.URLParam(r, "code"))
	if !ok {
		s.serveError(w, r, roomError(room.ErrNotFound))
		return
	}
	s.toLang("/r/"+code)(w, r)
}
