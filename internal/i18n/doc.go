// Package i18n is the tutor's one definition of its languages and of the
// interface words around the chapters. Every other package asks it which
// languages exist and what a label says; none keeps a list of its own.
package i18n
