package params

import (
	"net/url"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Field is one query parameter of the public contract.
type Field struct {
	Name  string
	Label topology.Text
	Help  topology.Text
	// Default is what an absent parameter means; "" when it depends on
	// other fields (Help says how) or on the page, or when the empty
	// value is the default (an empty list, such as no VPC endpoints).
	Default string
	// Values is the closed set of accepted values; nil when the set is
	// open (Accept or Check then checks a value, AcceptedText describes
	// the set).
	Values []string
	// Aliases map extra spellings to a value of Values (an HTML checkbox
	// sends "on"); Encode never writes an alias.
	Aliases      map[string]string
	Accept       func(string) bool
	AcceptedText string
	// Check, for open sets whose values have parts (lists, addresses),
	// returns the value's canonical spelling, or every problem with it,
	// each a sentence in both languages that says what is accepted.
	Check func(string) (canon string, problems []topology.Text)
	// ReplacedBy names the parameter that replaces this one: a legacy
	// name kept so old links keep their meaning. Decode still reads it;
	// canonical encodings never write it.
	ReplacedBy string
}

// accepted describes the accepted values for messages.
func (f Field) accepted() string {
	if f.Values != nil {
		return strings.Join(f.Values, ", ")
	}
	return f.AcceptedText
}

// normalise maps v to its canonical spelling, reporting false when the
// field does not accept it.
func (f Field) normalise(v string) (string, bool) {
	if a, ok := f.Aliases[v]; ok {
		return a, true
	}
	if f.Values == nil {
		return v, f.Accept == nil || f.Accept(v)
	}
	for _, ok := range f.Values {
		if v == ok {
			return v, true
		}
	}
	return v, false
}

// Schema is the set of parameters one address accepts, in canonical order.
type Schema struct {
	Fields []Field
}

// Values are the decoded parameters a query gave, in canonical spelling;
// absent parameters are absent.
type Values map[string]string

// Field returns the schema's field with that name.
func (s Schema) Field(name string) (Field, bool) {
	for _, f := range s.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Names lists the schema's parameter names in canonical order.
func (s Schema) Names() []string {
	out := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		out[i] = f.Name
	}
	return out
}

// Decode reads a raw query string (r.URL.RawQuery) against the schema and
// returns every problem at once: unknown, repeated and malformed
// parameters and values outside their set. It parses the raw string
// itself, because url.ParseQuery drops a pair with a broken escape and
// keeps the first of repeated ones, which would silently show a default.
func (s Schema) Decode(raw string) (Values, error) {
	vals := Values{}
	var errs Errors
	seen := map[string]int{}
	for pair := range strings.SplitSeq(raw, "&") {
		if pair == "" {
			continue
		}
		rawName, rawValue, _ := strings.Cut(pair, "=")
		name, err := url.QueryUnescape(rawName)
		if err != nil {
			errs = append(errs, malformedParam(rawName, pair))
			continue
		}
		seen[name]++
		if name == "" { // "=x" or "&=&": one unknown, however often
			if seen[name] == 1 {
				errs = append(errs, unknownParam(name, s.Names()))
			}
			continue
		}
		if seen[name] == 2 {
			errs = append(errs, repeatedParam(name, 2))
		}
		if seen[name] > 1 {
			continue
		}
		f, ok := s.Field(name)
		if !ok {
			errs = append(errs, unknownParam(name, s.Names()))
			continue
		}
		value, err := url.QueryUnescape(rawValue)
		if err != nil {
			errs = append(errs, malformedParam(name, rawValue))
			continue
		}
		if f.Check != nil {
			canon, problems := f.Check(value)
			for _, p := range problems {
				errs = append(errs, FieldError{Name: name, Value: value, Problem: Invalid, Accepted: f.accepted(), Message: p})
			}
			if len(problems) == 0 {
				vals[name] = canon
			}
			continue
		}
		canon, ok := f.normalise(value)
		if !ok {
			errs = append(errs, invalidValue(name, value, f.accepted()))
			continue
		}
		vals[name] = canon
	}
	for i := range errs { // a name given three times says so
		if errs[i].Problem == Repeated && seen[errs[i].Name] > 2 {
			errs[i] = repeatedParam(errs[i].Name, seen[errs[i].Name])
		}
	}
	if len(errs) > 0 {
		return vals, errs
	}
	return vals, nil
}

// Encode writes v in canonical form: the schema's order, each present
// parameter once, escaped the way url.Values does except that "," and
// "/" stay as they are (both are allowed in a query), so a list of CIDR
// blocks reads cidrs=203.0.113.0/24,198.51.100.7/32.
func (s Schema) Encode(v Values) string {
	var b strings.Builder
	for _, f := range s.Fields {
		val, ok := v[f.Name]
		if !ok {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(f.Name))
		b.WriteByte('=')
		b.WriteString(queryEscape(val))
	}
	return b.String()
}

// names turns a topology enumerator into accepted values.
func names[T ~string](vs []T) []string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return s
}

// queryEscape is url.QueryEscape keeping "," and "/" readable.
func queryEscape(s string) string {
	return strings.NewReplacer("%2C", ",", "%2F", "/").Replace(url.QueryEscape(s))
}
