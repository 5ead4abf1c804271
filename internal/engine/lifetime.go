package engine

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// How long frozen credentials live. The outage tokenlint exists for is a
// static provider kept for hours: stored in a field or a package
// variable, returned in a config or a client, handed to a goroutine. A
// static provider built from AssumeRole output and used for one call a
// few lines later, then dropped, fails only if that call runs after the
// session ends. escapeOf tells the two apart, for each staticcreds
// finding at a construction (Finding.Escape; "" is a one-shot use).

// maxEscapeDepth bounds the walk: past it a value is taken to escape.
const maxEscapeDepth = 24

// escapeOf returns how the provider built at v can outlive the function
// that built it ("returned", "stored in a field", ...), or "" if every
// use of it, and of the configs and clients built from it, is a call in
// that function. A call of a function of the user's that is passed the
// provider counts as an escape: tokenlint does not follow it here.
func escapeOf(v ssa.Value) string {
	seen := make(map[ssa.Value]bool)
	// storedAt: for a local object the provider is stored into, the
	// store; what is read from the object before it does not hold it.
	storedAt := make(map[ssa.Value]ssa.Instruction)
	var built *ssa.BasicBlock
	if in, ok := v.(ssa.Instruction); ok {
		built = in.Block()
	}
	var walk func(v ssa.Value, depth int) string
	walk = func(v ssa.Value, depth int) string {
		if depth > maxEscapeDepth {
			return "used beyond what tokenlint follows"
		}
		if seen[v] || !mayHoldProvider(v.Type()) {
			return ""
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return ""
		}
		from := storedAt[v]
		for _, r := range *refs {
			if from != nil && !reachableAfter(from, r) {
				continue // read before the provider was stored in it
			}
			if st, ok := r.(*ssa.Store); ok && st.Val == v {
				if root := localRoot(st.Addr); root != nil && !seen[root] {
					storedAt[root] = st
				}
			}
			if e := escapeAt(r, v, depth, walk); e != "" {
				return e
			}
			if _, ok := r.(ssa.CallInstruction); ok && built != nil && inLoopWithout(r.Block(), built) {
				// A worker's loop: the function itself lives on.
				return "used in a loop that runs on after it is built"
			}
		}
		return ""
	}
	return walk(v, 0)
}

// reachableAfter reports whether instruction r can run after from: later
// in its block, or in a block reachable from it.
func reachableAfter(from, r ssa.Instruction) bool {
	fb, rb := from.Block(), r.Block()
	if fb == nil || rb == nil {
		return true
	}
	if fb == rb {
		for _, in := range fb.Instrs {
			if in == from {
				return true // r comes later in the block
			}
			if in == r {
				return blockReaches(fb, fb, nil) // earlier: only if a loop comes back
			}
		}
	}
	return blockReaches(fb, rb, nil)
}

// inLoopWithout reports whether block b is on a cycle of its function's
// control flow that does not pass through block built: a use repeated
// for as long as a loop runs, on a provider built once before it.
func inLoopWithout(b, built *ssa.BasicBlock) bool {
	return b != nil && b != built && blockReaches(b, b, built)
}

// blockReaches reports whether control can go from block from (after it) to
// block to without passing through block avoid.
func blockReaches(from, to, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{avoid: true}
	work := append([]*ssa.BasicBlock(nil), from.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == to {
			return true
		}
		if !seen[x] {
			seen[x] = true
			work = append(work, x.Succs...)
		}
	}
	return false
}

// escapeAt is escapeOf's step: how instruction r, a use of v, lets v (or
// what is built from it) outlive the function.
func escapeAt(r ssa.Instruction, v ssa.Value, depth int, walk func(ssa.Value, int) string) string {
	switch r := r.(type) {
	case *ssa.Return:
		return "returned"
	case *ssa.Go:
		return "passed to a goroutine"
	case *ssa.Send:
		return "sent on a channel"
	case *ssa.MakeClosure:
		return "captured by a closure"
	case *ssa.MapUpdate:
		if root := localRoot(r.Map); root != nil {
			return walk(root, depth+1)
		}
		return "stored in a map"
	case *ssa.Store:
		if r.Val != v {
			return "" // v is where something is stored
		}
		root := localRoot(r.Addr)
		if root == nil {
			return storeWhere(r.Addr)
		}
		return walk(root, depth+1)
	case *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.Convert, *ssa.TypeAssert,
		*ssa.Phi, *ssa.UnOp, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Field, *ssa.Index, *ssa.Slice, *ssa.Extract,
		*ssa.MakeSlice, *ssa.Alloc:
		return walk(r.(ssa.Value), depth+1)
	case ssa.CallInstruction:
		return escapeInCall(r, v, depth, walk)
	}
	return ""
}

// escapeInCall: v is the callee, the receiver or an argument of a call.
// A call of the SDK or the standard library uses it; what it returns
// carries it only if it is a config, a client or a provider (an
// operation's output does not). A call of the user's may keep it.
func escapeInCall(r ssa.CallInstruction, v ssa.Value, depth int, walk func(ssa.Value, int) string) string {
	c := r.Common()
	if c.Value == v && !c.IsInvoke() {
		return "" // calling it
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		if call, ok := r.(*ssa.Call); ok && b.Name() == "append" {
			return walk(call, depth+1) // the slice holds it
		}
		return ""
	}
	var pkg string
	switch {
	case c.IsInvoke():
		if c.Method.Pkg() != nil {
			pkg = c.Method.Pkg().Path()
		}
	case c.StaticCallee() != nil:
		fn := c.StaticCallee()
		if fn.Origin() != nil {
			fn = fn.Origin()
		}
		if fn.Pkg != nil {
			pkg = fn.Pkg.Pkg.Path()
		} else if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() != nil {
			pkg = obj.Pkg().Path()
		}
	}
	if pkg == "" || !(catalog.IsSDK(pkg) || catalog.IsStdPath(pkg)) {
		name := "a function"
		if fn := c.StaticCallee(); fn != nil {
			name = fn.Name()
			if fn.Pkg != nil {
				name = fn.Pkg.Pkg.Name() + "." + name
			}
		}
		return "passed to " + name
	}
	call, ok := r.(*ssa.Call)
	if !ok {
		return "" // a deferred SDK call
	}
	if fn := c.StaticCallee(); fn != nil && fn.Pkg != nil {
		if _, ok := catalog.ServiceClientFunc(pkg, fn.Name(), fn.Pkg.Pkg.Name(), resultTypeName(c.Signature())); ok {
			return walk(call, depth+1) // a client built on it
		}
	}
	if t := call.Type(); holdsProvider(t) {
		return walk(call, depth+1)
	}
	if tup, ok := call.Type().(*types.Tuple); ok {
		for i := range tup.Len() {
			if holdsProvider(tup.At(i).Type()) {
				return walk(call, depth+1) // the Extracts filter by type
			}
		}
	}
	return ""
}

// localRoot returns the local allocation an address is inside (a struct
// literal, a slice's backing array), or nil for memory that outlives the
// function (a global, a field of a parameter or of a heap object read
// from elsewhere).
func localRoot(addr ssa.Value) ssa.Value {
	for range maxEscapeDepth {
		switch a := addr.(type) {
		case *ssa.Alloc:
			return a
		case *ssa.MakeMap, *ssa.MakeSlice:
			return a
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.Slice:
			addr = a.X
		default:
			return nil
		}
	}
	return nil
}

// storeWhere names memory that outlives the function, for messages.
func storeWhere(addr ssa.Value) string {
	if g := packageLevel(addr); g != nil {
		return "stored in the package-level variable " + g.Name()
	}
	if fa, ok := addr.(*ssa.FieldAddr); ok {
		return "stored in the field " + structFieldName(deref(fa.X.Type()), fa.Field)
	}
	return "stored beyond the function"
}

// mayHoldProvider reports whether a value of type t can hold a provider:
// not a number, a string, a boolean or an error.
func mayHoldProvider(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Basic); ok {
		return false
	}
	return !isError(t)
}

// holdsProvider reports whether an SDK or standard library call's result
// of type t can carry the provider passed to it, by the type's
// structure: t, or a part of it (a field at any depth, an element, what
// a pointer points to), is an interface other than error (a provider, or
// a client holding one, may be behind it) or a func (an option function
// that captured it). A config, a client, a session, a cache, a static
// provider can; an operation's output (strings, numbers, times, and
// metadata kept as empty interfaces) cannot.
func holdsProvider(t types.Type) bool {
	t = types.Unalias(t)
	if _, ok := t.Underlying().(*types.Interface); ok {
		return !isError(t)
	}
	return partHoldsProvider(t, make(map[types.Type]bool))
}

// partHoldsProvider is holdsProvider below the top: an empty interface in
// a part is the SDK's metadata, not a provider.
func partHoldsProvider(t types.Type, seen map[types.Type]bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Signature:
		return true
	case *types.Interface:
		return !isError(t) && !u.Empty()
	case *types.Pointer:
		return partHoldsProvider(u.Elem(), seen)
	case *types.Slice:
		return partHoldsProvider(u.Elem(), seen)
	case *types.Array:
		return partHoldsProvider(u.Elem(), seen)
	case *types.Chan:
		return partHoldsProvider(u.Elem(), seen)
	case *types.Map:
		return partHoldsProvider(u.Key(), seen) || partHoldsProvider(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if partHoldsProvider(u.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}
