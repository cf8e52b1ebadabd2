package web

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
)

// The theme switch sets data-theme="light" or "dark" on <html> (before
// the first paint: static/js/theme-init.js); without it the system's
// preference rules. Stylesheets are written for the system preference
// only — dark colours inside @media (prefers-color-scheme: dark) — and
// themedCSS derives the rest at start, so no colour is written twice:
//
//	@media (prefers-color-scheme: dark) { SEL { D } }
//
// becomes
//
//	@media screen and (prefers-color-scheme: dark) { :root:not([data-theme="light"]) SEL { D } }
//	@media screen { :root[data-theme="dark"] SEL { D } }
//
// The added :root and attribute also outweigh the light rules' selectors,
// so a reader who chose light keeps it on a dark system and vice versa.
// Print stays light whatever the theme: a handout is printed on white
// paper (and the stronger selectors would otherwise beat the print rules).

const (
	darkQuery      = "@media (prefers-color-scheme: dark)"
	screenDark     = "@media screen and (prefers-color-scheme: dark)"
	notLightRoot   = `:root:not([data-theme="light"])`
	chosenDarkRoot = `:root[data-theme="dark"]`
)

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// themedCSS rewrites every dark block of css as above. A block it cannot
// read (unbalanced braces, a nested at-rule) is an error, so a stylesheet
// that outgrows this small rewriter stops the server instead of losing
// its dark theme quietly.
func themedCSS(name, css string) (string, error) {
	var out strings.Builder
	rest := css
	for {
		i := strings.Index(rest, darkQuery)
		if i < 0 {
			out.WriteString(rest)
			return out.String(), nil
		}
		open := strings.IndexByte(rest[i:], '{')
		if open < 0 {
			return "", fmt.Errorf("%s: %s without a block", name, darkQuery)
		}
		open += i
		end, err := matchingBrace(rest, open)
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		rules, err := splitRules(cssComment.ReplaceAllString(rest[open+1:end], ""))
		if err != nil {
			return "", fmt.Errorf("%s: dark block: %w", name, err)
		}
		out.WriteString(rest[:i])
		out.WriteString(screenDark + " {\n")
		for _, r := range rules {
			out.WriteString("  " + scope(r.selector, notLightRoot) + " {" + r.body + "}\n")
		}
		out.WriteString("}\n@media screen {\n")
		for _, r := range rules {
			out.WriteString("  " + scope(r.selector, chosenDarkRoot) + " {" + r.body + "}\n")
		}
		out.WriteString("}\n")
		rest = rest[end+1:]
	}
}

type cssRule struct{ selector, body string }

func matchingBrace(s string, open int) (int, error) {
	depth := 0
	for j := open; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j, nil
			}
		}
	}
	return 0, fmt.Errorf("unbalanced braces after %s", darkQuery)
}

// splitRules reads "sel { decls } sel { decls }" with no nesting.
func splitRules(block string) ([]cssRule, error) {
	var rules []cssRule
	for {
		block = strings.TrimSpace(block)
		if block == "" {
			return rules, nil
		}
		open := strings.IndexByte(block, '{')
		closing := strings.IndexByte(block, '}')
		if open < 0 || closing < open || strings.HasPrefix(block, "@") ||
			strings.Contains(block[open+1:closing], "{") {
			return nil, fmt.Errorf("cannot read rule %.40q (only flat rules are supported)", block)
		}
		rules = append(rules, cssRule{selector: strings.TrimSpace(block[:open]), body: block[open+1 : closing]})
		block = block[closing+1:]
	}
}

// scope puts each selector of a list under root: ":root" itself gains the
// condition, anything else becomes its descendant.
func scope(selectors, root string) string {
	parts := strings.Split(selectors, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if rest, ok := strings.CutPrefix(p, ":root"); ok {
			parts[i] = root + rest
			continue
		}
		parts[i] = root + " " + p
	}
	return strings.Join(parts, ", ")
}

// themedStylesheets are the stylesheets with a dark theme, rewritten by
// themedCSS, to hand NewAssets in place of the originals.
func themedStylesheets(staticFS fs.FS, extra map[string]string) (map[string][]byte, error) {
	out := map[string][]byte{}
	// Every stylesheet, so a new one (present.css) follows the switch
	// without being listed here.
	names, err := fs.Glob(staticFS, "css/*.css")
	if err != nil {
		return nil, fmt.Errorf("theming stylesheets: %w", err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(staticFS, name)
		if err != nil {
			return nil, fmt.Errorf("theming stylesheets: %w", err)
		}
		extra[name] = string(b)
	}
	for name, css := range extra {
		themed, err := themedCSS(name, css)
		if err != nil {
			return nil, fmt.Errorf("theming stylesheets: %w", err)
		}
		out[name] = []byte(themed)
	}
	return out, nil
}
