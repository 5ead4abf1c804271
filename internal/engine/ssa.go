package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// buildSSA builds SSA for the package alone, and only for packages that
// can matter (buildssa as a requirement would build SSA for every
// dependency, the standard library included). Of its imports it creates
// only the direct ones: the builder names no other package's functions or
// variables (methods it creates on demand), and creating the members of
// a whole import closure (client-go, the SDK) is most of the memory of a
// run. Other packages are created when the engine needs one of their
// functions (createdFor).
func buildSSA(pass *analysis.Pass) *ssa.Package {
	if v, ok := prebuilt.LoadAndDelete(pass.Pkg); ok {
		return v.(*ssa.Package)
	}
	return newSSA(pass.Fset, pass.Pkg, pass.Files, pass.TypesInfo)
}

func newSSA(fset *token.FileSet, tpkg *types.Package, files []*ast.File, info *types.Info) *ssa.Package {
	prog := ssa.NewProgram(fset, 0)
	for _, p := range tpkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(tpkg, files, info, false)
	pkg.Build()
	return pkg
}

// prebuilt holds the SSA a driver built before the pass ran
// (PrebuildSSA), by package.
var prebuilt sync.Map // *types.Package -> *ssa.Package

// PrebuildSSA builds the package's SSA ahead of its pass, as the pass
// would: the standalone driver does it while the package's dependencies
// are still analysed (it needs their types, not their facts), so that
// on a chain of packages the build overlaps the analysis of the one
// before. The pass takes it; DropSSA forgets it if no pass does.
func PrebuildSSA(fset *token.FileSet, tpkg *types.Package, files []*ast.File, info *types.Info) {
	prebuilt.Store(tpkg, newSSA(fset, tpkg, files, info))
}

// DropSSA forgets the package's prebuilt SSA.
func DropSSA(tpkg *types.Package) { prebuilt.Delete(tpkg) }

// funcValue returns the SSA function of a function or method, creating
// (without code) the package it belongs to if it is not yet.
func (a *analysisState) funcValue(f *types.Func) *ssa.Function {
	if f == nil || f.Pkg() == nil {
		return nil
	}
	if a.pkg.Prog.Package(f.Pkg()) == nil {
		a.pkg.Prog.CreatePackage(f.Pkg(), nil, nil, true)
	}
	return a.pkg.Prog.FuncValue(f)
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
