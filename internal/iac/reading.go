package iac

import (
	"errors"
	"strings"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Result is what Import read from a paste.
type Result struct {
	Format Format // detected
	Config topology.Config
	// Read lists the lab's fields (internal/params names) the paste set.
	Read []string
	// Assumed lists the fields the paste did not say, whose EKS default
	// the configuration has.
	Assumed []string
	// Ignored lists the paths in the paste that the tutor does not
	// model, in the format's own spelling ("cluster.version",
	// "Resources.NodeGroup", "aws_iam_role.cluster").
	Ignored []string
}

// where is a place in the paste.
type where struct {
	line int
	path string
}

// reading collects what a reader found: the lab's fields as query
// values, where each came from, and what was ignored.
type reading struct {
	format  Format
	vals    params.Values
	at      map[string]where
	ignored []string
	seen    map[string]bool
	// cidrs wait for the endpoint flags: they count only with public
	// access on (see the package doc).
	cidrs   []string
	cidrsAt where
}

func newReading(f Format) *reading {
	return &reading{format: f, vals: params.Values{}, at: map[string]where{}, seen: map[string]bool{}}
}

// set records a field; a second, different answer for it is a conflict.
func (r *reading) set(name, value string, w where) error {
	if old, ok := r.vals[name]; ok && old != value {
		return &Error{Code: CodeConflict, Format: r.format, Line: w.line, Path: w.path, Value: value,
			Want: old, Other: r.at[name].path, OtherLine: r.at[name].line}
	}
	r.vals[name] = value
	r.at[name] = w
	return nil
}

func (r *reading) setBool(name string, v bool, w where) error { return r.set(name, boolWord(v), w) }

// ignore records a path the tutor does not model, once.
func (r *reading) ignore(path string) {
	if !r.seen[path] {
		r.seen[path] = true
		r.ignored = append(r.ignored, path)
	}
}

// fail is an error at a place of the paste.
func (r *reading) fail(code Code, w where, value, want string) error {
	return &Error{Code: code, Format: r.format, Line: w.line, Path: w.path, Value: value, Want: want}
}

// result validates what was read through internal/params, the lab's own
// decoder, and says what was read, assumed and ignored.
func (r *reading) result() (Result, error) {
	if r.cidrs != nil {
		if r.vals["public"] == "false" {
			r.ignore(r.cidrsAt.path)
		} else if err := r.set("cidrs", strings.Join(r.cidrs, ","), r.cidrsAt); err != nil {
			return Result{}, err
		}
	}
	c, err := params.DecodeConfig(params.ConfigSchema.Encode(r.vals))
	var perrs params.Errors
	if errors.As(err, &perrs) {
		first := r.at[perrs[0].Name]
		return Result{}, &Error{Code: CodeBadValue, Format: r.format, Line: first.line, Path: first.path,
			Value: perrs[0].Value, Fields: perrs}
	}
	if err != nil {
		return Result{}, err
	}
	res := Result{Format: r.format, Config: c, Ignored: r.ignored}
	for _, n := range configFields() {
		if _, ok := r.vals[n]; ok {
			res.Read = append(res.Read, n)
		} else {
			res.Assumed = append(res.Assumed, n)
		}
	}
	if res.Ignored == nil {
		res.Ignored = []string{}
	}
	if res.Read == nil {
		res.Read = []string{}
	}
	if res.Assumed == nil {
		res.Assumed = []string{}
	}
	return res, nil
}

// serviceFromName reads the lab's service from an endpoint service name
// (com.amazonaws.us-west-2.ecr.api), or from the part after the region
// when the region is a reference (".ecr.api" after ${AWS::Region}).
func serviceFromName(name string, afterRegion bool) (topology.Service, bool) {
	rest := strings.TrimPrefix(name, ".")
	if !afterRegion {
		var ok bool
		rest, ok = strings.CutPrefix(name, "com.amazonaws.")
		if !ok {
			return "", false
		}
		_, rest, ok = strings.Cut(rest, ".")
		if !ok {
			return "", false
		}
	}
	s, err := topology.ParseService(rest)
	return s, err == nil
}
