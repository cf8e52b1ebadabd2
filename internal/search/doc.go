// Package search is the tutor's Korean-aware full-text search: an
// in-memory inverted index over the chapters (by ## section), the
// glossary and the prose kept beside the model (trade-offs, diagram
// notes), built once at start and read-only afterwards.
//
// Korean attaches particles to nouns (엔드포인트를, 노드의), so a word is
// indexed, and looked up, under itself and every stem left by taking one
// common particle off it; two words match when they share one of these
// forms (see forms and Index.Search for the rule). Words split where the
// script changes, so English terms inside Korean text (kubelet이, NAT를)
// are found as the English word, case-insensitively.
//
// The package knows nothing of HTTP: the web layer validates the query
// (MaxQueryRunes) and renders the results.
package search
