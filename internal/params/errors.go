package params

import (
	"fmt"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Problem says what kind of mistake a parameter has.
type Problem string

// The kinds of problem Decode reports.
const (
	Unknown   Problem = "unknown"   // a name the address does not take
	Repeated  Problem = "repeated"  // given more than once
	Malformed Problem = "malformed" // a broken %-escape in name or value
	Invalid   Problem = "invalid"   // a value outside the accepted set
	Conflict  Problem = "conflict"  // valid alone, impossible together
)

// FieldError is one bad parameter: which, what was wrong, what is
// accepted, and a sentence saying so in each language.
type FieldError struct {
	Name     string        `json:"name"`
	Value    string        `json:"value,omitempty"`
	Problem  Problem       `json:"problem"`
	Accepted string        `json:"accepted,omitempty"`
	Message  topology.Text `json:"message"`
}

// Errors is every problem of one query, in the order of the query.
type Errors []FieldError

func (e Errors) Error() string {
	parts := make([]string, len(e))
	for i, f := range e {
		parts[i] = f.Name + ": " + f.Message.EN
	}
	return "bad query: " + strings.Join(parts, "; ")
}

// Messages, per problem. System error messages use ~해 주세요 (see the
// Korean style guide); names are quoted before a colon or as name=value,
// so no particle has to follow an inserted name.
func unknownParam(name string, accepted []string) FieldError {
	name = Shown(name)
	list := strings.Join(accepted, ", ")
	return FieldError{Name: name, Problem: Unknown, Accepted: list, Message: topology.Text{
		EN: fmt.Sprintf("%q is not a parameter of this address (accepted: %s).", name, list),
		KO: fmt.Sprintf("%q: 이 주소에서 쓰지 않는 매개변수입니다(가능한 매개변수: %s).", name, list),
	}}
}

func repeatedParam(name string, n int) FieldError {
	name = Shown(name)
	return FieldError{Name: name, Problem: Repeated, Message: topology.Text{
		EN: fmt.Sprintf("%s is given %d times; give it once.", name, n),
		KO: fmt.Sprintf("%s 매개변수가 %d번 들어 있습니다. 한 번만 넣어 주세요.", name, n),
	}}
}

func malformedParam(name, raw string) FieldError {
	name, raw = Shown(name), Shown(raw)
	return FieldError{Name: name, Value: raw, Problem: Malformed, Message: topology.Text{
		EN: fmt.Sprintf("%s has a broken %%-escape (%q): a %% must start %%XX with two hex digits, e.g. %%25 for %% itself.", name, raw),
		KO: fmt.Sprintf("%s 값의 %%-이스케이프가 잘못되었습니다(%q). %%는 %%XX처럼 16진수 두 자리와 함께 써 주세요(%% 자체는 %%25).", name, raw),
	}}
}

func invalidValue(name, value, accepted string) FieldError {
	value = Shown(value)
	return FieldError{Name: name, Value: value, Problem: Invalid, Accepted: accepted, Message: topology.Text{
		EN: fmt.Sprintf("%s=%q is not accepted (accepted: %s).", name, value, accepted),
		KO: fmt.Sprintf("%s=%q 값은 쓸 수 없습니다(가능한 값: %s).", name, value, accepted),
	}}
}

// maxShown is how much of a name or value a message quotes: enough to
// recognise it, not so much that a huge one buries the sentence.
const maxShown = 40

// Shown is s as a message quotes it: whole when short, else its first
// maxShown characters and an ellipsis.
func Shown(s string) string {
	n := 0
	for i := range s { // by rune, stopping early: s may be megabytes
		if n == maxShown {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
