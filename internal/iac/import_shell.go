package iac

import (
	"bytes"
	"errors"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// importShell reads AWS CLI commands with a shell parser: aws eks
// update-cluster-config (or create-cluster) --resources-vpc-config, aws
// ec2 modify-vpc-attribute for the DNS settings, and aws ec2
// create-vpc-endpoint --service-name. Other commands are ignored.
func importShell(paste []byte) (Result, error) {
	file, err := syntax.NewParser().Parse(bytes.NewReader(paste), "paste.sh")
	if err != nil {
		e := &Error{Code: CodeSyntax, Format: AWSCLI, Detail: err.Error()}
		var pe syntax.ParseError
		if errors.As(err, &pe) {
			e.Line, e.Detail = int(pe.Pos.Line()), pe.Text
		}
		return Result{}, e
	}
	s := &shellReader{reading: newReading(AWSCLI)}
	var failed error
	syntax.Walk(file, func(n syntax.Node) bool {
		if call, ok := n.(*syntax.CallExpr); ok && failed == nil {
			failed = s.call(call)
		}
		return failed == nil
	})
	if failed != nil {
		return Result{}, failed
	}
	if !s.cluster {
		return Result{}, &Error{Code: CodeNoCluster, Format: AWSCLI, Line: 1, Path: "aws eks update-cluster-config"}
	}
	if len(s.endpoints) > 0 {
		s.vals["endpoints"] = strings.Join(s.endpoints, ",")
		s.at["endpoints"] = s.endpointsAt
	}
	return s.result()
}

type shellReader struct {
	*reading
	cluster     bool
	endpoints   []string
	endpointsAt where
}

// arg is one word of a command: its text when it is literal (plain,
// 'single' or "double" quoted without expansions), and its line.
type arg struct {
	text    string
	literal bool
	line    int
}

func words(call *syntax.CallExpr) []arg {
	out := make([]arg, len(call.Args))
	for i, w := range call.Args {
		t, ok := wordText(w)
		out[i] = arg{t, ok, int(w.Pos().Line())}
	}
	return out
}

// wordText is the word as the shell would pass it, when no expansion is
// involved.
func wordText(w *syntax.Word) (string, bool) {
	var b strings.Builder
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			b.WriteString(unescape(p.Value, false))
		case *syntax.SglQuoted:
			if p.Dollar {
				return "", false
			}
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				lit, ok := q.(*syntax.Lit)
				if !ok {
					return "", false
				}
				b.WriteString(unescape(lit.Value, true))
			}
		default:
			return "", false
		}
	}
	return b.String(), true
}

// unescape removes the shell's backslashes: any character outside
// quotes, only $ ` " \ inside double quotes.
func unescape(s string, quoted bool) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && (!quoted || strings.IndexByte("$`\"\\", s[i+1]) >= 0) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// awsGlobalFlags take no value; other global options before the service
// take one.
var awsGlobalFlags = map[string]bool{"--debug": true, "--no-paginate": true, "--no-verify-ssl": true,
	"--no-sign-request": true, "--no-cli-pager": true, "--no-cli-auto-prompt": true}

func (s *shellReader) call(call *syntax.CallExpr) error {
	args := words(call)
	if len(args) == 0 {
		for _, a := range call.Assigns {
			s.ignore(a.Name.Value + "=")
		}
		return nil
	}
	if !args[0].literal || args[0].text != "aws" {
		if args[0].literal {
			s.ignore(args[0].text)
		}
		return nil
	}
	rest := args[1:]
	for len(rest) > 0 && strings.HasPrefix(rest[0].text, "--") {
		if awsGlobalFlags[rest[0].text] || strings.Contains(rest[0].text, "=") {
			rest = rest[1:]
		} else {
			rest = rest[min(2, len(rest)):]
		}
	}
	if len(rest) < 2 {
		return nil
	}
	command := "aws " + rest[0].text + " " + rest[1].text
	opts := rest[2:]
	switch command {
	case "aws eks update-cluster-config", "aws eks create-cluster":
		s.cluster = true
		return s.eachOption(command, opts, map[string]func(arg, string) error{
			"--resources-vpc-config": s.vpcConfig,
		})
	case "aws ec2 modify-vpc-attribute":
		return s.eachOption(command, opts, map[string]func(arg, string) error{
			"--enable-dns-support":   s.dnsAttribute("dns_support"),
			"--enable-dns-hostnames": s.dnsAttribute("dns_hostnames"),
		})
	case "aws ec2 create-vpc-endpoint":
		return s.eachOption(command, opts, map[string]func(arg, string) error{
			"--service-name": s.serviceName,
		})
	}
	s.ignore(command)
	return nil
}

// eachOption hands each option the command reads to its reader, with
// its value (--name value or --name=value); other options are ignored.
func (s *shellReader) eachOption(command string, opts []arg, readers map[string]func(arg, string) error) error {
	for i := 0; i < len(opts); i++ {
		name, value, inline := strings.Cut(opts[i].text, "=")
		read, ok := readers[name]
		if !strings.HasPrefix(name, "--") {
			continue
		}
		if !ok {
			s.ignore(command + " " + name)
			continue
		}
		v := opts[i]
		v.text = value
		if !inline {
			if i+1 >= len(opts) || strings.HasPrefix(opts[i+1].text, "--") {
				return s.fail(CodeBadType, where{opts[i].line, command + " " + name}, "", WantValue)
			}
			i++
			v = opts[i]
		}
		if !v.literal {
			return s.fail(CodeNotLiteral, where{v.line, command + " " + name}, "", WantLiteral)
		}
		if err := read(v, command+" "+name); err != nil {
			return err
		}
	}
	return nil
}

// vpcConfig reads --resources-vpc-config in JSON or in the CLI's
// shorthand, key=value pairs where a list's items follow its key:
// endpointPublicAccess=true,publicAccessCidrs=203.0.113.5/32,198.51.100.0/24
func (s *shellReader) vpcConfig(v arg, path string) error {
	keys := vpcKeys{"endpointPublicAccess", "endpointPrivateAccess", "publicAccessCidrs"}
	if strings.HasPrefix(strings.TrimSpace(v.text), "{") {
		n, err := parseJSON([]byte(v.text))
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				e.Format, e.Line, e.Path = AWSCLI, v.line, path
			}
			return err
		}
		if n.kind != mapNode {
			return s.fail(CodeBadType, where{v.line, path}, v.text, WantMapping)
		}
		return s.reading.vpcConfig(n, path+" ", keys)
	}
	m := &node{kind: mapNode, line: v.line}
	var cur *node
	for _, tok := range strings.Split(v.text, ",") {
		key, val, isPair := strings.Cut(tok, "=")
		if isPair {
			cur = &node{kind: scalarNode, tag: "string", value: val, line: v.line}
			if strings.HasPrefix(val, "[") || key == keys.cidrs {
				cur = &node{kind: listNode, line: v.line}
				if val = strings.TrimPrefix(val, "["); val != "" {
					cur.items = append(cur.items, shorthandItem(val, v.line))
				}
			}
			m.keys, m.vals = append(m.keys, key), append(m.vals, cur)
			continue
		}
		if cur == nil || cur.kind != listNode {
			e := s.fail(CodeSyntax, where{v.line, path}, tok, WantShorthand).(*Error)
			e.Detail = "the AWS CLI shorthand syntax wants key=value pairs separated by commas"
			return e
		}
		cur.items = append(cur.items, shorthandItem(tok, v.line))
	}
	return s.reading.vpcConfig(m, path+" ", keys)
}

// shorthandItem is one list item, without the closing ] or the quotes a
// single-quoted shell word keeps.
func shorthandItem(s string, line int) *node {
	s = strings.TrimSuffix(s, "]")
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = s[1 : len(s)-1]
	}
	return &node{kind: scalarNode, tag: "string", value: s, line: line}
}

// dnsAttribute reads a modify-vpc-attribute value: {"Value":false} or
// the shorthand Value=false.
func (s *shellReader) dnsAttribute(field string) func(arg, string) error {
	return func(v arg, path string) error {
		w := where{v.line, path}
		var val *node
		if strings.HasPrefix(strings.TrimSpace(v.text), "{") {
			n, err := parseJSON([]byte(v.text))
			if err != nil || n.kind != mapNode {
				return s.fail(CodeBadType, w, v.text, WantVPCAttribute)
			}
			val = n.get("Value")
		} else if rest, ok := strings.CutPrefix(v.text, "Value="); ok {
			val = &node{kind: scalarNode, tag: "string", value: rest, line: v.line}
		}
		if val == nil {
			return s.fail(CodeBadType, w, v.text, WantVPCAttribute)
		}
		b, err := s.boolAt(val, w)
		if err != nil {
			return err
		}
		return s.setBool(field, b, w)
	}
}

func (s *shellReader) serviceName(v arg, path string) error {
	svc, ok := serviceFromName(v.text, false)
	if !ok {
		s.ignore(path + " " + v.text)
		return nil
	}
	if len(s.endpoints) == 0 {
		s.endpointsAt = where{v.line, path}
	}
	s.endpoints = append(s.endpoints, string(svc))
	return nil
}
