package diagram

import (
	"strconv"
	"strings"
)

// svgw accumulates SVG markup. Attributes are passed as name, value pairs
// and written in the order given, so output is deterministic.
type svgw struct {
	b strings.Builder
}

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func (w *svgw) raw(s string) { w.b.WriteString(s) }

func (w *svgw) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		w.b.WriteByte(' ')
		w.b.WriteString(kv[i])
		w.b.WriteString(`="`)
		w.b.WriteString(attrEscaper.Replace(kv[i+1]))
		w.b.WriteByte('"')
	}
}

// open writes a start tag.
func (w *svgw) open(tag string, kv ...string) {
	w.b.WriteByte('<')
	w.b.WriteString(tag)
	w.attrs(kv)
	w.b.WriteString(">\n")
}

// close writes an end tag.
func (w *svgw) close(tag string) {
	w.b.WriteString("</")
	w.b.WriteString(tag)
	w.b.WriteString(">\n")
}

// empty writes a self-closing element.
func (w *svgw) empty(tag string, kv ...string) {
	w.b.WriteByte('<')
	w.b.WriteString(tag)
	w.attrs(kv)
	w.b.WriteString("/>\n")
}

// elem writes an element holding escaped character data.
func (w *svgw) elem(tag, text string, kv ...string) {
	w.b.WriteByte('<')
	w.b.WriteString(tag)
	w.attrs(kv)
	w.b.WriteByte('>')
	w.b.WriteString(textEscaper.Replace(text))
	w.b.WriteString("</")
	w.b.WriteString(tag)
	w.b.WriteString(">\n")
}

// rect draws a box with the given class.
func (w *svgw) rect(b Box, class string, kv ...string) {
	base := []string{"class", class, "x", itoa(b.X), "y", itoa(b.Y), "width", itoa(b.W), "height", itoa(b.H)}
	w.empty("rect", append(base, kv...)...)
}

// text writes one line of text. anchor is "start", "middle" or "end".
func (w *svgw) text(x, y int, class, anchor, s string) {
	kv := []string{"class", class, "x", itoa(x), "y", itoa(y)}
	if anchor != "" && anchor != "start" {
		kv = append(kv, "text-anchor", anchor)
	}
	w.elem("text", s, kv...)
}

func itoa(i int) string { return strconv.Itoa(i) }

// ftoa formats a coordinate with at most one decimal.
func ftoa(f float64) string {
	r := float64(int64(f*10+signHalf(f))) / 10
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func signHalf(f float64) float64 {
	if f < 0 {
		return -0.5
	}
	return 0.5
}
