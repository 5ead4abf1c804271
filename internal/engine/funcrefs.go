package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Func values cross package boundaries in facts by name: a function, or
// a method (a method value loses its receiver on the way). Only exported
// names travel: an importer compiled against export data sees no other,
// and both drivers must see the same.

// funcRefs names the functions of a set that other packages can find.
func funcRefs(fns fnSet) []FuncRef {
	var out []FuncRef
	for _, fn := range fns.list() {
		var ref FuncRef
		if m := wrappedMethod(fn); m != nil {
			ref = methodRef(m)
		} else if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil && obj.Pkg() != nil {
			if obj.Signature().Recv() != nil {
				ref = methodRef(obj)
			} else {
				ref = FuncRef{Pkg: obj.Pkg().Path(), Name: obj.Name()}
			}
		}
		if ref.Pkg != "" && token.IsExported(ref.Name) && (ref.Recv == "" || token.IsExported(ref.Recv)) {
			out = append(out, ref)
		}
	}
	return out
}

func methodRef(m *types.Func) FuncRef {
	k, _ := typeKey(m.Signature().Recv().Type())
	return FuncRef{Pkg: m.Pkg().Path(), Recv: k.Name, Name: m.Name()}
}

// fnsOf finds the functions a fact names, among the packages this one
// imports.
func (a *analysisState) fnsOf(refs []FuncRef) fnSet {
	var out fnSet
	for _, r := range refs {
		p := a.importedPackage(r.Pkg)
		if p == nil || !token.IsExported(r.Name) || (r.Recv != "" && !token.IsExported(r.Recv)) {
			continue
		}
		var obj types.Object
		if r.Recv == "" {
			obj = p.Scope().Lookup(r.Name)
		} else if tn, ok := p.Scope().Lookup(r.Recv).(*types.TypeName); ok {
			if sel := a.msets.MethodSet(types.NewPointer(tn.Type())).Lookup(p, r.Name); sel != nil {
				obj = sel.Obj()
			}
		}
		if f, ok := obj.(*types.Func); ok {
			if fn := a.funcValue(f); fn != nil {
				out = out.union(fnSetOf(fn))
			}
		}
	}
	return out
}

// importedPackage returns the package of the given path among this
// package's imports, direct or not.
func (a *analysisState) importedPackage(path string) *types.Package {
	if a.pkgByPath == nil {
		a.pkgByPath = make(map[string]*types.Package)
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if _, ok := a.pkgByPath[p.Path()]; ok {
				return
			}
			a.pkgByPath[p.Path()] = p
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
		visit(a.pass.Pkg)
	}
	return a.pkgByPath[path]
}

// isMethodValue reports whether a method reached through a func value is
// called without its receiver: a method value, bound elsewhere.
func isMethodValue(fn *ssa.Function, nargs int) bool {
	return fn.Signature.Recv() != nil && len(fn.Params) == nargs+1
}
