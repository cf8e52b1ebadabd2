package topology

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vocabulary is one kind of name: its enumerator and parser as strings,
// and the label of each value, so one table covers every kind.
type vocabulary struct {
	field  string
	values []string
	parse  func(string) (string, error)
	label  func(string) Text
}

func vocabOf[T interface {
	~string
	Label() Text
}](field string, all []T, parse func(string) (T, error)) vocabulary {
	v := vocabulary{field: field}
	for _, x := range all {
		v.values = append(v.values, string(x))
	}
	v.parse = func(s string) (string, error) { x, err := parse(s); return string(x), err }
	v.label = func(s string) Text { return T(s).Label() }
	return v
}

func vocabularies() []vocabulary {
	return []vocabulary{
		vocabOf("mode", Modes(), ParseMode),
		vocabOf("flow", Flows(), ParseFlow),
		vocabOf("view", Views(), ParseView),
		vocabOf("client", Locations(), ParseLocation),
		vocabOf("node_subnet", SubnetKinds(), ParseSubnetKind),
		vocabOf("nodes", NodePlacements(), ParseNodePlacement),
		vocabOf("endpoints", Services(), ParseService),
		vocabOf("network", Networks(), ParseNetwork),
	}
}

func TestParseAcceptsEveryEnumeratedValue(t *testing.T) {
	for _, v := range vocabularies() {
		require.NotEmpty(t, v.values, v.field)
		for _, s := range v.values {
			got, err := v.parse(s)
			require.NoError(t, err, "%s %q", v.field, s)
			assert.Equal(t, s, got)
		}
	}
}

func TestParseRefusalNamesFieldAndAcceptedValues(t *testing.T) {
	for _, v := range vocabularies() {
		for _, bad := range []string{"", "nope", "Public", " " + v.values[0]} {
			got, err := v.parse(bad)
			assert.Empty(t, got)
			var fe *FieldError
			require.True(t, errors.As(err, &fe), "%s %q: %v", v.field, bad, err)
			assert.Equal(t, v.field, fe.Field)
			assert.Equal(t, bad, fe.Value)
			assert.Equal(t, v.values, fe.Accepted)
			assert.Contains(t, fe.Error(), v.values[len(v.values)-1])
		}
	}
}

func TestParseMessages(t *testing.T) {
	_, err := ParseMode("hybrid")
	assert.EqualError(t, err, `mode "hybrid" is not an endpoint access mode (accepted: public, public-private, private)`)
	_, err = ParseLocation("moon")
	assert.EqualError(t, err, `client "moon" is not a location (accepted: internet, vpc, connected, connected-dns)`)
}

// Every value has its own label in both languages, so no two modes (or
// two networks) read the same on a page, and none falls back to its ID.
func TestLabelsAreDistinctAndBilingual(t *testing.T) {
	for _, v := range vocabularies() {
		seen := map[string]string{}
		for _, s := range v.values {
			l := v.label(s)
			for lang, text := range map[string]string{"en": l.EN, "ko": l.KO} {
				assert.NotEmpty(t, text, "%s %q in %s", v.field, s, lang)
				if other, dup := seen[lang+text]; dup {
					t.Errorf("%s %q and %q share the %s label %q", v.field, s, other, lang, text)
				}
				seen[lang+text] = s
			}
			assert.NotEqual(t, s, l.EN, "%s %q has a label, not its ID", v.field, s)
		}
	}
}

func TestUnknownNamesLabelThemselves(t *testing.T) {
	assert.Equal(t, Text{EN: "x", KO: "x"}, Mode("x").Label())
	assert.Equal(t, Text{EN: "y", KO: "y"}, Answer("y").Label())
	assert.NotEqual(t, AnswerPublic.Label(), AnswerPrivate.Label())
}
