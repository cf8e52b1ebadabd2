package search

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Snippet sizes, in runes: a window of the body around the first match.
const (
	snippetBefore = 60
	snippetLen    = 200
)

func (ix *Index) result(s *score) Result {
	d := ix.docs[s.doc]
	var titleMarks, bodyMarks []span
	for ref, f := range s.marks {
		if ref.tok < 0 {
			continue
		}
		if ref.title {
			t := d.title[ref.tok]
			titleMarks = append(titleMarks, span{t.start, markEnd(t, f)})
		} else {
			t := d.body[ref.tok]
			bodyMarks = append(bodyMarks, span{t.start, markEnd(t, f)})
		}
	}
	sortSpans(titleMarks)
	sortSpans(bodyMarks)
	r := Result{Kind: d.Kind, Page: d.Page, URL: d.URL,
		Title: highlight(d.Title, 0, len(d.Title), titleMarks), Snippet: snippet(d.Body, bodyMarks)}
	if d.Title == "" && d.Section != "" {
		r.Title = []Part{{Text: d.Section}}
	}
	return r
}

// span is a marked byte range [start, end).
type span struct{ start, end int }

func sortSpans(s []span) { sort.Slice(s, func(i, j int) bool { return s[i].start < s[j].start }) }

// snippet is a window of body around its first mark, cut at spaces, with
// an ellipsis where it was cut; a body without marks shows its start.
func snippet(body string, marks []span) []Part {
	if body == "" {
		return nil
	}
	anchor := 0
	if len(marks) > 0 {
		anchor = marks[0].start
	}
	from := backRunes(body, anchor, snippetBefore)
	if from > 0 {
		if sp := strings.IndexByte(body[from:anchor], ' '); sp >= 0 {
			from += sp + 1
		}
	}
	to := forwardRunes(body, from, snippetLen)
	if to < len(body) {
		if sp := strings.LastIndexByte(body[anchor:to], ' '); sp > 0 {
			to = anchor + sp
		}
	}
	parts := highlight(body, from, to, marks)
	if from > 0 {
		parts = append([]Part{{Text: "…"}}, parts...)
	}
	if to < len(body) {
		parts = append(parts, Part{Text: "…"})
	}
	return parts
}

// highlight cuts s[from:to] into plain and marked parts.
func highlight(s string, from, to int, marks []span) []Part {
	var out []Part
	at := from
	for _, m := range marks {
		if m.end <= at || m.start >= to {
			continue
		}
		start, end := max(m.start, at), min(m.end, to)
		if start > at {
			out = append(out, Part{Text: s[at:start]})
		}
		out = append(out, Part{Text: s[start:end], Mark: true})
		at = end
	}
	if at < to {
		out = append(out, Part{Text: s[at:to]})
	}
	return out
}

func backRunes(s string, at, n int) int {
	for ; n > 0 && at > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:at])
		at -= size
	}
	return at
}

func forwardRunes(s string, at, n int) int {
	for ; n > 0 && at < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[at:])
		at += size
	}
	return at
}
