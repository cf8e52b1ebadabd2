// Package content embeds the tutor's chapters (ko/*.md, en/*.md) and its
// glossary (glossary.yaml) so the binary needs no files beside it.
package content

import "embed"

// FS holds the chapters and the glossary, laid out as internal/content.Load expects.
//
//go:embed ko/*.md en/*.md glossary.yaml
var FS embed.FS
