package engine

import (
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

func (s *funcState) step(instr ssa.Instruction) {
	switch v := instr.(type) {
	case *ssa.UnOp:
		s.set(v, s.get(v.X))
	case *ssa.BinOp:
		if v.Op == token.ADD {
			t := join(s.get(v.X), s.get(v.Y))
			if name := entryName(constString(v.X), true); name != "" && !provablyEmpty(v.Y) {
				t = withEntry(t, name, s.get(v.Y))
			}
			s.set(v, t)
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			s.set(v, s.get(e))
		}
	case *ssa.ChangeType:
		s.set(v, join(s.get(v.X), s.providerFuncTaint(v.X, v.Type())))
	case *ssa.Convert:
		s.set(v, join(s.get(v.X), s.providerFuncTaint(v.X, v.Type())))
	case *ssa.MultiConvert:
		s.set(v, s.get(v.X))
	case *ssa.ChangeInterface:
		s.set(v, s.get(v.X))
	case *ssa.MakeInterface:
		s.set(v, s.get(v.X))
	case *ssa.SliceToArrayPointer:
		s.set(v, s.get(v.X))
	case *ssa.TypeAssert:
		s.set(v, s.get(v.X))
	case *ssa.Slice:
		t := s.get(v.X)
		if isString(v.X.Type()) {
			// A prefix of an access key id identifies it; it is not a secret.
			t = narrow(t, t.parts&^catalog.PartKeyID)
		}
		s.set(v, t)
	case *ssa.Index:
		s.set(v, s.get(v.X))
	case *ssa.Lookup:
		s.set(v, s.get(v.X))
	case *ssa.Field:
		if mask, sdk := fieldParts(v.X.Type(), v.Field); mask != 0 {
			t := join(s.vals[v.X], s.memUnder(v.X, "."+strconv.Itoa(v.Field)))
			if sdk {
				t = narrow(t, mask)
			}
			s.set(v, t)
		}
	case *ssa.Extract:
		if ts, ok := s.tuple[v.Tuple]; ok && v.Index < len(ts) {
			s.setResult(v, ts[v.Index])
		} else {
			s.set(v, s.get(v.Tuple))
		}
	case *ssa.Store:
		root, path := addrRoot(v.Addr)
		s.storeValue(root, path, v.Val)
	case *ssa.MapUpdate:
		t := s.get(v.Value)
		for _, name := range constStrings(v.Key) {
			if catalog.IsTokenName(name) || catalog.IsKeyName(name) {
				if !provablyEmpty(v.Value) {
					t = withEntry(t, name, t)
				}
			}
		}
		s.store(memKey{v.Map, "[]"}, t)
	case *ssa.Call:
		ts := s.call(v.Common(), v, false)
		if len(ts) == 1 {
			s.setResult(v, ts[0])
		} else if len(ts) > 1 {
			old := s.tuple[v]
			merged := make([]rtaint, len(ts))
			changed := len(old) != len(ts)
			for i := range ts {
				merged[i] = ts[i]
				if i < len(old) {
					merged[i] = joinR(old[i], ts[i])
					if !equalR(old[i], merged[i]) {
						changed = true
					}
				}
			}
			if changed {
				s.tuple[v] = merged
				s.dirty = true
			}
		}
	}
}

// setResult records a call result: its whole taint as the value's, its
// fields' taints as memory rooted at the value.
func (s *funcState) setResult(v ssa.Value, r rtaint) {
	s.set(v, r.whole)
	for i, t := range r.fields {
		s.store(memKey{v, "." + strconv.Itoa(i)}, t)
	}
}

// resultOf splits a returned value into whole and per-field taints.
func (s *funcState) resultOf(r ssa.Value) rtaint {
	base, whole := r, s.vals[r]
	if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL {
		if al, ok := u.X.(*ssa.Alloc); ok {
			base, whole = al, s.vals[al]
		}
	}
	st, ok := r.Type().Underlying().(*types.Struct)
	if !ok {
		return rtaint{whole: s.get(r)}
	}
	out := rtaint{whole: whole}
	for i := range st.NumFields() {
		if t := s.memUnder(base, "."+strconv.Itoa(i)); !t.empty() {
			if out.fields == nil {
				out.fields = make(map[int]taint)
			}
			out.fields[i] = t
		}
	}
	return out
}

// finish records sinks and results once taints have settled.
func (s *funcState) finish(instr ssa.Instruction) {
	switch v := instr.(type) {
	case *ssa.Return:
		for i, r := range v.Results {
			if i < len(s.fi.results) {
				s.fi.results[i] = joinR(s.fi.results[i], s.resultOf(r))
			}
		}
	case *ssa.Call:
		s.call(v.Common(), v, true)
	case *ssa.Go:
		s.call(v.Common(), nil, true)
	case *ssa.Defer:
		s.call(v.Common(), nil, true)
	case *ssa.Alloc:
		s.allocSink(v)
	case *ssa.Store:
		s.childEnvStore(v)
		if g := packageLevel(v.Addr); g != nil && !isFunc(v.Val.Type()) {
			// (A func, such as sync.OnceValue's, is reported where it is made.)
			s.singletonStore(v.Pos(), g, s.get(v.Val))
		}
	case *ssa.MapUpdate:
		if g := packageLevel(v.Map); g != nil {
			s.singletonStore(v.Pos(), g, s.get(v.Value))
		}
	case *ssa.MakeClosure:
		s.closureSinks(v)
	case *ssa.ChangeType:
		s.providerFunc(v.X, v.Type())
	case *ssa.Convert:
		s.providerFunc(v.X, v.Type())
	}
}
