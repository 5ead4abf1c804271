package engine

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// Field-precise summaries. A function that reads one field of its
// parameter (func (c *Creds) Profile() string { return c.profile })
// returns what the caller's object holds at that path, not everything the
// object holds: the taint records the parameter and the path
// (taint.pathOnly, taint.ppaths), the summary says so (ParamPaths), and
// the caller reads its argument at the path (instantiate).

// A ParamPath is a field path read below a parameter.
type ParamPath struct {
	Param int
	Path  string
}

// String is how facts spell a ParamPath: "0.profile".
func (p ParamPath) String() string { return strconv.Itoa(p.Param) + p.Path }

// parseParamPath is String's inverse.
func parseParamPath(s string) (ParamPath, bool) {
	i := strings.IndexAny(s, ".[")
	if i <= 0 {
		return ParamPath{}, false
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil || n < 0 || n >= maxParams {
		return ParamPath{}, false
	}
	return ParamPath{n, s[i:]}, true
}

// paramPaths is an interned, sorted set of ParamPaths: taints share it.
type paramPaths struct{ list []ParamPath }

var (
	ppMu    sync.Mutex
	ppTable = make(map[string]*paramPaths)
)

// internPaths returns the one set with these elements.
func internPaths(list []ParamPath) *paramPaths {
	if len(list) == 0 {
		return nil
	}
	slices.SortFunc(list, func(a, b ParamPath) int {
		if a.Param != b.Param {
			return a.Param - b.Param
		}
		return strings.Compare(a.Path, b.Path)
	})
	list = slices.Compact(list)
	var key strings.Builder
	for _, p := range list {
		key.WriteString(p.Path)
		key.WriteByte(byte('0' + p.Param%64))
		key.WriteByte(0)
	}
	ppMu.Lock()
	defer ppMu.Unlock()
	if s, ok := ppTable[key.String()]; ok {
		return s
	}
	s := &paramPaths{list: list}
	ppTable[key.String()] = s
	return s
}

func (s *paramPaths) union(o *paramPaths) *paramPaths {
	switch {
	case s == o || o == nil:
		return s
	case s == nil:
		return o
	}
	return internPaths(append(slices.Clone(s.list), o.list...))
}

// pathTaint is the taint of a field read at path below parameter idx.
func pathTaint(idx int, path string) taint {
	bit := uint64(1) << idx
	return taint{params: bit, pathOnly: bit, ppaths: internPaths([]ParamPath{{idx, path}})}
}

// summaryPaths returns the parameters a taint owes as a whole and the
// paths it owes the others at, for a summary.
func summaryPaths(t taint) (whole uint64, paths []string) {
	whole = t.params &^ t.pathOnly
	if t.ppaths != nil {
		for _, p := range t.ppaths.list {
			if p.Param < 64 && t.pathOnly&(1<<p.Param) != 0 {
				paths = append(paths, p.String())
			}
		}
	}
	// A path-only bit with no path (cannot happen) is owed whole.
	for _, p := range bits(t.pathOnly & t.params) {
		if !slices.ContainsFunc(paths, func(pp string) bool { q, _ := parseParamPath(pp); return q.Param == p }) {
			whole |= 1 << p
		}
	}
	return whole, paths
}

// argPathTaint is what the caller's argument v holds at path.
func (s *funcState) argPathTaint(v ssa.Value, path string) taint {
	r := s.shape(v)
	t := r.fields[path]
	for p, ft := range r.fields {
		if strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") {
			t = join(t, ft)
		}
	}
	if isPointer(v.Type()) {
		t = join(t, s.read(s.placeOf(v).descend(s.a, v.Type(), path), readUnder))
	}
	return t
}
