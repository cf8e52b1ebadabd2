// Package content embeds the tutor's chapters (ko/*.md, en/*.md), its
// glossary (glossary.yaml), the chapters' quizzes (quiz/*.yaml) and the
// prose beside the model (data/*.yaml: trade-offs, diagram notes) so the
// binary needs no files beside it.
package content

import "embed"

// FS holds the chapters, the glossary, quiz/ and data/, laid out as internal/content.Load expects.
//
//go:embed ko/*.md en/*.md glossary.yaml quiz/*.yaml data/*.yaml
var FS embed.FS
