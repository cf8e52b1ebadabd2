// Package diagram draws the tutor's diagrams as SVG from the topology model:
// the overview, the control plane, the data plane and the endpoint-access
// view of each mode with its packet flows.
//
// The model (internal/topology) says what exists and how packets move; this
// package decides only where things go on the page (layout.go and the
// per-view layout files) and how they look (class names styled by
// diagram.css). Output is deterministic: the same Options give the same
// bytes, which the golden-file tests rely on.
//
// Page-embedded SVG carries class names only (no style attribute, no <style>
// element) so the page can keep a strict Content-Security-Policy; the
// standalone form for slides embeds the light theme of diagram.css.
package diagram
