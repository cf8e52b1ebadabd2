package web

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
)

// A module's hashed URL must change when anything it imports changes, or
// a browser holding it in its year-long cache would pair an old importer
// with a new dependency. So each import specifier is rewritten to the
// dependency's hashed URL before the importer itself is hashed, which
// means dependencies are hashed first (a topological order) and the
// import graph must have no cycles.

// moduleImport is an import specifier resolved to the file it names.
type moduleImport struct {
	importRef
	target string // file name relative to the static root, e.g. "js/player/keymap.js"
}

// resolveImports finds and resolves the imports of every .js file in
// files. A specifier that is not relative, or names no file, is an error:
// the browser could not load it under a hashed URL either.
func resolveImports(files map[string][]byte) (map[string][]moduleImport, error) {
	graph := map[string][]moduleImport{}
	for _, name := range sortedKeys(files) {
		if path.Ext(name) != ".js" {
			continue
		}
		refs, err := findImports(files[name])
		if err != nil {
			return nil, fmt.Errorf("%s:%w", name, err)
		}
		for _, ref := range refs {
			if !strings.HasPrefix(ref.spec, "./") && !strings.HasPrefix(ref.spec, "../") {
				return nil, fmt.Errorf("%s imports %q: only relative specifiers (./ or ../) can be rewritten to hashed URLs", name, ref.spec)
			}
			target := path.Join(path.Dir(name), ref.spec)
			if _, ok := files[target]; !ok {
				return nil, fmt.Errorf("%s imports %q: there is no static file %s", name, ref.spec, target)
			}
			graph[name] = append(graph[name], moduleImport{importRef: ref, target: target})
		}
	}
	return graph, nil
}

// dependenciesFirst orders every file so that each comes after all the
// files it imports, or reports a cycle, naming its files in import order.
func dependenciesFirst(files map[string][]byte, graph map[string][]moduleImport) ([]string, error) {
	const (
		unseen = iota
		visiting
		done
	)
	state := map[string]int{}
	var order, stack []string
	var visit func(name string) error
	visit = func(name string) error {
		switch state[name] {
		case done:
			return nil
		case visiting:
			cycle := append(slices.Clone(stack[slices.Index(stack, name):]), name)
			return fmt.Errorf("import cycle %s: hashed modules cannot import each other in a circle", strings.Join(cycle, " → "))
		}
		state[name] = visiting
		stack = append(stack, name)
		for _, imp := range graph[name] {
			if err := visit(imp.target); err != nil {
				return err
			}
		}
		stack = stack[:len(stack)-1]
		state[name] = done
		order = append(order, name)
		return nil
	}
	for _, name := range sortedKeys(files) {
		if err := visit(name); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// rewriteImports replaces each specifier in src with the hashed URL that
// urlOf gives its target, keeping the original quote character.
func rewriteImports(src []byte, imports []moduleImport, urlOf func(name string) string) []byte {
	var out []byte
	last := 0
	for _, imp := range imports { // in source order, as findImports lists them
		quote := src[imp.start]
		out = append(out, src[last:imp.start]...)
		out = append(out, quote)
		out = append(out, urlOf(imp.target)...)
		out = append(out, quote)
		last = imp.end
	}
	return append(out, src[last:]...)
}

func sortedKeys(m map[string][]byte) []string { return slices.Sorted(maps.Keys(m)) }
