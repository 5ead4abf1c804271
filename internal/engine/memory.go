package engine

import (
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// memKey is an abstract memory location: a root object (an Alloc, a
// Global, a pointer-valued parameter or result, or a struct value whose
// fields are tracked apart) and a field path such as ".0.2" or ".1[]".
type memKey struct {
	root ssa.Value
	path string
}

// memory maps root objects to the taint stored along their paths.
type memory map[ssa.Value]map[string]taint

// isPathPrefix reports whether path a is b or leads to b.
func isPathPrefix(a, b string) bool {
	return a == "" || a == b || (strings.HasPrefix(b, a) && (b[len(a)] == '.' || b[len(a)] == '['))
}

func (s *funcState) store(k memKey, t taint) {
	if t.empty() {
		return
	}
	m, global := s.mem, isGlobal(k.root)
	if global {
		// Globals outlive the call: what depends on this call's
		// parameters means nothing there.
		t.params, t.frozenIf, t.frozenSrcIf = 0, 0, 0
		if t.empty() {
			return
		}
		m = s.a.globals
	}
	paths := m[k.root]
	if paths == nil {
		paths = make(map[string]taint)
		m[k.root] = paths
	}
	old := paths[k.path]
	if n := join(old, t); n != old {
		paths[k.path] = n
		s.dirty = true
		if global {
			s.a.globalsVersion++
		}
	}
}

// storeValue stores val at (root, path), keeping apart the fields of a
// struct value whose fields are tracked.
func (s *funcState) storeValue(root ssa.Value, path string, val ssa.Value) {
	if fields, ok := s.mem[val]; ok {
		for p, t := range fields {
			s.store(memKey{root, path + p}, t)
		}
		s.store(memKey{root, path}, s.vals[val])
		return
	}
	s.store(memKey{root, path}, s.get(val))
}

func isGlobal(v ssa.Value) bool {
	_, ok := v.(*ssa.Global)
	return ok
}

func (s *funcState) paths(root ssa.Value) map[string]taint {
	if _, ok := root.(*ssa.Global); ok {
		return s.a.globals[root]
	}
	return s.mem[root]
}

// memUnder returns the taint stored at root along path, at any sub-path
// of it (loading a struct that contains a tainted field) or at any prefix
// of it (loading a field of a struct stored whole).
func (s *funcState) memUnder(root ssa.Value, path string) taint {
	var t taint
	for p, v := range s.paths(root) {
		if isPathPrefix(path, p) || isPathPrefix(p, path) {
			t = join(t, v)
		}
	}
	return t
}

// addrRoot decomposes an address into its root object and field path.
func addrRoot(v ssa.Value) (ssa.Value, string) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		root, path := addrRoot(v.X)
		return root, path + "." + strconv.Itoa(v.Field)
	case *ssa.IndexAddr:
		root, path := addrRoot(v.X)
		return root, path + "[]"
	}
	return v, ""
}

// get returns the taint of a value. For addresses it is the taint of
// what they point to.
func (s *funcState) get(v ssa.Value) taint {
	switch v := v.(type) {
	case nil, *ssa.Const, *ssa.Function, *ssa.Builtin:
		return taint{}
	case *ssa.FieldAddr:
		mask, sdk := fieldParts(v.X.Type(), v.Field)
		if mask == 0 {
			return taint{}
		}
		root, path := addrRoot(v)
		t := join(s.memUnder(root, path), s.vals[root])
		if sdk {
			t = narrow(t, mask)
		}
		return t
	case *ssa.IndexAddr:
		root, path := addrRoot(v)
		return join(s.memUnder(root, path), s.vals[root])
	case *ssa.Alloc:
		t := join(s.vals[v], s.memUnder(v, ""))
		if s.staticProviderType(v.Type()) != "" {
			t.frozen = minLabel(t.frozen, frozenLabel(t, allocHasToken(v)))
			t.frozenSrcIf |= t.params
		}
		return t
	}
	return join(s.vals[v], s.memUnder(v, ""))
}

// fieldParts returns the credential parts that field i of the struct
// that t (or *t) denotes may carry, and whether the struct is the SDK's.
// Of SDK structs, only the fields in the catalogue carry credentials; of
// the user's structs, any field may (the memory model keeps them apart).
func fieldParts(t types.Type, i int) (uint8, bool) {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return catalog.PartsAll, false
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || !catalog.IsSDK(named.Obj().Pkg().Path()) {
		return catalog.PartsAll, false
	}
	return catalog.FieldParts[st.Field(i).Name()], true
}

// typeKey returns the package path and name of a (pointer to a) named type.
func typeKey(t types.Type) (catalog.TypeKey, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return catalog.TypeKey{}, false
	}
	return catalog.TypeKey{Pkg: named.Obj().Pkg().Path(), Name: named.Obj().Name()}, true
}
