package web

import (
	"slices"
	"strings"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// labField is one field of the lab form. Its kind follows the field's
// values: true/false is a pair of radios (a checkbox sends nothing when
// off, which would read as the default), a closed set is a select, the
// endpoints list is one checkbox per service, the rest is text. A value
// outside the choices stays selected as given, so the learner sees it
// beside its error.
func labField(f params.Field, value string, errs []string, lang string) view.LabField {
	lf := view.LabField{
		Name: f.Name, ID: "lab-" + strings.ReplaceAll(f.Name, "_", "-"), Kind: "text",
		Label: f.Label.In(lang), Help: f.Help.In(lang), Value: value, Errors: errs,
	}
	if a, ok := f.Aliases[value]; ok {
		value = a
	}
	switch {
	case isBoolField(f):
		lf.Kind = "bool"
		lf.Options = []view.Option{
			{Value: "true", Label: view.T(lang, "labOn"), Selected: value == "true"},
			{Value: "false", Label: view.T(lang, "labOff"), Selected: value == "false"},
		}
	case f.Values != nil:
		lf.Kind = "select"
		for _, v := range f.Values {
			lf.Options = append(lf.Options, view.Option{Value: v, Label: valueLabel(f.Name, v).In(lang), Selected: v == value})
		}
		if value != "" && !slices.Contains(f.Values, value) {
			lf.Options = append(lf.Options, view.Option{Value: value, Label: value, Selected: true})
		}
	case f.Name == "endpoints":
		lf.Kind = "multi"
		ticked := splitList(value)
		for _, s := range topology.Services() {
			lf.Options = append(lf.Options, view.Option{Value: string(s), Label: s.Label().In(lang), Selected: slices.Contains(ticked, string(s))})
		}
		for _, t := range ticked {
			if _, err := topology.ParseService(t); err != nil {
				lf.Options = append(lf.Options, view.Option{Value: t, Label: t, Selected: true})
			}
		}
	}
	return lf
}

func isBoolField(f params.Field) bool {
	return len(f.Values) == 2 && f.Values[0] == "true" && f.Values[1] == "false"
}

// valueLabel names a value of a closed-set field with the model's label.
func valueLabel(field, v string) topology.Text {
	switch field {
	case "client":
		return topology.Location(v).Label()
	case "nodes":
		return topology.NodePlacement(v).Label()
	}
	return topology.Text{EN: v, KO: v}
}
