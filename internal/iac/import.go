package iac

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Import reads a paste, detecting its format: the JSON of aws eks
// describe-cluster (JSON or YAML output), AWS CLI commands, an eksctl
// ClusterConfig, a CloudFormation template (JSON or YAML) or Terraform.
// A refused paste gives an *Error.
func Import(paste []byte) (Result, error) {
	if len(paste) > MaxPasteBytes {
		return Result{}, &Error{Code: CodeTooLarge, Value: strconv.Itoa(len(paste)), Want: strconv.Itoa(MaxPasteBytes)}
	}
	if !utf8.Valid(paste) {
		return Result{}, &Error{Code: CodeSyntax, Detail: "the paste is not UTF-8 text"}
	}
	paste = bytes.TrimPrefix(paste, []byte("\uFEFF"))
	if len(bytes.TrimSpace(paste)) == 0 {
		return Result{}, &Error{Code: CodeEmpty}
	}
	switch firstToken(paste) {
	case tokenJSON:
		n, err := parseJSON(paste)
		if err != nil {
			return Result{}, err
		}
		return importTree(n)
	case tokenHCL:
		return importTerraform(paste)
	case tokenShell:
		return importShell(paste)
	}
	n, err := parseYAML(paste)
	if err != nil {
		return Result{}, err
	}
	return importTree(n)
}

type token int

const (
	tokenYAML token = iota
	tokenJSON
	tokenHCL
	tokenShell
)

// hclBlocks are the block types a Terraform file starts with.
var hclBlocks = map[string]bool{
	"resource": true, "data": true, "variable": true, "provider": true, "terraform": true,
	"locals": true, "module": true, "output": true, "import": true, "moved": true, "check": true,
}

// firstToken chooses the parser from the first thing that is not space
// or a # comment (which YAML, HCL and the shell share): { or [ is JSON,
// // or /* or a Terraform block keyword is HCL, the word aws (or export,
// set, NAME=value) starts a shell script, anything else is YAML. Each parser then says precisely what
// is wrong, on which line.
func firstToken(b []byte) token {
	for len(b) > 0 {
		line, rest, _ := bytes.Cut(b, []byte("\n"))
		b = rest
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		switch {
		case t[0] == '{' || t[0] == '[':
			return tokenJSON
		case bytes.HasPrefix(t, []byte("//")) || bytes.HasPrefix(t, []byte("/*")):
			return tokenHCL
		}
		if shellAssignment(t) {
			return tokenShell
		}
		word := t
		if i := bytes.IndexFunc(t, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '_') }); i >= 0 {
			word = t[:i]
			next := t[i]
			if next != ' ' && next != '\t' && next != '"' && next != '{' && next != '\\' {
				return tokenYAML
			}
		}
		switch {
		case hclBlocks[string(word)]:
			return tokenHCL
		case string(word) == "aws" || string(word) == "export" || string(word) == "set":
			return tokenShell
		}
		return tokenYAML
	}
	return tokenYAML
}

// shellAssignment reports whether a line starts NAME=value, as a script
// that sets its variables before the aws commands does.
func shellAssignment(t []byte) bool {
	name, _, ok := bytes.Cut(t, []byte("="))
	if !ok || len(name) == 0 || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	for _, c := range name {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// importTree reads a JSON or YAML document: which format it is follows
// from its keys.
func importTree(root *node) (Result, error) {
	if root.kind != mapNode {
		return Result{}, &Error{Code: CodeUnknownFormat, Line: root.line}
	}
	kind := root.get("kind")
	api := root.get("apiVersion")
	switch {
	case kind != nil && kind.value == "ClusterConfig" && api != nil && strings.HasPrefix(api.value, "eksctl.io/"):
		return importEksctl(root)
	case root.get("Resources") != nil || root.get("AWSTemplateFormatVersion") != nil:
		return importCloudFormation(root)
	case root.get("cluster") != nil || root.get("resourcesVpcConfig") != nil:
		return importDescribe(root)
	}
	return Result{}, &Error{Code: CodeUnknownFormat, Line: root.line}
}
