package web

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// labChange says what the last change did, from the two results alone:
// which fields differ (named by their params labels), then, flow by
// flow, what the resolver now answers differently — blocked, reachable,
// stopped elsewhere, or carried over another kind of network. No table
// per field: a new field or flow is described by the same rules. ""
// when the configuration did not change.
func labChange(prev, next topology.Result, lang string) string {
	changes := configChanges(prev.Config, next.Config, lang)
	if len(changes) == 0 {
		return ""
	}
	effects := flowEffects(prev, next, lang)
	if len(effects) == 0 {
		effects = []string{view.T(lang, "labEffectNone")}
	}
	return fill(view.T(lang, "labChangeSentence"), map[string]string{
		"Change":  capitalise(joinAnd(lang, changes, "labChangeJoin"), lang),
		"effects": joinEffects(lang, effects),
	})
}

// configChanges names each form field whose value differs, in the
// schema's order.
func configChanges(a, b topology.Config, lang string) []string {
	va, vb := labValues(a), labValues(b)
	var out []string
	for _, f := range labFormFields() {
		if va[f.Name] == vb[f.Name] {
			continue
		}
		name := lowerFirst(f.Label.In(lang), lang)
		switch {
		case isBoolField(f) && vb[f.Name] == "true":
			out = append(out, fill(view.T(lang, "labChangeTurnOn"), map[string]string{"field": name}))
		case isBoolField(f):
			out = append(out, fill(view.T(lang, "labChangeTurnOff"), map[string]string{"field": name}))
		default:
			out = append(out, fill(view.T(lang, "labChangeSet"), map[string]string{"field": name, "value": shownValue(f, vb[f.Name], lang)}))
		}
	}
	return out
}

// shownValue is a field's value as a learner reads it.
func shownValue(f params.Field, v, lang string) string {
	if v == "" {
		return view.T(lang, "labNone")
	}
	if f.Values != nil {
		return valueLabel(f.Name, v).In(lang)
	}
	return strings.ReplaceAll(v, ",", ", ")
}

// pathKind is how far out a reachable flow goes: the lesson of the
// endpoint chapter is which of these a packet crosses.
type pathKind int

const (
	pathPrivate pathKind = iota
	pathConnected
	pathPublic
	pathInternet
)

func kindOf(f topology.Flow) pathKind {
	switch {
	case f.CrossesInternet:
		return pathInternet
	case f.PublicPath:
		return pathPublic
	}
	for _, s := range f.Steps {
		if s.Network == topology.NetConnected {
			return pathConnected
		}
	}
	return pathPrivate
}

var pathKindKeys = map[pathKind]string{
	pathPrivate: "labEffectPrivate", pathConnected: "labEffectLinked",
	pathPublic: "labEffectPublic", pathInternet: "labEffectInternet",
}

// flowEffects compares each flow of next with the same flow of prev.
func flowEffects(prev, next topology.Result, lang string) []string {
	names := componentNames(next.Config, lang)
	var out []string
	for _, nf := range next.Flows {
		pf, ok := prev.Flow(nf.ID)
		if !ok {
			continue
		}
		vars := map[string]string{"flow": nf.ID.Label().In(lang)}
		if nf.Blocked != nil {
			at := names[nf.Blocked.At]
			vars["at"], vars["atRo"] = at, i18n.WithParticle(at, "으로/로")
		}
		key := ""
		switch {
		case pf.Reachable && !nf.Reachable:
			key = "labEffectBlocked"
		case !pf.Reachable && nf.Reachable:
			key = "labEffectReached"
		case !nf.Reachable && pf.Blocked.At != nf.Blocked.At:
			key = "labEffectMovedAt"
		case !nf.Reachable:
		case kindOf(pf) != kindOf(nf):
			key = pathKindKeys[kindOf(nf)]
		case !slices.Equal(hops(pf), hops(nf)):
			key = "labEffectSteps"
		}
		if key != "" {
			out = append(out, fill(view.T(lang, key), vars))
		}
	}
	return out
}

// hops is a flow's route as from→to pairs, to tell a changed route from
// the same one.
func hops(f topology.Flow) []string {
	out := make([]string, len(f.Steps))
	for i, s := range f.Steps {
		out[i] = string(s.From) + ">" + string(s.To) + "@" + string(s.Network)
	}
	return out
}

// joinAnd joins items with commas and the language's last joint
// (labChangeJoin: "{changes} and {last}").
func joinAnd(lang string, items []string, key string) string {
	if len(items) == 1 {
		return items[0]
	}
	return fill(view.T(lang, key), map[string]string{
		"changes": strings.Join(items[:len(items)-1], view.T(lang, "labChangeSep")), "last": items[len(items)-1],
	})
}

// joinEffects joins the effects with the language's separators: a list
// in English, a sentence each in Korean.
func joinEffects(lang string, items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], view.T(lang, "labEffectSep")) + view.T(lang, "labEffectAnd") + items[len(items)-1]
}

// fill replaces {name} placeholders.
func fill(format string, vars map[string]string) string {
	pairs := make([]string, 0, 2*len(vars))
	for k, v := range vars {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(format)
}

// capitalise starts an English sentence; Korean has no capitals, and a
// Korean sentence may start with a name such as kubectl.
func capitalise(s, lang string) string {
	if lang != i18n.EN {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst puts an English label in running text ("Private endpoint
// access" → "private endpoint access"); names that start with an
// acronym (VPC, IP) keep their capitals.
func lowerFirst(s, lang string) string {
	if lang != i18n.EN || len(s) < 2 {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
