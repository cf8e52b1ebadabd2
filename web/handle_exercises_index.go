package web

import (
	"net/http"

	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/web/view"
)

// exercisesPage is GET /{lang}/exercises: every exercise with its
// prompt, so the header has one place to send a learner to.
func (s *server) exercisesPage(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	if err := noParams(r); err != nil {
		return err
	}
	m := view.ExercisesModel{Page: s.page(r, lang, view.T(lang, "exercisesTitle"), "/"+lang+"/exercises")}
	m.Page.Description = view.T(lang, "exercisesIntro")
	for _, ex := range s.exercises.All() {
		m.Exercises = append(m.Exercises, view.ExerciseEntry{Link: exerciseLink(lang, ex, ""), Prompt: ex.Prompt.In(lang)})
	}
	return render(w, r.Context(), http.StatusOK, view.Exercises(m))
}

// exerciseLink is the link to ex's page as every list of exercises
// words it: the setting, the flow and what the learner finds. current
// is the ID of the exercise on screen, if any.
func exerciseLink(lang string, ex *exercise.Exercise, current string) view.ExerciseLink {
	return view.ExerciseLink{Href: "/" + lang + "/exercises/" + ex.ID, Current: ex.ID == current,
		Label: exerciseSetting(lang, ex) + " · " + ex.Flow.Label().In(lang) + " · " + view.T(lang, "exerciseKind-"+string(ex.Kind))}
}
