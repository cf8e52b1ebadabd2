package iac

import (
	"fmt"

	"github.com/ekstutor/ekstutor/internal/params"
)

// Code names why a paste was refused: stable upper snake case, for
// clients and for the i18n catalog ("iac.error.<CODE>").
type Code string

// The import error codes.
const (
	CodeEmpty         Code = "EMPTY"          // nothing but space
	CodeTooLarge      Code = "TOO_LARGE"      // over MaxPasteBytes
	CodeUnknownFormat Code = "UNKNOWN_FORMAT" // parsed, but none of the four formats
	CodeSyntax        Code = "SYNTAX"         // the format's parser refused it
	CodeNoCluster     Code = "NO_CLUSTER"     // the format, but no EKS cluster in it
	CodeManyClusters  Code = "MANY_CLUSTERS"  // more than one cluster: which one?
	CodeBadType       Code = "BAD_TYPE"       // a value of the wrong kind (a string for a boolean)
	CodeNotLiteral    Code = "NOT_LITERAL"    // a reference or function the tutor cannot evaluate
	CodeConflict      Code = "CONFLICT"       // two places in the paste disagree
	CodeBadValue      Code = "BAD_VALUE"      // a value the lab refuses (Fields say why) or does not know
)

// Codes lists the error codes, for the catalog test and the API document.
func Codes() []Code {
	return []Code{CodeEmpty, CodeTooLarge, CodeUnknownFormat, CodeSyntax, CodeNoCluster, CodeManyClusters,
		CodeBadType, CodeNotLiteral, CodeConflict, CodeBadValue}
}

// The kinds of value a place in the paste wants.
const (
	WantBool         = "bool"          // true or false
	WantString       = "string"        // a string
	WantList         = "list"          // a list (of strings, of node groups)
	WantMapping      = "mapping"       // a mapping / JSON object
	WantLiteral      = "literal"       // a value written out, not a reference
	WantVPCAttribute = "vpc-attribute" // {"Value":true} or {"Value":false}
	WantValue        = "value"         // a value after the option
	WantShorthand    = "shorthand"     // key=value pairs separated by commas
)

// WantKinds lists the kinds, for the catalog test.
func WantKinds() []string {
	return []string{WantBool, WantString, WantList, WantMapping, WantLiteral, WantVPCAttribute, WantValue, WantShorthand}
}

// Error is why Import refused a paste, in data: the web layer words it in
// the request's language from the catalog.
type Error struct {
	Code   Code
	Format Format // the detected format; "" before detection
	Line   int    // 1-based line of the problem, 0 when unknown
	Path   string // where in the paste, in the format's own spelling
	Value  string // the offending value, as written
	// Want says what would have been accepted: one of the Want kinds
	// above (worded by the catalog, "iac.want.<kind>"), or the format's
	// own accepted values ("Disable, Single, HighlyAvailable"); for
	// TOO_LARGE the limit in bytes; for CONFLICT the value Other gave.
	Want string
	// Other is the other place: for CONFLICT the path that said
	// otherwise, for MANY_CLUSTERS the first cluster.
	Other     string
	OtherLine int // the line of Other, 0 when unknown
	// Detail is the parser's own message for SYNTAX (English, from the
	// library); shown quoted, never as the sentence itself.
	Detail string
	// Fields are the lab's own problems with the values, for BAD_VALUE
	// from internal/params, already in both languages.
	Fields params.Errors
}

func (e *Error) Error() string {
	s := "iac: " + string(e.Code)
	if e.Format != "" {
		s += " (" + string(e.Format) + ")"
	}
	if e.Line > 0 {
		s += fmt.Sprintf(" line %d", e.Line)
	}
	if e.Path != "" {
		s += " at " + e.Path
	}
	if e.Value != "" {
		s += fmt.Sprintf(": %q", e.Value)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if len(e.Fields) > 0 {
		s += ": " + e.Fields.Error()
	}
	return s
}
