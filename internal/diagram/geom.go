package diagram

import (
	"math"
	"strings"
)

// Box is an axis-aligned rectangle in viewBox units.
type Box struct{ X, Y, W, H int }

// X2 is the right edge.
func (b Box) X2() int { return b.X + b.W }

// Y2 is the bottom edge.
func (b Box) Y2() int { return b.Y + b.H }

// CX is the horizontal centre.
func (b Box) CX() int { return b.X + b.W/2 }

// CY is the vertical centre.
func (b Box) CY() int { return b.Y + b.H/2 }

// Point is a position in viewBox units.
type Point struct{ X, Y int }

// pathD renders an orthogonal polyline as SVG path data.
func pathD(pts []Point) string {
	var sb strings.Builder
	for i, p := range pts {
		if i == 0 {
			sb.WriteString("M")
		} else {
			sb.WriteString(" L")
		}
		sb.WriteString(itoa(p.X))
		sb.WriteByte(' ')
		sb.WriteString(itoa(p.Y))
	}
	return sb.String()
}

// along is the point at fraction f of the polyline's length, and whether
// the segment there is horizontal.
func along(pts []Point, f float64) (float64, float64, bool) {
	total := 0.0
	for i := 1; i < len(pts); i++ {
		total += dist(pts[i-1], pts[i])
	}
	half := total * f
	for i := 1; i < len(pts); i++ {
		d := dist(pts[i-1], pts[i])
		if half <= d && d > 0 {
			t := half / d
			return float64(pts[i-1].X) + t*float64(pts[i].X-pts[i-1].X),
				float64(pts[i-1].Y) + t*float64(pts[i].Y-pts[i-1].Y), pts[i].Y == pts[i-1].Y
		}
		half -= d
	}
	p := pts[len(pts)-1]
	return float64(p.X), float64(p.Y), false
}

func dist(a, b Point) float64 {
	return math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y))
}

func reversed(pts []Point) []Point {
	out := make([]Point, len(pts))
	for i, p := range pts {
		out[len(pts)-1-i] = p
	}
	return out
}

// textWidth estimates the rendered width of s at the given font size. It
// errs wide so that wrapped labels stay inside their boxes.
func textWidth(s string, size int) int {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= 0x1100 && r <= 0x11FF, r >= 0x3000 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF:
			w += 0.98 // Hangul and CJK are full width
		case r == ' ':
			w += 0.3
		case strings.ContainsRune("il.,:;'|!()·/", r):
			w += 0.32
		case r >= 'A' && r <= 'Z', r == 'm', r == 'w', r == 'M', r == 'W':
			w += 0.68
		default:
			w += 0.56
		}
	}
	return int(math.Ceil(w * float64(size)))
}

// wrap breaks s into lines no wider than max at the given size, breaking
// at spaces. A parenthesised tail that does not fit goes on its own line
// first ("kubectl" / "(bastion host)"), with or without a space before
// it, since Korean glosses take none ("워커 노드(kubelet)"). A single word wider than max stays
// on its own line.
func wrap(s string, max, size int) []string {
	if i := strings.Index(s, "("); i > 0 && textWidth(s, size) > max {
		return append(wrapWords(s[:i], max, size), wrapWords(s[i:], max, size)...)
	}
	return wrapWords(s, max, size)
}

func wrapWords(s string, max, size int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && textWidth(try, size) > max {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
