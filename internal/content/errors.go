package content

import (
	"fmt"
	"strings"
)

// ValidationError lists every problem found in the content, each naming
// the file it is in. The server prints it and refuses to start.
type ValidationError struct {
	Problems []Problem
}

// Problem is one thing wrong with one file.
type Problem struct {
	File    string // path inside the content FS, e.g. "en/intro.md"
	Message string
}

func (p Problem) String() string { return p.File + ": " + p.Message }

func (e *ValidationError) Error() string {
	if len(e.Problems) == 1 {
		return "content: " + e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "content: %d problems:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// problems collects Problems while loading.
type problems []Problem

func (ps *problems) add(file, format string, args ...any) {
	*ps = append(*ps, Problem{File: file, Message: fmt.Sprintf(format, args...)})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps}
}
