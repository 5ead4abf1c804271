package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// constString returns the value of a string constant, or "".
func constString(v ssa.Value) string {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value)
	}
	return ""
}

// constStrings returns the possible values of a string built from
// constants (a constant, a phi of constants, a concatenation), or nil.
func constStrings(v ssa.Value) []string {
	vs, ok := constStringsOf(v, make(map[ssa.Value]bool), false)
	if !ok || len(vs) == 0 {
		return nil
	}
	return vs
}

// maxConstStrings bounds the values a string built from constants may
// take before it counts as unknown (concatenations multiply them).
const maxConstStrings = 64

// constStringsOf is constStrings with the values on the current path, for
// loops: a phi that refers back to itself through other phis adds no
// value (the set is that of its other edges), but one that refers back
// through a concatenation ("AWS_" + "X" + ...) has no finite set of values.
func constStringsOf(v ssa.Value, onPath map[ssa.Value]bool, viaOp bool) ([]string, bool) {
	if onPath[v] {
		return nil, !viaOp
	}
	onPath[v] = true
	defer delete(onPath, v)
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.String {
			return []string{constant.StringVal(v.Value)}, true
		}
	case *ssa.Phi:
		var out []string
		for _, e := range v.Edges {
			vs, ok := constStringsOf(e, onPath, viaOp)
			if !ok || len(out)+len(vs) > maxConstStrings {
				return nil, false
			}
			out = append(out, vs...)
		}
		slices.Sort(out)
		return slices.Compact(out), true
	case *ssa.BinOp:
		if v.Op == token.ADD {
			xs, okx := constStringsOf(v.X, onPath, true)
			ys, oky := constStringsOf(v.Y, onPath, true)
			if !okx || !oky || len(xs)*len(ys) > maxConstStrings {
				return nil, false
			}
			var out []string
			for _, x := range xs {
				for _, y := range ys {
					out = append(out, x+y)
				}
			}
			return out, true
		}
	case *ssa.ChangeType:
		return constStringsOf(v.X, onPath, viaOp)
	}
	return nil, false
}

// provablyEmpty reports whether a string value is the constant "".
func provablyEmpty(v ssa.Value) bool {
	vs := constStrings(v)
	if len(vs) == 0 {
		return false
	}
	for _, s := range vs {
		if s != "" {
			return false
		}
	}
	return true
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// underlyingValue sees through the boxing of a value in an interface.
func underlyingValue(v ssa.Value) ssa.Value {
	for range 4 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		}
		break
	}
	return v
}
