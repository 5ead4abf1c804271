package engine

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// Credentials carried in a context.Context: context.WithValue(ctx, k, v)
// returns a context that holds v under its key, and ctx.Value(k) reads
// back what was stored under that key, through helpers, goroutines and
// packages as any field is followed. Keys are told apart by type (and,
// for a constant key, by value): a context that holds the credentials
// and a request id yields the request id without them.

// ctxSlot is where the package keeps what any context holds under a key
// of a named type of the user's: a context that reaches a function as a
// parameter (a job started with the request's context) yields what was
// stored under the key anywhere, as a field of a struct parameter yields
// what its type's heap holds.
func (s *funcState) ctxSlot(key ssa.Value) (place, bool) {
	k := underlyingValue(key)
	named, ok := types.Unalias(k.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || s.a.foreign(named.Obj().Pkg().Path()) {
		return place{}, false
	}
	return place{hbase: named.Obj(), hpath: ctxSlotPath, mask: catalog.PartsAll}, true
}

// ctxSlotPath is the heap path of what contexts hold under a key type.
const ctxSlotPath = ".(context value)"

// ctxPath is the field path a context value is kept under.
func ctxPath(key ssa.Value) string {
	k := underlyingValue(key)
	name := types.TypeString(k.Type(), nil)
	if c, ok := k.(*ssa.Const); ok && c.Value != nil {
		if c.Value.Kind() == constant.String {
			name += "=" + constant.StringVal(c.Value)
		} else {
			name += "=" + c.Value.ExactString()
		}
	}
	return ".ctx(" + strings.NewReplacer(".", "·", "[", "‹", "]", "›").Replace(name) + ")"
}

// withValue is context.WithValue: the parent's values and the new one.
func (s *funcState) withValue(args []ssa.Value, res []rtaint) {
	if len(args) != 3 || len(res) != 1 {
		return
	}
	parent := s.shape(args[0])
	r := rtaint{whole: parent.whole, fields: make(map[string]taint, len(parent.fields)+1)}
	for p, t := range parent.fields {
		r.fields[p] = t
	}
	p := ctxPath(args[1])
	v := s.shape(underlyingValue(args[2])).joinAll()
	r.fields[p] = join(r.fields[p], v)
	res[0] = joinR(res[0], r)
	if slot, ok := s.ctxSlot(args[1]); ok {
		s.write(slot, underlyingValue(args[2]).Type(), rtaint{whole: v}, false)
	}
}

// ctxValue is ctx.Value(key): what was stored under the key.
func (s *funcState) ctxValue(ctx, key ssa.Value, res []rtaint) {
	if len(res) != 1 {
		return
	}
	if t, ok := s.shape(ctx).fields[ctxPath(key)]; ok {
		res[0].whole = join(res[0].whole, t)
		return
	}
	if slot, ok := s.ctxSlot(key); ok {
		res[0].whole = join(res[0].whole, s.read(slot, readUnder))
	}
}

// derivedContext is context.WithCancel, WithTimeout, WithoutCancel, ...:
// the derived context holds its parent's values.
func (s *funcState) derivedContext(sig *types.Signature, args []ssa.Value, res []rtaint) {
	if len(args) > 0 && len(res) > 0 && isContext(args[0].Type()) && isContext(sig.Results().At(0).Type()) {
		res[0] = joinR(res[0], s.shape(args[0]))
	}
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	k, ok := typeKey(t)
	return ok && k.Pkg == "context" && k.Name == "Context"
}

// isContextValue reports whether c calls the Value method of a
// context.Context.
func isContextValue(c *ssa.CallCommon) bool {
	if !c.IsInvoke() || c.Method.Name() != "Value" || len(c.Args) != 1 {
		return false
	}
	return isContext(c.Value.Type())
}
