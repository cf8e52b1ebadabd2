package iac

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// importTerraform reads Terraform with HCL's own parser: the one
// aws_eks_cluster's vpc_config, an aws_vpc's DNS attributes (absent ones
// have the AWS provider's defaults: support on, hostnames off), and each
// aws_vpc_endpoint's service_name. Values are evaluated without
// variables, so a reference where the tutor needs a value is NOT_LITERAL.
func importTerraform(paste []byte) (Result, error) {
	r := newReading(Terraform)
	file, diags := hclsyntax.ParseConfig(paste, "paste.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return Result{}, hclError(diags)
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return Result{}, &Error{Code: CodeSyntax, Format: Terraform}
	}
	t := &tfReader{reading: r, src: paste}
	for name := range sortedAttrs(body.Attributes) {
		r.ignore(name)
	}
	var cluster string
	for _, b := range body.Blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			r.ignore(strings.Join(append([]string{b.Type}, b.Labels...), "."))
			continue
		}
		addr := b.Labels[0] + "." + b.Labels[1]
		var err error
		switch b.Labels[0] {
		case "aws_eks_cluster":
			if cluster != "" {
				return Result{}, &Error{Code: CodeManyClusters, Format: Terraform, Line: b.DefRange().Start.Line, Path: addr, Value: addr, Other: cluster}
			}
			cluster = addr
			err = t.cluster(b.Body, addr)
		case "aws_vpc":
			err = t.vpc(b, addr)
		case "aws_vpc_endpoint":
			err = t.endpoint(b.Body, addr)
		default:
			r.ignore(addr)
		}
		if err != nil {
			return Result{}, err
		}
	}
	if cluster == "" {
		return Result{}, &Error{Code: CodeNoCluster, Format: Terraform, Line: 1, Path: "resource \"aws_eks_cluster\""}
	}
	if len(t.endpoints) > 0 {
		r.vals["endpoints"] = strings.Join(t.endpoints, ",")
		r.at["endpoints"] = t.endpointsAt
	}
	return r.result()
}

// hclError is HCL's first error with its line.
func hclError(diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		e := &Error{Code: CodeSyntax, Format: Terraform, Detail: strings.TrimSpace(d.Summary + ": " + d.Detail)}
		if d.Subject != nil {
			e.Line = d.Subject.Start.Line
		}
		return e
	}
	return &Error{Code: CodeSyntax, Format: Terraform}
}

type tfReader struct {
	*reading
	src         []byte
	endpoints   []string
	endpointsAt where
}

// sortedAttrs yields a body's attributes in name order: HCL keeps them
// in a map, and Ignored must not change from run to run.
func sortedAttrs(attrs hclsyntax.Attributes) func(func(string, *hclsyntax.Attribute) bool) {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	return func(yield func(string, *hclsyntax.Attribute) bool) {
		for _, n := range names {
			if !yield(n, attrs[n]) {
				return
			}
		}
	}
}

func (t *tfReader) cluster(body *hclsyntax.Body, addr string) error {
	for name := range sortedAttrs(body.Attributes) {
		t.ignore(addr + "." + name)
	}
	for _, b := range body.Blocks {
		if b.Type != "vpc_config" {
			t.ignore(addr + "." + b.Type)
			continue
		}
		for name, a := range sortedAttrs(b.Body.Attributes) {
			path := addr + ".vpc_config." + name
			w := where{a.SrcRange.Start.Line, path}
			switch name {
			case "endpoint_public_access", "endpoint_private_access":
				v, err := t.boolExpr(a.Expr, w)
				if err != nil {
					return err
				}
				field := "public"
				if name == "endpoint_private_access" {
					field = "private"
				}
				if err := t.setBool(field, v, w); err != nil {
					return err
				}
			case "public_access_cidrs":
				list, err := t.stringsExpr(a.Expr, w)
				if err != nil {
					return err
				}
				t.cidrs, t.cidrsAt = list, w
			default:
				t.ignore(path)
			}
		}
		for _, nb := range b.Body.Blocks {
			t.ignore(addr + ".vpc_config." + nb.Type)
		}
	}
	return nil
}

func (t *tfReader) vpc(b *hclsyntax.Block, addr string) error {
	support, hostnames := true, false // the AWS provider's defaults
	line := b.DefRange().Start.Line
	supportAt, hostnamesAt := where{line, addr + ".enable_dns_support"}, where{line, addr + ".enable_dns_hostnames"}
	for name, a := range sortedAttrs(b.Body.Attributes) {
		w := where{a.SrcRange.Start.Line, addr + "." + name}
		var err error
		switch name {
		case "enable_dns_support":
			support, err = t.boolExpr(a.Expr, w)
			supportAt = w
		case "enable_dns_hostnames":
			hostnames, err = t.boolExpr(a.Expr, w)
			hostnamesAt = w
		default:
			t.ignore(addr + "." + name)
		}
		if err != nil {
			return err
		}
	}
	if err := t.setBool("dns_support", support, supportAt); err != nil {
		return err
	}
	return t.setBool("dns_hostnames", hostnames, hostnamesAt)
}

// endpoint reads service_name: a literal name, or a template whose
// region is a reference ("com.amazonaws.${var.region}.ecr.api").
func (t *tfReader) endpoint(body *hclsyntax.Body, addr string) error {
	a, ok := body.Attributes["service_name"]
	if !ok {
		t.ignore(addr)
		return nil
	}
	for name := range sortedAttrs(body.Attributes) {
		if name != "service_name" {
			t.ignore(addr + "." + name)
		}
	}
	w := where{a.SrcRange.Start.Line, addr + ".service_name"}
	text, afterRegion := "", false
	if tmpl, isTmpl := a.Expr.(*hclsyntax.TemplateExpr); isTmpl && len(tmpl.Parts) > 1 {
		if lit, isLit := tmpl.Parts[len(tmpl.Parts)-1].(*hclsyntax.LiteralValueExpr); isLit && lit.Val.Type() == cty.String {
			text, afterRegion = lit.Val.AsString(), true
		}
	}
	if text == "" {
		s, err := t.stringExpr(a.Expr, w)
		if err != nil {
			return err
		}
		text = s
	}
	svc, ok := serviceFromName(text, afterRegion)
	if !ok {
		t.ignore(addr)
		return nil
	}
	if len(t.endpoints) == 0 {
		t.endpointsAt = w
	}
	t.endpoints = append(t.endpoints, string(svc))
	return nil
}

// value evaluates an expression with no variables or functions.
func (t *tfReader) value(e hclsyntax.Expression, w where) (cty.Value, error) {
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return cty.NilVal, t.fail(CodeNotLiteral, w, t.source(e), WantLiteral)
	}
	return v, nil
}

// source is an expression as written, for messages.
func (t *tfReader) source(e hclsyntax.Expression) string {
	rg := e.Range()
	if rg.Start.Byte < 0 || rg.End.Byte > len(t.src) || rg.Start.Byte > rg.End.Byte {
		return ""
	}
	return string(t.src[rg.Start.Byte:rg.End.Byte])
}

func (t *tfReader) boolExpr(e hclsyntax.Expression, w where) (bool, error) {
	v, err := t.value(e, w)
	if err != nil {
		return false, err
	}
	if v.IsNull() || v.Type() != cty.Bool {
		return false, t.fail(CodeBadType, w, t.source(e), WantBool)
	}
	return v.True(), nil
}

func (t *tfReader) stringExpr(e hclsyntax.Expression, w where) (string, error) {
	v, err := t.value(e, w)
	if err != nil {
		return "", err
	}
	if v.IsNull() || v.Type() != cty.String {
		return "", t.fail(CodeBadType, w, t.source(e), WantString)
	}
	return v.AsString(), nil
}

func (t *tfReader) stringsExpr(e hclsyntax.Expression, w where) ([]string, error) {
	v, err := t.value(e, w)
	if err != nil {
		return nil, err
	}
	ty := v.Type()
	if v.IsNull() || !(ty.IsTupleType() || ty.IsListType()) {
		return nil, t.fail(CodeBadType, w, t.source(e), WantList)
	}
	out := []string{}
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		if el.IsNull() || el.Type() != cty.String {
			return nil, t.fail(CodeBadType, w, t.source(e), WantList)
		}
		out = append(out, el.AsString())
	}
	return out, nil
}
