package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every flag the binary takes has a row in the README's configuration
// table, and every row names a flag the binary takes, with the same
// environment variable.
func TestREADMEConfigurationTableIsTheFlags(t *testing.T) {
	var help bytes.Buffer
	_, _ = parseConfig([]string{"-help"}, func(string) string { return "" }, &help)
	flags := map[string]string{} // name -> env variable ("" for none)
	envVar := regexp.MustCompile(`env (EKSTUTOR_[A-Z_]+)`)
	for _, entry := range strings.Split(help.String(), "\n  -")[1:] {
		name, _, _ := strings.Cut(entry, " ")
		name, _, _ = strings.Cut(name, "\n")
		if m := envVar.FindStringSubmatch(entry); m != nil {
			flags[name] = m[1]
		} else {
			flags[name] = ""
		}
	}
	require.NotEmpty(t, flags)

	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, table, ok := strings.Cut(string(readme), "\n## Configuration")
	require.True(t, ok)
	table, _, _ = strings.Cut(table, "\n## ")
	rows := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| `-([a-z-]+)[^`]*` \\| (?:`(EKSTUTOR_[A-Z_]+)`)? *\\|").FindAllStringSubmatch(table, -1) {
		rows[m[1]] = m[2]
	}
	for name, env := range flags {
		got, ok := rows[name]
		if assert.True(t, ok, "-%s has no README row", name) {
			assert.Equal(t, env, got, "-%s: environment variable in the README", name)
		}
	}
	for name := range rows {
		_, ok := flags[name]
		assert.True(t, ok, "the README documents -%s, which the binary does not take", name)
	}
}
