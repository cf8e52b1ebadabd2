// Package content loads the tutor's chapters and glossary from an fs.FS,
// validates them, and renders the Markdown to HTML once, at start.
//
// It knows nothing of HTTP. A problem in the content (a missing
// translation, a duplicate slug, an unknown front-matter key, a broken
// link) is reported as a *ValidationError that names the file, so an
// instructor editing chapters gets a clear message instead of a stack trace.
package content
