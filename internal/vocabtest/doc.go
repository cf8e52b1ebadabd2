// Package vocabtest holds the repository-wide tests that keep one
// vocabulary: no package outside internal/topology and internal/i18n
// spells out a second list of languages, modes, flows, views, locations,
// subnet kinds or networks, or looks a model name up in the interface
// catalog; and every Korean string a learner reads from Go code (the
// catalog, the model's names and reasons, the diagrams) follows
// ../shared/korean-style.md.
//
// The package has no code of its own; it exists so that these tests may
// import every package they inspect without an import cycle.
package vocabtest
