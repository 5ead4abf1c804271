package engine

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Allocation sites: which objects a pointer may point to, within the
// package, so that two instances of one struct type keep their own
// provenance on the heap (memory.go).
//
// A site names the objects made by one allocation (an Alloc of this
// package: every &T{...} and new(T) one instruction makes share it), or
// a package-level variable's own storage. A pointer's sites are known
// when every value it may hold is traced, through phis, conversions, the
// results of the package's own functions, and the package-level variables
// and unexported fields that only its own code assigns, to allocations;
// otherwise they are unknown (a parameter, an exported field's value, a
// map's element, an interface, another package's result). A store through a pointer of known sites goes to
// those sites; one through an unknown pointer, to every instance of the
// type; a read through known sites sees those sites and the stores
// through unknown pointers, and one through an unknown pointer sees
// everything. Facts for other packages keep the type-level union.

// A siteSet is a set of sites; a nil *siteSet is unknown. A store
// through the pointer goes to the sites in writes; a read sees those in
// reads, which holds writes and, for the fresh result of a call, the
// sites the callee stored into before it returned the object (fresh).
// (Reads join what the sites hold, so the order does not matter.)
type siteSet struct {
	writes, reads []ssa.Value
}

var noSites = &siteSet{}

func oneSite(v ssa.Value) *siteSet { return &siteSet{writes: []ssa.Value{v}, reads: []ssa.Value{v}} }

// union joins two site sets; unknown absorbs.
func (s *siteSet) union(o *siteSet) *siteSet {
	if s == nil || o == nil {
		return nil
	}
	if len(o.reads) == 0 {
		return s
	}
	if len(s.reads) == 0 {
		return o
	}
	return &siteSet{writes: unionValues(s.writes, o.writes), reads: unionValues(s.reads, o.reads)}
}

func unionValues(a, b []ssa.Value) []ssa.Value {
	out := slices.Clone(a)
	for _, v := range b {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// siteState memoizes the sites of values, of functions' results and of
// package-level variables.
type siteState struct {
	vals    map[ssa.Value]*siteSet
	results map[*ssa.Function][]fnResult
	globals map[*ssa.Global]*siteSet
	// assigned lists, per package-level variable of the package, the
	// values its own code stores into it; nil for one whose address is
	// used otherwise, or that other packages may assign (exported).
	assigned map[*ssa.Global][]ssa.Value
	// dynamic holds the functions of the package referred to other than
	// as the callee of a call (a func value, a goroutine, a deferred
	// call), and the names of methods called through an interface or
	// taken as a method value or expression.
	dynamic      map[*ssa.Function]bool
	dynamicNames map[string]bool
	called       map[*ssa.Function]bool
	scanned      bool
	// fieldVals lists, per unexported pointer field of the package's
	// struct types, the values the package stores into it (nil: its
	// address is used otherwise); fields memoizes their sites.
	fieldVals map[*types.Var][]ssa.Value
	fields    map[*types.Var]*siteSet
	// returning memoizes, per function, the blocks a return is
	// reachable from.
	returning map[*ssa.Function]map[*ssa.BasicBlock]bool
}

// sitesOf returns the sites a pointer value may point to, nil if not
// known.
func (a *analysisState) sitesOf(v ssa.Value) *siteSet {
	if s, ok := a.sites.vals[v]; ok {
		return s
	}
	if a.sites.vals == nil {
		a.sites.vals = make(map[ssa.Value]*siteSet)
	}
	// A value met again while its own sites are being computed (through
	// a function's results, a variable or a field that it flows into) is
	// unknown there: what was computed from it is sound, if less precise.
	// The phis of a loop, the common cycle, are solved whole (computeSites).
	a.sites.vals[v] = nil
	s := a.computeSites(v)
	a.sites.vals[v] = s
	return s
}

func (a *analysisState) computeSites(v ssa.Value) *siteSet {
	switch v := v.(type) {
	case *ssa.Alloc:
		return oneSite(v)
	case *ssa.Global:
		if v.Pkg == a.pkg {
			return oneSite(v)
		}
	case *ssa.Const:
		if v.IsNil() {
			return noSites
		}
	case *ssa.ChangeType:
		return a.sitesOf(v.X)
	case *ssa.Phi:
		// The phis reachable through phis, solved together: the sites
		// of every value that flows into one of them.
		s := noSites
		seen := make(map[ssa.Value]bool)
		work := []ssa.Value{v}
		for len(work) > 0 {
			x := work[len(work)-1]
			work = work[:len(work)-1]
			if seen[x] {
				continue
			}
			seen[x] = true
			if p, ok := x.(*ssa.Phi); ok {
				work = append(work, p.Edges...)
				continue
			}
			if s = s.union(a.sitesOf(x)); s == nil {
				return nil
			}
		}
		return s
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		switch x := v.X.(type) {
		case *ssa.Global:
			return a.globalSites(x)
		case *ssa.FieldAddr:
			return a.fieldSites(fieldVar(x))
		}
	case *ssa.Call:
		return a.callSites(v, v, 0)
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return a.callSites(v, c, v.Index)
		}
	}
	return nil
}

// callSites returns the sites of result i of call c, taken by the value
// v (c itself, or its Extract). The fresh result of a call is an object
// of its own, named by v: what the caller and its callers store through
// it is kept apart from what other calls of the same function return,
// and a read also sees what the callee stored before returning it.
func (a *analysisState) callSites(v ssa.Value, c *ssa.Call, i int) *siteSet {
	r := a.result(c, i)
	if r.sites == nil || !r.fresh {
		return r.sites
	}
	return &siteSet{writes: []ssa.Value{v}, reads: unionValues([]ssa.Value{v}, r.sites.reads)}
}

// A fnResult is what one result of a function points to: its sites, and
// whether every object it returns is fresh (reachable, once returned,
// only through the result: the function did not store it, or pass it,
// anywhere).
type fnResult struct {
	sites *siteSet
	fresh bool
}

// result returns what result i of a call points to: known for a static
// call of one of the package's functions.
func (a *analysisState) result(c *ssa.Call, i int) fnResult {
	fn := c.Call.StaticCallee()
	if fn == nil || fn.Pkg != a.pkg || len(fn.Blocks) == 0 || len(fn.FreeVars) > 0 {
		return fnResult{}
	}
	rs, ok := a.sites.results[fn]
	if !ok {
		rs = a.computeResults(fn)
	}
	if i < len(rs) {
		return rs[i]
	}
	return fnResult{}
}

func (a *analysisState) computeResults(fn *ssa.Function) []fnResult {
	if a.sites.results == nil {
		a.sites.results = make(map[*ssa.Function][]fnResult)
	}
	n := fn.Signature.Results().Len()
	out := make([]fnResult, n)
	for k := range out {
		out[k] = fnResult{sites: noSites, fresh: true}
	}
	// A recursive call, met while the results are computed, returns
	// something unknown.
	a.sites.results[fn] = make([]fnResult, n)
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for k, r := range ret.Results {
				out[k].sites = out[k].sites.union(a.sitesOf(r))
				out[k].fresh = out[k].fresh && a.freshReturned(r, make(map[ssa.Value]bool))
			}
		}
	}
	a.sites.results[fn] = out
	return out
}

// freshReturned reports whether v, returned, is nil or a fresh object:
// an allocation, or the fresh result of a call, that the function only
// loads from, stores into and returns.
func (a *analysisState) freshReturned(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.Alloc:
		return onlyLocalUses(v, seen)
	case *ssa.Call:
		return onlyLocalUses(v, seen) && a.result(v, 0).fresh
	case *ssa.Extract:
		c, ok := v.Tuple.(*ssa.Call)
		return ok && onlyLocalUses(v, seen) && a.result(c, v.Index).fresh
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !a.freshReturned(e, seen) {
				return false
			}
		}
		return onlyLocalUses(v, seen)
	}
	return false
}

// onlyLocalUses reports whether the pointer v is only loaded from,
// stored into (through its fields and elements too), merged by a phi and
// returned: no other pointer to its object is made.
func onlyLocalUses(v ssa.Value, seen map[ssa.Value]bool) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		switch r := ref.(type) {
		case *ssa.Return, *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if r.Val == v {
				return false
			}
		case *ssa.FieldAddr, *ssa.IndexAddr:
			if !onlyLocalUses(r.(ssa.Value), seen) {
				return false
			}
		case *ssa.Phi:
			if !seen[r] {
				seen[r] = true
				if !onlyLocalUses(r, seen) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// globalSites returns the sites the pointer a package-level variable
// holds may point to: those of every value the package stores into it.
func (a *analysisState) globalSites(g *ssa.Global) *siteSet {
	if s, ok := a.sites.globals[g]; ok {
		return s
	}
	if a.sites.globals == nil {
		a.sites.globals = make(map[*ssa.Global]*siteSet)
	}
	a.sites.globals[g] = nil // unknown while computed (sitesOf)
	vals, ok := a.globalStores()[g]
	s := noSites // never assigned: nil
	if ok && vals == nil {
		s = nil
	} else {
		for _, v := range vals {
			if s = s.union(a.sitesOf(v)); s == nil {
				break
			}
		}
	}
	if g.Pkg != a.pkg || (g.Object() != nil && g.Object().Exported()) {
		s = nil
	}
	a.sites.globals[g] = s
	return s
}

// globalStores indexes the stores into the package's variables; a
// variable whose address is used other than to store into it or load
// from it maps to nil.
func (a *analysisState) globalStores() map[*ssa.Global][]ssa.Value {
	a.scanRefs()
	return a.sites.assigned
}

// scanRefs reads, once, how the package's code refers to its variables
// and functions.
func (a *analysisState) scanRefs() {
	if a.sites.scanned {
		return
	}
	a.sites.scanned = true
	m := make(map[*ssa.Global][]ssa.Value)
	escaped := make(map[*ssa.Global]bool)
	a.sites.dynamic = make(map[*ssa.Function]bool)
	a.sites.called = make(map[*ssa.Function]bool)
	a.sites.dynamicNames = make(map[string]bool)
	var ops []*ssa.Value
	a.sites.fieldVals = make(map[*types.Var][]ssa.Value)
	for _, fn := range a.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if fa, ok := instr.(*ssa.FieldAddr); ok {
					a.fieldRef(fa)
				}
				if c, ok := instr.(ssa.CallInstruction); ok && c.Common().IsInvoke() {
					a.sites.dynamicNames[c.Common().Method.Name()] = true
				}
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if f, ok := (*op).(*ssa.Function); ok {
						a.funcRef(instr, op, f)
						continue
					}
					g, ok := (*op).(*ssa.Global)
					if !ok || g.Pkg != a.pkg {
						continue
					}
					switch instr := instr.(type) {
					case *ssa.Store:
						if instr.Addr == g {
							m[g] = append(m[g], instr.Val)
							continue
						}
					case *ssa.UnOp:
						if instr.Op == token.MUL {
							continue
						}
					case *ssa.DebugRef:
						continue
					}
					escaped[g] = true
				}
			}
		}
	}
	for g := range escaped {
		m[g] = nil
	}
	a.sites.assigned = m
}

// fieldRef notes the uses of a field's address: stores into it record
// the value, loads are reads, anything else (the address passed or kept)
// makes the field's values unknown.
func (a *analysisState) fieldRef(fa *ssa.FieldAddr) {
	f := fieldVar(fa)
	if f == nil || !isPointer(f.Type()) {
		return
	}
	vals, seen := a.sites.fieldVals[f]
	if seen && vals == nil {
		return
	}
	if vals == nil {
		vals = []ssa.Value{} // assigned nowhere yet
	}
	for _, ref := range *fa.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr == fa && r.Val != fa {
				vals = append(vals, r.Val)
				continue
			}
		case *ssa.UnOp:
			if r.Op == token.MUL {
				continue
			}
		case *ssa.DebugRef:
			continue
		}
		a.sites.fieldVals[f] = nil
		return
	}
	a.sites.fieldVals[f] = vals
}

// fieldVar returns the field a FieldAddr addresses (of the generic type,
// for an instance of one).
func fieldVar(fa *ssa.FieldAddr) *types.Var {
	st, ok := types.Unalias(deref(fa.X.Type())).Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field).Origin()
}

// fieldSites returns the sites the pointer a field holds may point to:
// for an unexported field of one of the package's types, those of every
// value the package stores into it (no other package can set it).
func (a *analysisState) fieldSites(f *types.Var) *siteSet {
	if f == nil || f.Exported() || f.Pkg() != a.pass.Pkg {
		return nil
	}
	if s, ok := a.sites.fields[f]; ok {
		return s
	}
	if a.sites.fields == nil {
		a.sites.fields = make(map[*types.Var]*siteSet)
	}
	a.sites.fields[f] = nil // unknown while computed (sitesOf)
	a.scanRefs()
	vals, ok := a.sites.fieldVals[f]
	s := noSites // never assigned: nil
	if ok && vals == nil {
		s = nil
	} else {
		for _, v := range vals {
			if s = s.union(a.sitesOf(v)); s == nil {
				break
			}
		}
	}
	a.sites.fields[f] = s
	return s
}
