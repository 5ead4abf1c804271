package driver

import (
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/module"
)

// A Module is a versioned dependency module, whose files are in the
// module cache: a trail step inside it is printed as module@version/file,
// never as a machine's path.
type Module struct {
	Path, Version string
	// Dir is its directory in the module cache.
	Dir string
}

// modules returns the versioned modules of the graph's packages (the
// replacement where a module is replaced by another version), longest
// directory first so that a nested module wins over its parent.
func (g *graph) modules() []Module {
	seen := make(map[string]bool)
	var out []Module
	for _, p := range g.byID {
		m := p.Module
		if m == nil {
			continue
		}
		if m.Replace != nil {
			m = m.Replace
		}
		if m.Version == "" || m.Dir == "" || seen[m.Dir] {
			continue
		}
		seen[m.Dir] = true
		out = append(out, Module{Path: m.Path, Version: m.Version, Dir: m.Dir})
	}
	slices.SortFunc(out, func(a, b Module) int {
		if n := len(b.Dir) - len(a.Dir); n != 0 {
			return n
		}
		return strings.Compare(a.Dir, b.Dir)
	})
	return out
}

// ModuleFile returns the versioned module holding the file name and the
// file's slash-separated path inside it.
func (r *Result) ModuleFile(name string) (Module, string, bool) {
	for _, m := range r.Modules {
		rel, err := filepath.Rel(m.Dir, name)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return m, filepath.ToSlash(rel), true
		}
	}
	return Module{}, "", false
}

// String is module@version, as go.mod and go list write it.
func (m Module) String() string { return m.Path + "@" + m.Version }

// CachePath is the module's directory relative to the module cache
// (GOMODCACHE), with the cache's escaping of upper-case letters.
func (m Module) CachePath() string {
	p, err := module.EscapePath(m.Path)
	if err != nil {
		p = m.Path
	}
	v, err := module.EscapeVersion(m.Version)
	if err != nil {
		v = m.Version
	}
	return p + "@" + v
}
