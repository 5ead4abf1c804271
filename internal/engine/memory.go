package engine

import (
	"go/types"
	"maps"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// paths maps the paths below one root (or heap base) to their taints.
// The entry at "" is the taint of the object as a whole.
type paths map[string]taint

// isPathPrefix reports whether path a is b or leads to b.
func isPathPrefix(a, b string) bool {
	return a == "" || a == b || (strings.HasPrefix(b, a) && (b[len(a)] == '.' || b[len(a)] == '['))
}

// above joins the entries at path and at the paths that lead to it: what
// is known of the value at path as a whole.
func (ps paths) above(path string) taint {
	var t taint
	for p, v := range ps {
		if isPathPrefix(p, path) {
			t = join(t, v)
		}
	}
	return t
}

// below joins the entries at path and below it: what the value at path
// holds in its parts.
func (ps paths) below(path string) taint {
	var t taint
	for p, v := range ps {
		if isPathPrefix(path, p) {
			t = join(t, v)
		}
	}
	return t
}

// under joins both: everything the value at path may carry (one pass:
// it is the most frequent read).
func (ps paths) under(path string) taint {
	var t taint
	for p, v := range ps {
		if isPathPrefix(p, path) || isPathPrefix(path, p) {
			t = join(t, v)
		}
	}
	return t
}

// maxPathSegments bounds the paths that memory is kept by. A path
// through a recursive type grows without end otherwise: a wrapper whose
// field holds an interface that the wrapper itself implements (an
// exporter that wraps an exporter) made a summary's written path one
// ".Exporter" longer in each round of the package's fixed point, until
// the rounds ran out (cloud.google.com/go/storage). What is stored at a
// longer path is kept at its first maxPathSegments segments, where reads
// of the longer path, and of its neighbours, see it (above): more taint,
// never less.
const maxPathSegments = 8

// limitPath cuts path to maxPathSegments segments (".field" or "[]"),
// and reports whether it cut.
func limitPath(path string) (string, bool) {
	n := 0
	for i := 0; i < len(path); i++ {
		if c := path[i]; c == '.' || c == '[' {
			if n++; n > maxPathSegments {
				return path[:i], true
			}
		}
	}
	return path, false
}

// weakSet joins t into the entry at path (limitPath); it reports whether
// that changed anything.
func (ps paths) weakSet(path string, t taint) bool {
	path, _ = limitPath(path)
	old := ps[path]
	n := join(old, t)
	if n == old {
		return false
	}
	ps[path] = n
	return true
}

// locals is a function's own memory at one program point: for each root
// object, what is stored along its paths. Only tainted entries are kept.
type locals map[ssa.Value]paths

func (l locals) clone() locals {
	out := make(locals, len(l))
	for r, ps := range l {
		out[r] = maps.Clone(ps)
	}
	return out
}

// joinInto joins o into l; it reports whether l changed.
func (l locals) joinInto(o locals) bool {
	changed := false
	for r, ops := range o {
		ps := l[r]
		if ps == nil {
			l[r] = maps.Clone(ops)
			changed = true
			continue
		}
		for p, t := range ops {
			if ps.weakSet(p, t) {
				changed = true
			}
		}
	}
	return changed
}

func (l locals) equal(o locals) bool {
	if len(l) != len(o) {
		return false
	}
	for r, ps := range l {
		if !maps.Equal(ps, o[r]) {
			return false
		}
	}
	return true
}

// set stores t at (root, path). A strong store first kills what was
// stored there and below: the object is overwritten.
func (l locals) set(root ssa.Value, path string, t taint, strong bool) {
	if p, cut := limitPath(path); cut {
		// The cut path stands for more than the object overwritten.
		path, strong = p, false
	}
	ps := l[root]
	if strong && ps != nil {
		for p := range ps {
			if isPathPrefix(path, p) {
				delete(ps, p)
			}
		}
	}
	if t.empty() {
		if ps != nil && len(ps) == 0 {
			delete(l, root)
		}
		return
	}
	if ps == nil {
		ps = make(paths)
		l[root] = ps
	}
	ps.weakSet(path, t)
}

// heap is the package's memory shared by all its functions: the fields of
// the user's struct types and the package-level variables, by base object
// and path. It only grows (stores join), and version counts its changes,
// for the package's fixed point.
//
// bases holds every store, by base: what a read through a pointer of
// unknown sites sees, and what facts export. A store through a pointer
// of known sites (sites.go) is also kept by site in sited, and one
// through an unknown pointer in unknown: a read through known sites sees
// those sites and unknown, not the other instances of the type.
type heap struct {
	bases   map[heapBase]paths
	unknown map[heapBase]paths
	sited   map[siteKey]paths
	version int
}

// A heapBase is a struct type's name or a package-level variable.
type heapBase = types.Object

// A siteKey is a base at one site: the fields of the struct type base in
// the objects allocated at site (or in the objects inline in them).
type siteKey struct {
	site ssa.Value
	base heapBase
}

func (h *heap) get(base heapBase) paths { return h.bases[base] }

// store joins t into the heap at (base, path), through a pointer to the
// sites given (nil: unknown).
func (h *heap) store(base heapBase, sites *siteSet, path string, t taint) {
	t = local(t)
	if t.empty() {
		return
	}
	sites = typeSites(base, sites)
	changed := weakSetIn(h.bases, base, path, t)
	if sites == nil {
		changed = weakSetIn(h.unknown, base, path, t) || changed
	} else {
		for _, site := range sites.writes {
			changed = weakSetIn(h.sited, siteKey{site, base}, path, t) || changed
		}
	}
	if changed {
		h.version++
	}
}

// read joins what the heap holds at (base, path) for a read through a
// pointer to the sites given (nil: unknown).
func (h *heap) read(base heapBase, sites *siteSet, path string, m readMode) taint {
	if sites = typeSites(base, sites); sites == nil {
		return h.bases[base].read(path, m)
	}
	t := h.unknown[base].read(path, m)
	for _, site := range sites.reads {
		t = join(t, h.sited[siteKey{site, base}].read(path, m))
	}
	return t
}

// typeSites keeps sites only for a struct type's base: a package-level
// variable is one object already.
func typeSites(base heapBase, sites *siteSet) *siteSet {
	if _, ok := base.(*types.TypeName); ok {
		return sites
	}
	return nil
}

func weakSetIn[K comparable](m map[K]paths, k K, path string, t taint) bool {
	ps := m[k]
	if ps == nil {
		ps = make(paths)
		m[k] = ps
	}
	return ps.weakSet(path, t)
}
