package engine

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// buildSSA builds SSA for the package alone, as buildssa does, but only
// for packages that can matter: buildssa as a requirement would build SSA
// for every dependency, the standard library included.
func buildSSA(pass *analysis.Pass) *ssa.Package {
	prog := ssa.NewProgram(pass.Fset, 0)
	created := make(map[*types.Package]bool)
	var createAll func(pkgs []*types.Package)
	createAll = func(pkgs []*types.Package) {
		for _, p := range pkgs {
			if !created[p] {
				created[p] = true
				prog.CreatePackage(p, nil, nil, true)
				createAll(p.Imports())
			}
		}
	}
	createAll(pass.Pkg.Imports())
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	return pkg
}

// srcFuncs returns the package's functions in source order: declared
// functions and methods, the package initializer, and all their closures.
func srcFuncs(pass *analysis.Pass, pkg *ssa.Package) []*ssa.Function {
	var out []*ssa.Function
	seen := make(map[*ssa.Function]bool)
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || seen[fn] {
			return
		}
		seen[fn] = true
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	if init, ok := pkg.Members["init"].(*ssa.Function); ok {
		add(init)
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			add(pkg.Prog.FuncValue(obj))
		}
	}
	// init#1, init#2, ...: the user's init functions.
	var inits []string
	for name, m := range pkg.Members {
		if _, ok := m.(*ssa.Function); ok && strings.HasPrefix(name, "init#") {
			inits = append(inits, name)
		}
	}
	slices.Sort(inits)
	for _, name := range inits {
		add(pkg.Members[name].(*ssa.Function))
	}
	return out
}
