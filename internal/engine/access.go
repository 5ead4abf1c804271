package engine

import (
	"go/token"
	"go/types"
	"maps"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// A rootClass says how the function's memory below a root object is kept.
type rootClass int

const (
	// classRef: a parameter, a free variable, a call result or another
	// value the function did not allocate. Stores through it are kept in
	// program order (they become the function's writes through its
	// parameters), and also go to the heap; reads see both.
	classRef rootClass = iota
	// classLocal: an object allocated here that never escapes (a local
	// struct, map or slice): kept in program order, off the heap.
	classLocal
	// classEscaping: an object allocated here whose address escapes (it
	// is stored, returned, sent, put in an interface): kept in program
	// order for this function's reads, and its stores also go to the
	// heap, for the others.
	classEscaping
	// classCaptured: a variable captured by a closure, which may write
	// and read it at any time: its stores are joined in any order.
	classCaptured
	// classGlobalInit: a package-level variable while the package
	// initializer runs: kept in program order, and on the heap.
	classGlobalInit
)

// classOf classifies a root object.
func (s *funcState) classOf(root ssa.Value) rootClass {
	if c, ok := s.class[root]; ok {
		return c
	}
	c := classRef
	switch r := root.(type) {
	case *ssa.Alloc:
		c = allocClass(r)
	case *ssa.MakeMap, *ssa.MakeChan, *ssa.MakeSlice:
		c = allocClass(r)
	case *ssa.Global:
		if s.fi.initPhase {
			c = classGlobalInit
		}
	}
	s.class[root] = c
	return c
}

// allocClass classifies an object allocated in the function by the uses
// of its address (and of the addresses of its fields and elements).
func allocClass(v ssa.Value) rootClass {
	c := classLocal
	seen := make(map[ssa.Value]bool)
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		if seen[v] || c == classCaptured {
			return
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return
		}
		for _, ref := range *refs {
			switch r := ref.(type) {
			case *ssa.FieldAddr:
				visit(r)
			case *ssa.IndexAddr:
				visit(r)
			case *ssa.Slice:
				visit(r)
			case *ssa.UnOp, *ssa.DebugRef, *ssa.Call, *ssa.Lookup, *ssa.Range:
				// Loads, and calls (their effects come from summaries).
			case *ssa.Store:
				if r.Val == v {
					c = classEscaping
				}
			case *ssa.MapUpdate:
				if r.Value == v || r.Key == v {
					c = classEscaping
				}
			case *ssa.MakeClosure:
				c = classCaptured
			default:
				// Returned, sent, converted to an interface, merged by a
				// phi, passed to go or defer: reachable from elsewhere.
				c = classEscaping
			}
		}
	}
	visit(v)
	return c
}

// readsHeap reports whether a read below root also sees the heap: the
// objects the function did not allocate, which other functions may have
// written.
func readsHeap(c rootClass, root ssa.Value) bool {
	return root == nil || c == classRef
}

// writesHeap reports whether a store below root also goes to the heap.
func writesHeap(c rootClass, root ssa.Value) bool {
	return root == nil || c != classLocal
}

// memPaths returns the function's memory below root at this point.
func (s *funcState) memPaths(root ssa.Value, c rootClass) paths {
	if c == classCaptured {
		return s.ever[root]
	}
	return s.cur[root]
}

// readMode selects which entries a read joins.
type readMode int

const (
	readUnder readMode = iota // the value and its parts
	readAbove                 // the value as a whole (a struct's fields are read one by one)
	readBelow                 // a field: what is stored at it and below
)

func (ps paths) read(path string, m readMode) taint {
	switch m {
	case readAbove:
		return ps.above(path)
	case readBelow:
		return ps.below(path)
	}
	return ps.under(path)
}

// read returns what is stored at p.
func (s *funcState) read(p place, m readMode) taint {
	if p.mask == 0 {
		return taint{} // a field of an SDK struct that carries no credential
	}
	t := s.readPlace(p, m)
	if p.mask == catalog.PartsAll {
		t = userFieldParts(t, p.path)
	}
	if p.secret != 0 {
		t.secret |= p.secret
		t.secretFrom = minLabel(t.secretFrom, p.secretOf)
	}
	return t
}

func (s *funcState) readPlace(p place, m readMode) taint {
	var t taint
	if p.root != nil {
		c := s.classOf(p.root)
		t = s.memPaths(p.root, c).read(p.path, m)
		if m != readBelow || p.path == "" {
			rw := s.rootWhole(p.root)
			if idx, ok := s.paramIndex(p.root); ok && p.path != "" && rw.params == 1<<idx && idx < maxParams {
				// A field read through a parameter: the caller's
				// object at that path (parampaths.go).
				pt := pathTaint(idx, p.path)
				rw.pathOnly, rw.ppaths = pt.pathOnly, pt.ppaths
			}
			t = join(t, rw)
		}
		t = join(t, s.fields[p.root].read(p.path, m))
		if !readsHeap(c, p.root) {
			return masked(t, p.mask)
		}
	}
	if p.hbase != nil {
		t = join(t, s.a.heapRead(p.hbase, p.sites, p.hpath, m))
		t = join(t, s.a.importedPaths(p.hbase).read(p.hpath, m))
	}
	return masked(t, p.mask)
}

func masked(t taint, mask uint8) taint {
	if mask != catalog.PartsAll {
		t = narrow(t, mask)
	}
	return t
}

// load records the value read from p by v.
func (s *funcState) load(v ssa.Value, p place) { s.setR(v, s.readShape(p, v.Type())) }

// readShape reads a value of type typ from p: a struct is read field by
// field, so that its fields keep their own taints (an expiry kept beside
// a token is not a token).
func (s *funcState) readShape(p place, typ types.Type) rtaint {
	st, ok := types.Unalias(typ).Underlying().(*types.Struct)
	if !ok {
		return rtaint{whole: s.read(p, readUnder)}
	}
	r := rtaint{whole: s.read(p, readAbove)}
	for i := range st.NumFields() {
		name := st.Field(i).Name()
		if t := s.read(p.field(s.a, typ, name), readBelow); !t.empty() {
			if r.fields == nil {
				r.fields = make(map[string]taint)
			}
			r.fields["."+name] = t
		}
	}
	return r
}

// write stores a value of shape r and type typ at p. A store that
// overwrites a whole object in program order kills what was there.
func (s *funcState) write(p place, typ types.Type, r rtaint, strong bool) {
	s.writeTo(p, typ, r, strong, nil)
}

// writeTo is write, for a pointer value whose pointee is at the sites
// given (nil: unknown): the fields of r are the pointee's.
func (s *funcState) writeTo(p place, typ types.Type, r rtaint, strong bool, ptee *siteSet) {
	c := classRef
	if p.root != nil {
		c = s.classOf(p.root)
		switch c {
		case classCaptured:
			if s.ever[p.root] == nil {
				s.ever[p.root] = make(paths)
			}
			if s.ever[p.root].weakSet(p.path, r.whole) {
				s.dirty, s.everChanged = true, true
			}
			for q, t := range r.fields {
				if s.ever[p.root].weakSet(p.path+q, t) {
					s.dirty, s.everChanged = true, true
				}
			}
		default:
			s.setCur(p.root, p.path, r.whole, strong && !hasElem(p.path))
			for q, t := range r.fields {
				s.setCur(p.root, p.path+q, t, false)
			}
		}
	}
	if p.hbase == nil || !writesHeap(c, p.root) {
		return
	}
	if prm, ok := p.root.(*ssa.Parameter); ok && s.a.callersStore(prm) && s.a.returnsFrom(s.block) {
		return // each caller stores it at its argument's sites
	}
	s.a.heap.store(p.hbase, p.sites, p.hpath, s.addHop(r.whole, s.pos, "stored in "+heapName(p.hbase, p.hpath)))
	if isPointer(typ) {
		p.sites = ptee
	}
	for q, t := range r.fields {
		d := p.descend(s.a, typ, q)
		if d.hbase != nil {
			s.a.heap.store(d.hbase, d.sites, d.hpath, s.addHop(t, s.pos, "stored in "+heapName(d.hbase, d.hpath)))
		}
	}
}

// heapName names a place on the heap in messages: "Worker.creds",
// "sessions[]".
func heapName(base heapBase, path string) string {
	if path == ctxSlotPath {
		return "a context, under the key " + base.Name()
	}
	return base.Name() + path
}

// hasElem reports whether a path goes through elements of a slice, map
// or channel: such a place stands for many, and is never overwritten.
func hasElem(path string) bool {
	for i := 0; i+1 < len(path); i++ {
		if path[i] == '[' && path[i+1] == ']' {
			return true
		}
	}
	return false
}

// store writes the value val at address addr.
func (s *funcState) store(addr, val ssa.Value) {
	s.writeTo(s.placeOf(addr), val.Type(), s.shape(val), true, s.a.sitesOf(val))
}

// get returns the taint of a value as a whole. For addresses and other
// references it is the taint of what they point to.
func (s *funcState) get(v ssa.Value) taint {
	switch v := v.(type) {
	case nil, *ssa.Const, *ssa.Builtin:
		return taint{}
	case *ssa.Function:
		return taint{fns: fnSetOf(v)}
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		if fn == nil {
			return taint{}
		}
		return taint{fns: fnSetOf(fn)}
	case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Global:
		return s.read(s.placeOf(v), readUnder)
	case *ssa.Alloc:
		return s.read(place{root: v, mask: catalog.PartsAll}, readUnder)
	}
	t := join(s.vals[v], s.fields[v].under(""))
	if isRef(v.Type()) {
		p := s.placeOf(v)
		if p.root != v || p.hbase != nil {
			t = join(t, s.read(p, readUnder))
		} else {
			t = join(t, s.memPaths(v, s.classOf(v)).under(""))
			if tn := s.a.userStruct(deref(v.Type())); tn != nil && readsHeap(s.classOf(v), v) {
				t = join(t, s.a.heapRead(tn, s.a.sitesOf(v), "", readUnder))
			}
		}
	}
	return t
}

// isRef reports whether values of type t refer to memory: pointers,
// slices, maps and channels.
func isRef(t types.Type) bool {
	switch types.Unalias(t).Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan:
		return true
	}
	return false
}

// rootWhole is what a root object is as a whole.
func (s *funcState) rootWhole(root ssa.Value) taint {
	if al, ok := root.(*ssa.Alloc); ok {
		return s.allocWhole(al)
	}
	return s.vals[root]
}

// allocWhole is what an allocation is as a whole, beyond what is stored
// in it: a static provider (or a provider type of the user's that returns
// what it was built with) is frozen by what it holds.
func (s *funcState) allocWhole(al *ssa.Alloc) taint {
	t := s.vals[al]
	if s.staticProviderType(al.Type()) != "" {
		held := s.memPaths(al, s.classOf(al)).under("")
		if f := frozenLabel(held, allocHasToken(al)); f != "" {
			t = freeze(t, f, s.frozenTrail(held, al.Pos(), "frozen in "+s.staticProviderType(al.Type())))
		}
		t.frozenSrcIf |= held.params
	}
	if label := s.cachingForever(al.Type()); label != "" {
		t = freeze(t, label, s.frozenTrail(taint{}, al.Pos(), "made here: "+label))
	}
	return t
}

// fieldOf returns the taint of field name of struct value x.
func (s *funcState) fieldOf(x ssa.Value, name string) taint {
	st := x.Type()
	mask := uint8(catalog.PartsAll)
	var secret uint8
	var secretOf string
	if sdkStruct(st) {
		mask = catalog.FieldParts[name]
		if mask == 0 {
			return taint{}
		}
		secret, secretOf = secretField(st, name)
	}
	t := join(s.vals[x], s.fields[x].below("."+name))
	t = join(t, s.memPaths(x, s.classOf(x)).under("."+name))
	t = join(t, s.callerStruct(x).below("."+name))
	t = masked(t, mask)
	if mask == catalog.PartsAll {
		t = userFieldParts(t, "."+name)
	}
	if secret != 0 {
		t.secret |= secret
		t.secretFrom = minLabel(t.secretFrom, secretOf)
	}
	return t
}

// callerStruct returns, for a struct value of the user's type that the
// caller passes (a parameter, a value receiver, a captured variable),
// what the heap says its fields hold: the caller's object is one of all
// the instances the heap stands for.
func (s *funcState) callerStruct(v ssa.Value) paths {
	switch v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
	default:
		return nil
	}
	tn := s.a.userStruct(v.Type())
	if tn == nil {
		return nil
	}
	own, imp := s.a.heapPaths(tn), s.a.importedPaths(tn)
	if len(imp) == 0 {
		return own
	}
	out := maps.Clone(own)
	if out == nil {
		out = make(paths)
	}
	for p, t := range imp {
		out.weakSet(p, t)
	}
	return out
}

// addrPos returns a position for a store's finding.
func addrPos(st *ssa.Store) token.Pos {
	if st.Pos().IsValid() {
		return st.Pos()
	}
	if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
		return fa.Pos()
	}
	return token.NoPos
}
