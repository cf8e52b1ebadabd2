// Package view holds the tutor's templ components: one file per page, each
// with a typed view model. Components never call services; handlers fill
// the view models.
package view

import "github.com/ekstutor/ekstutor/internal/i18n"

// T is i18n.T under a short name, so templates stay readable.
func T(lang, key string) string { return i18n.T(lang, key) }

// Tf is i18n.Tf under a short name.
func Tf(lang, key string, args ...any) string { return i18n.Tf(lang, key, args...) }
