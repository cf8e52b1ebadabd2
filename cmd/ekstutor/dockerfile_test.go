package main

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"mvdan.cc/sh/v3/shell"
)

// The Dockerfile's build line, as it is written there, so this test
// checks what the image builds.
var dockerBuild = regexp.MustCompile(`(?m)^RUN ((?:[A-Z_]+=\S+ )*)go build (.+) -o (\S+) (\./cmd/ekstutor)$`)

// The image must be static (distroless/static has no libc) and
// non-root. No Docker engine is needed: with the environment of the
// Dockerfile's own go build line, no package the binary links has cgo
// files, so Go's linker makes a binary that needs no dynamic loader.
// (Compiling that build here would cost CI a minute: README shows the
// size, from cmd/ekstutor-bench -binary.)
func TestDockerfileBuildsAStaticNonRootImage(t *testing.T) {
	df, err := os.ReadFile("../../Dockerfile")
	require.NoError(t, err)
	text := string(df)
	m := dockerBuild.FindStringSubmatch(text)
	require.NotNil(t, m, "the Dockerfile has a `RUN [ENV=...] go build ... -o OUT ./cmd/ekstutor` line")
	env := strings.Fields(m[1])
	assert.Contains(t, env, "CGO_ENABLED=0")
	flags, err := shell.Fields(m[2], nil) // the shell's quoting, as RUN has it
	require.NoError(t, err)
	assert.Contains(t, flags, "-trimpath", "no build paths in the image")
	assert.Contains(t, flags, "-ldflags=-s -w", "no symbol tables or DWARF in the image")

	cmd := exec.Command("go", "list", "-deps", "-f", "{{if .CgoFiles}}{{.ImportPath}}{{end}}", m[4])
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Empty(t, strings.TrimSpace(string(out)), "packages with cgo in the image's build")

	// The same check fails where it should: with cgo on, the standard
	// library's net and os/user use it.
	cmd = exec.Command("go", "list", "-deps", "-f", "{{if .CgoFiles}}{{.ImportPath}}{{end}}", m[4])
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err == nil {
		assert.Contains(t, string(out), "net", "the check sees cgo when it is there")
	}

	// The last stage runs as the distroless non-root user.
	last := text[strings.LastIndex(text, "\nFROM "):]
	assert.Contains(t, last, "distroless/static")
	assert.Contains(t, last, "USER nonroot:nonroot")
}
