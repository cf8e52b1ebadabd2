// Package room holds live rooms: one presenter drives a language-independent
// State (chapter, section, diagram view, mode, flow, step) and every
// follower's page shows it in the follower's own language.
//
// A Hub keeps the rooms. NewMemory is the default, one process and nothing
// to install; NewRedis keeps them in Redis, so several replicas behind a
// load balancer serve one room. Both pass the same contract tests.
//
// The package knows nothing of HTTP: the web layer maps its errors
// (ErrNotFound, ErrForbidden, *LimitError, *UnavailableError, params.Errors)
// to status codes.
package room
