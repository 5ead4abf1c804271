package engine

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// stdContainer follows the standard library's generic map and slice
// helpers (catalog.StdContainers): the elements they copy keep what they
// carry, in the container they are copied to, as a range-copy loop's
// MapUpdate or a copy builtin would keep them. value is the call's result.
func (s *funcState) stdContainer(op catalog.StdContainer, c *ssa.CallCommon, name string, value ssa.Value, args []ssa.Value) {
	elems := func(v ssa.Value) (rtaint, types.Type, bool) {
		if !isContainer(v.Type()) {
			return rtaint{}, nil, false
		}
		et := elemType(v.Type())
		r := s.readShape(s.placeOf(v).elem(), et)
		r.whole = s.addHop(r.whole, c.Pos(), "copied by "+name)
		return r, et, true
	}
	switch op {
	case catalog.CopyInto:
		if len(args) == 2 {
			if r, et, ok := elems(args[1]); ok {
				s.write(s.placeOf(args[0]).elem(), et, r, false)
			}
		}
	case catalog.ElemsOf:
		if value == nil || !isContainer(value.Type()) {
			return
		}
		to := s.placeOf(value).elem()
		et := elemType(value.Type())
		for i, a := range args {
			if r, _, ok := elems(a); ok && types.Identical(a.Type().Underlying(), value.Type().Underlying()) {
				s.write(to, et, r, false)
			} else if i > 0 {
				_, xs := sliceElems(a) // slices.Insert(s, i, v...)
				for _, x := range xs {
					s.write(to, et, s.shape(x), false)
				}
			}
		}
	case catalog.ElemsOfEach:
		if value == nil || !isContainer(value.Type()) || len(args) != 1 {
			return
		}
		to := s.placeOf(value).elem()
		et := elemType(value.Type())
		if _, xs := sliceElems(args[0]); xs != nil {
			for _, x := range xs {
				if r, _, ok := elems(x); ok {
					s.write(to, et, r, false)
				}
			}
		}
	}
}

// isContainer reports whether t is a map or a slice.
func isContainer(t types.Type) bool {
	switch types.Unalias(t).Underlying().(type) {
	case *types.Map, *types.Slice:
		return true
	}
	return false
}
