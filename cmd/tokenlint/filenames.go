package main

import (
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/internal/driver"
)

// fileNames decides how output names a file. A file of the user's
// checkout is named as go vet names it (relative to the working
// directory when that is shorter); a file in the module cache (a trail
// step inside a dependency) as module@version/file, which reads the same
// on every machine.
type fileNames struct {
	res *driver.Result // nil: no module is known
}

// text is the name for text output's trail lines.
func (n fileNames) text(name string) string {
	if n.res != nil {
		if m, rel, ok := n.res.ModuleFile(name); ok {
			return m.String() + "/" + rel
		}
	}
	return relative(name)
}

// sarif returns a file's SARIF artifact location: relative to root with
// base %SRCROOT%; in the module cache, relative to it with base
// GOMODCACHE (the cache's own escaped path, so a viewer that knows the
// cache resolves it); otherwise relative to root all the same. Never a
// machine's absolute path.
func (n fileNames) sarif(root, name string) (uri, base string) {
	rel, inside := inRoot(root, name)
	if inside {
		return rel, "%SRCROOT%"
	}
	if n.res != nil {
		if m, mrel, ok := n.res.ModuleFile(name); ok {
			return m.CachePath() + "/" + mrel, "GOMODCACHE"
		}
	}
	if rel != "" && filepath.IsAbs(name) {
		return rel, "%SRCROOT%"
	}
	return filepath.ToSlash(name), ""
}

// inRoot returns name relative to root, slash-separated ("" when it has
// none), and whether it is inside root.
func inRoot(root, name string) (string, bool) {
	if root == "" {
		return "", false
	}
	rel, err := filepath.Rel(root, name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	return rel, rel != ".." && !strings.HasPrefix(rel, "../")
}
