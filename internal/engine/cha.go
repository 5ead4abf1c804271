package engine

import (
	"go/types"
	"slices"
	"strings"
)

// maxImpls bounds the implementations a call of an interface method is
// resolved to: past it, the call is not followed (class hierarchy
// analysis over-approximates; a broad interface says little).
const maxImpls = 16

// implementations returns the methods an interface method call may run:
// for each named type of the user's visible to the package (declared in
// it or in the packages it imports, directly or not) that implements the
// interface, the method it has by that name. Interfaces of the standard
// library and the SDK are left to the catalogue (a Retrieve on any
// provider is a snapshot).
func (a *analysisState) implementations(recv types.Type, m *types.Func) []*types.Func {
	iface, ok := types.Unalias(recv).Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	if named, ok := types.Unalias(recv).(*types.Named); ok && named.Obj().Pkg() != nil {
		if a.foreign(named.Obj().Pkg().Path()) {
			return nil
		}
	}
	if m.Pkg() != nil && a.foreign(m.Pkg().Path()) {
		return nil
	}
	if out, ok := a.impls[m]; ok {
		return out
	}
	var out []*types.Func
	for _, tn := range a.namedTypes() {
		T := tn.Type()
		if types.IsInterface(T) {
			continue
		}
		if named, ok := T.(*types.Named); ok && named.TypeParams().Len() > 0 {
			continue // generic types: not instantiated here
		}
		for _, t := range []types.Type{T, types.NewPointer(T)} {
			if !types.Implements(t, iface) {
				continue
			}
			sel := a.msets.MethodSet(t).Lookup(m.Pkg(), m.Name())
			if sel == nil {
				break
			}
			if f, ok := sel.Obj().(*types.Func); ok && !slices.Contains(out, f) {
				out = append(out, f)
			}
			break
		}
		if len(out) > maxImpls {
			out = nil
			break
		}
	}
	a.impls[m] = out
	return out
}

// namedTypes returns the package-level named types of the package and of
// the user's packages it imports that can carry AWS credentials (the
// others have no summaries to apply), in a deterministic order.
func (a *analysisState) namedTypes() []*types.TypeName {
	if a.named != nil {
		return a.named
	}
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || a.foreign(p.Path()) {
			return
		}
		seen[p] = true
		if p != a.pass.Pkg && !a.pass.ImportPackageFact(p, new(relevantFact)) {
			return
		}
		scope := p.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
				a.named = append(a.named, tn)
			}
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(a.pass.Pkg)
	slices.SortFunc(a.named, func(x, y *types.TypeName) int {
		return strings.Compare(x.Pkg().Path()+"."+x.Name(), y.Pkg().Path()+"."+y.Name())
	})
	if a.named == nil {
		a.named = []*types.TypeName{}
	}
	return a.named
}
