package content

import "slices"

// Graded is one question after grading: what the learner chose and
// whether it was exactly the right set of choices.
type Graded struct {
	Question *Question
	Chosen   []string // in the question's choice order
	Correct  bool
}

// Score is a graded quiz.
type Score struct {
	Questions []Graded
	Right     int
}

// Grade checks answers (question ID → chosen keys) against the quiz. A
// question left out counts as wrong; the caller has already refused IDs
// and keys the quiz does not have. A multiple-answer question is right
// only when every right choice and no wrong one is chosen.
func (z *Quiz) Grade(answers map[string][]string) Score {
	var s Score
	for _, q := range z.Questions {
		chosen := answers[q.ID]
		var ordered []string
		for _, k := range q.ChoiceKeys() {
			if slices.Contains(chosen, k) {
				ordered = append(ordered, k)
			}
		}
		ok := len(ordered) == len(q.Answer)
		for _, a := range q.Answer {
			ok = ok && slices.Contains(ordered, a)
		}
		if ok {
			s.Right++
		}
		s.Questions = append(s.Questions, Graded{Question: q, Chosen: ordered, Correct: ok})
	}
	return s
}
