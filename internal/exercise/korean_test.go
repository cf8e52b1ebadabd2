package exercise_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// haeyo is 해요체, which the style guide keeps out of prompts and reasons
// (the same pattern internal/vocabtest uses for the rest of the tutor).
var haeyo = regexp.MustCompile(`[가-힣](세요|해요|어요|아요|예요|에요)[.!]?(\s|$|\))`)

// Every Korean prompt and label of the exercises, and the sentences the
// check writes itself (where a flow starts, where it ends), follow the
// Korean style guide.
func TestExerciseKoreanFollowsTheStyleGuide(t *testing.T) {
	for _, ex := range mustLoad(t).All() {
		texts := []string{ex.Prompt.KO, ex.Label.KO}
		texts = append(texts, exercise.Check(ex, []topology.ComponentID{topology.Etcd}).Reason.KO)
		texts = append(texts, exercise.Check(ex, append(answer(t, ex), topology.Etcd)).Reason.KO)
		for _, s := range texts {
			for _, v := range i18n.CheckKorean(s) {
				t.Errorf("%s: %q: write %s instead of %q", ex.ID, s, v.Use, v.Found)
			}
			assert.NotRegexp(t, haeyo, s, ex.ID)
		}
	}
	assert.Regexp(t, haeyo, "다시 시도해 주세요.", "the rule can fail")
}
