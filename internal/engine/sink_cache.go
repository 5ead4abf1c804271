package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// A provider type of the user's whose Retrieve keeps what it fetched in a
// field of its receiver, and returns it on every later call without
// looking at its expiry, freezes its first answer: once that session
// ends, every request fails. One that asks again when the cached value
// expires (Expired(), a time comparison, IsExpired) refreshes.

// cacheSink reports the store by which such a Retrieve keeps a value of
// temporary credentials.
func (s *funcState) cacheSink(st *ssa.Store) {
	fn := s.fi.fn
	field := s.a.cachingField(fn)
	if field == "" {
		return
	}
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || fa.X != fn.Params[0] || structFieldName(fa.X.Type(), fa.Field) != field {
		return
	}
	t := s.get(st.Val)
	if t.src.Label == "" {
		return
	}
	k, _ := typeKey(fn.Params[0].Type())
	s.hit(sinkHit{kind: CachedForever, pos: addrPos(st), sink: k.Name + ".Retrieve", name: fn.Params[0].Name() + "." + field, t: t})
}

// cachingLabel describes, for singletonclient, a provider type whose
// Retrieve keeps its first answer forever; "" for any other type.
func (s *funcState) cachingForever(ptr types.Type) string {
	tn := s.a.userStruct(deref(ptr))
	if tn == nil || s.refreshing(ptr) {
		return ""
	}
	sel := s.a.msets.MethodSet(types.NewPointer(tn.Type())).Lookup(nil, "Retrieve")
	if sel == nil {
		return ""
	}
	m, ok := sel.Obj().(*types.Func)
	if !ok {
		return ""
	}
	cached := false
	if m.Pkg() == s.a.pass.Pkg {
		cached = s.a.cachingField(s.a.pkg.Prog.FuncValue(m)) != ""
	} else if sum := s.summaryOf(target{obj: m}); sum != nil {
		cached = sum.CachesForever
	}
	if !cached {
		return ""
	}
	return "a *" + tn.Name() + ", whose Retrieve keeps its first answer forever"
}

// cachingField returns the field of its receiver in which a Retrieve
// method keeps and returns what it fetched without an expiry check, or "".
func (a *analysisState) cachingField(fn *ssa.Function) string {
	if fn == nil {
		return ""
	}
	if f, ok := a.caching[fn]; ok {
		return f
	}
	f := a.cachingFieldOf(fn)
	a.caching[fn] = f
	return f
}

func (a *analysisState) cachingFieldOf(fn *ssa.Function) string {
	if fn.Name() != "Retrieve" || fn.Signature.Recv() == nil || len(fn.Params) == 0 || len(fn.Blocks) == 0 {
		return ""
	}
	if a.userStruct(deref(fn.Params[0].Type())) == nil || !isPointer(fn.Params[0].Type()) {
		return ""
	}
	res := fn.Signature.Results()
	if res.Len() != 2 {
		return ""
	}
	if k, ok := typeKey(res.At(0).Type()); !ok || catalog.SnapshotTypes[k].Source.Label == "" {
		return ""
	}
	recv := fn.Params[0]
	stored := make(map[string]bool)
	returned := ""
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch v := instr.(type) {
			case *ssa.Store:
				if fa, ok := v.Addr.(*ssa.FieldAddr); ok && fa.X == recv {
					stored[structFieldName(fa.X.Type(), fa.Field)] = true
				}
			case *ssa.Return:
				if len(v.Results) > 0 && returned == "" {
					returned = recvField(v.Results[0], recv, 0)
				}
			case ssa.CallInstruction:
				if checksExpiry(v.Common()) {
					return ""
				}
			}
		}
	}
	if returned != "" && stored[returned] {
		return returned
	}
	return ""
}

// recvField returns the receiver field a value is loaded from (through
// pointer loads and merges), or "".
func recvField(v ssa.Value, recv *ssa.Parameter, depth int) string {
	if depth > 8 {
		return ""
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return ""
		}
		if fa, ok := x.X.(*ssa.FieldAddr); ok && fa.X == recv {
			return structFieldName(fa.X.Type(), fa.Field)
		}
		if al, ok := x.X.(*ssa.Alloc); ok {
			// A named result (with defers, results go through one):
			// what is stored in it.
			for _, ref := range *al.Referrers() {
				if st, ok := ref.(*ssa.Store); ok && st.Addr == al {
					if f := recvField(st.Val, recv, depth+1); f != "" {
						return f
					}
				}
			}
			return ""
		}
		return recvField(x.X, recv, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if f := recvField(e, recv, depth+1); f != "" {
				return f
			}
		}
	case *ssa.ChangeType:
		return recvField(x.X, recv, depth+1)
	}
	return ""
}

// checksExpiry reports whether a call looks at an expiry: the catalogue's
// expiry methods (aws.Credentials.Expired, IsExpired, ...) and time
// comparisons.
func checksExpiry(c *ssa.CallCommon) bool {
	var obj *types.Func
	if c.IsInvoke() {
		obj = c.Method
	} else if fn := c.StaticCallee(); fn != nil {
		obj, _ = fn.Object().(*types.Func)
	}
	if obj == nil {
		return false
	}
	if catalog.ExpiryMethods[obj.Name()] && obj.Signature().Recv() != nil {
		return true
	}
	if obj.Pkg() != nil && obj.Pkg().Path() == "time" {
		return catalog.TimeComparisons[obj.Name()]
	}
	return false
}
