package engine

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Stores left to the callers: a store through a parameter of a function
// that only direct calls in the package reach is applied by each caller,
// at its argument's sites (sites.go), instead of going to every instance
// of the type.

// returnsFrom reports whether a return is reachable from block b: a
// store in a block that is not (a worker's endless loop) never reaches
// the callers through the function's summary.
func (a *analysisState) returnsFrom(b *ssa.BasicBlock) bool {
	if b == nil {
		return false
	}
	fn := b.Parent()
	if a.sites.returning == nil {
		a.sites.returning = make(map[*ssa.Function]map[*ssa.BasicBlock]bool)
	}
	r, ok := a.sites.returning[fn]
	if !ok {
		r = make(map[*ssa.BasicBlock]bool)
		var work []*ssa.BasicBlock
		for _, blk := range fn.Blocks {
			if _, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
				r[blk] = true
				work = append(work, blk)
			}
		}
		for len(work) > 0 {
			x := work[len(work)-1]
			work = work[:len(work)-1]
			for _, p := range x.Preds {
				if !r[p] {
					r[p] = true
					work = append(work, p)
				}
			}
		}
		a.sites.returning[fn] = r
	}
	return r[b]
}

// funcRef notes a reference to f by instr's operand op.
func (a *analysisState) funcRef(instr ssa.Instruction, op *ssa.Value, f *ssa.Function) {
	if f.Synthetic != "" {
		// A bound method value, a method expression's thunk, a wrapper:
		// the method it calls may be called from anywhere.
		name, _, _ := strings.Cut(f.Name(), "$")
		a.sites.dynamicNames[name] = true
		return
	}
	if c, ok := instr.(*ssa.Call); ok && op == &c.Call.Value {
		a.sites.called[f] = true
		return
	}
	a.sites.dynamic[f] = true
}

// callersStore reports whether the stores through parameter p may be left
// to the callers: p's function is called, and only by static calls in
// this package (unexported, never a func value, a goroutine, a deferred
// call, a method value or through an interface), each of which applies
// its summary's writes through the parameter at the caller's argument,
// at the argument's sites (calls.go). A store through the parameter then
// does not go to every instance of the type. (A function nobody calls
// yet keeps its stores on the heap: code being written is checked as if
// it were called from anywhere.)
func (a *analysisState) callersStore(p *ssa.Parameter) bool {
	fn := p.Parent()
	if fn == nil || fn.Pkg != a.pkg || fn.Parent() != nil || fn.Synthetic != "" {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Exported() || !isRef(p.Type()) {
		return false
	}
	if i := slices.Index(fn.Params, p); i < 0 || i >= maxParams {
		return false
	}
	if k, ok := memberKey(obj); ok && a.cat.Known(k) {
		return false // the user's catalogue describes it: no summary applies
	}
	a.scanRefs()
	return a.sites.called[fn] && !a.sites.dynamic[fn] && !a.sites.dynamicNames[obj.Name()]
}
