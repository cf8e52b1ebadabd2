package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// frontMatter is the header of a chapter file. Its keys are a closed set:
// a typo must fail loudly rather than silently drop a field.
type frontMatter struct {
	Title   string `yaml:"title"`
	Slug    string `yaml:"slug"`
	Order   int    `yaml:"order"`
	Summary string `yaml:"summary"`
	Minutes int    `yaml:"minutes"` // optional override of the computed reading time
}

var frontMatterKeys = []string{"title", "slug", "order", "summary", "minutes"}

var fence = []byte("---")

// splitFrontMatter separates the YAML header from the Markdown body. The
// header sits between a first line "---" and the next line "---".
func splitFrontMatter(src []byte) (header, body []byte, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if !bytes.Equal(bytes.TrimRight(first, " \t"), fence) {
		return nil, nil, errors.New("missing front matter: the file must start with a line \"---\"")
	}
	for off := 0; off <= len(rest); {
		line, _, _ := bytes.Cut(rest[off:], []byte("\n"))
		if bytes.Equal(bytes.TrimRight(line, " \t"), fence) {
			end := min(off+len(line)+1, len(rest))
			return rest[:off], rest[end:], nil
		}
		if off+len(line) >= len(rest) {
			break
		}
		off += len(line) + 1
	}
	return nil, nil, errors.New("unterminated front matter: no closing line \"---\"")
}

// parseFrontMatter decodes and checks a header: well-formed YAML, known
// keys only, every key present with a usable value.
func parseFrontMatter(header []byte) (frontMatter, error) {
	var fm frontMatter
	var doc yaml.Node
	if err := yaml.Unmarshal(header, &doc); err != nil {
		return fm, fmt.Errorf("malformed front matter YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return fm, errors.New("front matter must be a YAML mapping of " + strings.Join(frontMatterKeys, ", "))
	}
	m := doc.Content[0]
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i].Value
		if !isFrontMatterKey(k) {
			return fm, fmt.Errorf("unknown front-matter key %q (accepted: %s)", k, strings.Join(frontMatterKeys, ", "))
		}
		seen[k] = true
	}
	for _, k := range frontMatterKeys {
		if !seen[k] && k != "minutes" {
			return fm, fmt.Errorf("front matter is missing %q", k)
		}
	}
	if err := m.Decode(&fm); err != nil {
		return fm, fmt.Errorf("front matter has a wrong type: %s (title, slug and summary are text; order and minutes are whole numbers)",
			strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n  "))
	}
	switch {
	case strings.TrimSpace(fm.Title) == "":
		return fm, errors.New("front matter title is empty")
	case !validSlug(fm.Slug):
		return fm, fmt.Errorf("front matter slug %q must be lowercase letters, digits and hyphens", fm.Slug)
	case fm.Order < 1:
		return fm, fmt.Errorf("front matter order %d must be 1 or more", fm.Order)
	case strings.TrimSpace(fm.Summary) == "":
		return fm, errors.New("front matter summary is empty")
	case seen["minutes"] && fm.Minutes < 1:
		return fm, fmt.Errorf("front matter minutes %d must be 1 or more (or leave it out: reading time is computed)", fm.Minutes)
	}
	return fm, nil
}

func isFrontMatterKey(k string) bool {
	for _, known := range frontMatterKeys {
		if k == known {
			return true
		}
	}
	return false
}

func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
