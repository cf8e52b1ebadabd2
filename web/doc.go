// Package web is the tutor's HTTP face: one route table, handlers that
// return errors, middleware (request logs, security headers, ETag and
// gzip), and hashed static assets. It asks internal/content and
// internal/topology for what to show and renders templ components from
// web/view.
package web
