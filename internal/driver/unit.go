package driver

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/tokenlint/tokenlint/internal/engine"
)

// A unit is one package analysed from source, as go vet's unit is: its
// files are parsed and type-checked against its imports' export data,
// the analyzers run, and only its encoded facts and its diagnostics are
// kept.
type unit struct {
	pkg *packages.Package
	// deps are the analysed packages it imports directly; factDeps all
	// those it imports, directly or not, whose facts it reads.
	deps, factDeps []*unit
	// report: its diagnostics are reported, so every analyzer runs;
	// otherwise only the analyzers with facts (and what they require).
	report bool
	// size is its source bytes, for the schedule's budget.
	size int64
	// conditional: it is relevant only through packages that mention a
	// token name (engine.ConditionalPackages), and is analysed only if
	// one of its dependencies' facts has an origin.
	conditional bool

	// Kept after the unit ran.
	facts *factSet // its own facts, encoded
	// origins: its facts, or those of a package it imports, say it
	// produces credentials (engine.HasOrigin), or it exports a constant
	// naming a token variable.
	origins     bool
	actions     map[string]*Action
	errors      []string
	illTyped    bool
	generated   map[string]bool
	importNames map[string]string

	// checked holds the unit between check and analyse.
	checked *checked
	// shared is the export data it type-checks against (exports.go);
	// nil if its import graph holds a test variant.
	shared map[string]*types.Package

	// key is its source key in the result cache (cache.go); done: it
	// is resolved, analysed or read from the cache.
	key  *[32]byte
	done bool
	how  resolution

	// The schedule's bookkeeping.
	pending   int
	importers []*unit
	// held: its size is counted in flight (it is being checked, is
	// checked and waits for its dependencies, or runs); checking: a
	// worker is checking it.
	held, checking bool
}

// How a unit was resolved.
type resolution int

const (
	skipped resolution = iota // conditional, nothing it imports has origins
	cached
	analysed
)

// A checked unit is parsed and type-checked: what needs only its files
// and its imports' export data, not its dependencies' facts, so the
// schedule may do it while those dependencies still run (schedule.go).
type checked struct {
	files    []*ast.File
	info     *types.Info
	tpkg     *types.Package
	typeErrs []types.Error
	sizes    types.Sizes
}

// check parses and type-checks the unit; ahead, while its dependencies
// still run, it builds the engine's SSA too.
func (u *unit) check(fset *token.FileSet, ahead bool) {
	p := u.pkg
	u.errors = importErrors(p)
	files, parseErrs := parseFiles(fset, p.CompiledGoFiles)
	u.generated = make(map[string]bool)
	for _, f := range files {
		u.generated[fset.File(f.FileStart).Name()] = ast.IsGenerated(f)
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	var typeErrs []types.Error
	tc := &types.Config{
		Importer: newImporter(fset, p, u.shared),
		Sizes:    sizes(p),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				typeErrs = append(typeErrs, te)
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	tpkg, _ := tc.Check(p.PkgPath, fset, files, info)
	for _, e := range parseErrs {
		u.errors = append(u.errors, Relative(e.Error()))
	}
	for _, e := range typeErrs {
		if noExport(p, e) {
			continue // its import's own errors say why (importErrors)
		}
		u.errors = append(u.errors, Relative(fset.Position(e.Pos).String())+": "+e.Msg)
	}
	u.illTyped = len(parseErrs) > 0 || len(typeErrs) > 0
	u.importNames = make(map[string]string)
	for _, imp := range tpkg.Imports() {
		u.importNames[imp.Path()] = imp.Name()
	}
	u.checked = &checked{files: files, info: info, tpkg: tpkg, typeErrs: typeErrs, sizes: tc.Sizes}
	if ahead && !u.illTyped {
		engine.PrebuildSSA(fset, tpkg, files, info)
	}
}

// analyse runs the unit (checking it first unless the schedule has):
// everything it builds is garbage when it returns but its facts,
// diagnostics and errors.
func (u *unit) analyse(fset *token.FileSet, analyzers []*analysis.Analyzer, cache *Cache) {
	p := u.pkg
	if u.skip() || u.replay(fset, analyzers, cache) {
		if u.checked != nil && u.checked.tpkg != nil {
			engine.DropSSA(u.checked.tpkg)
		}
		u.checked = nil
		return
	}
	u.how = analysed
	if u.checked == nil {
		u.check(fset, false)
	}
	c := u.checked
	u.checked = nil
	files, info, tpkg, typeErrs := c.files, c.info, c.tpkg, c.typeErrs
	rec := &recorder{fset: fset, own: make(map[*token.File]bool)}
	for _, f := range files {
		rec.own[fset.File(f.FileStart)] = true
	}

	facts := newFacts(tpkg, u.factDeps)
	var module *analysis.Module
	if m := p.Module; m != nil {
		module = &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
	}
	u.actions = make(map[string]*Action)
	results := make(map[*analysis.Analyzer]any)
	errs := make(map[*analysis.Analyzer]error)
	for _, a := range order(analyzers, u.report) {
		act := &Action{Analyzer: a}
		if u.report && slices.Contains(analyzers, a) {
			u.actions[a.Name] = act
		}
		if u.illTyped && !a.RunDespiteErrors {
			act.Err = fmt.Errorf("analysis skipped due to errors in package")
			errs[a] = act.Err
			continue
		}
		if failed := firstFailed(a, errs); failed != nil {
			act.Err = fmt.Errorf("failed prerequisite: %v", failed)
			errs[a] = act.Err
			continue
		}
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         fset,
			Files:        files,
			OtherFiles:   p.OtherFiles,
			IgnoredFiles: p.IgnoredFiles,
			Pkg:          tpkg,
			TypesInfo:    info,
			TypesSizes:   c.sizes,
			TypeErrors:   typeErrs,
			Module:       module,
			ResultOf:     make(map[*analysis.Analyzer]any),
			Report:       func(d analysis.Diagnostic) { act.Diagnostics = append(act.Diagnostics, d) },
			ReadFile:     readFile(p),
		}
		for _, req := range a.Requires {
			pass.ResultOf[req] = results[req]
		}
		facts.bind(pass)
		res, err := run1(a, pass)
		if err == nil && a.ResultType != nil && res != nil && reflect.TypeOf(res) != a.ResultType {
			err = fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", p.PkgPath, a.Name, reflect.TypeOf(res), a.ResultType)
		}
		act.Err = err
		if err != nil {
			errs[a] = err
		}
		results[a] = res
	}
	engine.DropSSA(tpkg)
	var own bool
	u.facts, own = facts.encode()
	u.origins = own || u.depOrigins() || engine.ExportsTokenName(tpkg)
	if facts.err != nil {
		u.errors = append(u.errors, facts.err.Error())
	}
	cache.store(u, rec)
}

// skip resolves a conditional unit none of whose dependencies has
// origins: it can carry no credentials, and is not analysed.
func (u *unit) skip() bool {
	if !u.conditional || u.depOrigins() {
		return false
	}
	u.facts = &factSet{}
	return true
}

// replay resolves the unit from the cache entry made with the facts its
// dependencies have now, if there is one.
func (u *unit) replay(fset *token.FileSet, analyzers []*analysis.Analyzer, cache *Cache) bool {
	e := cache.load(u)
	if e == nil {
		return false
	}
	var actions map[string]*Action
	if u.report {
		var ok bool
		if actions, ok = replay(fset, u, e, analyzers); !ok {
			return false
		}
	}
	u.errors = importErrors(u.pkg)
	u.facts = &factSet{data: e.Facts}
	u.origins = e.Origins
	u.generated = e.Generated
	u.importNames = e.ImportNames
	u.actions = actions
	u.how = cached
	return true
}

// depOrigins reports whether a unit it imports has origins.
func (u *unit) depOrigins() bool {
	return slices.ContainsFunc(u.deps, func(d *unit) bool { return d.origins })
}

// run1 runs one analyzer, turning a panic into its error: one analyzer's
// crash on one package does not stop the others.
func run1(a *analysis.Analyzer, pass *analysis.Pass) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: analyzer %s panicked on package %s: %v", a.Name, pass.Pkg.Path(), r)
		}
	}()
	return a.Run(pass)
}

// firstFailed returns the error of a's first requirement that failed.
func firstFailed(a *analysis.Analyzer, errs map[*analysis.Analyzer]error) error {
	for _, req := range a.Requires {
		if err := errs[req]; err != nil {
			return err
		}
	}
	return nil
}

// order returns the analyzers to run, requirements first: all of them
// and their requirements for a reported unit, else only those with facts
// and their requirements (a dependency's diagnostics are never shown, as
// go vet's VetxOnly units).
func order(analyzers []*analysis.Analyzer, report bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		out = append(out, a)
	}
	for _, a := range analyzers {
		if report || hasFacts(a) {
			visit(a)
		}
	}
	return out
}

// hasFacts reports whether a or anything it requires has facts.
func hasFacts(a *analysis.Analyzer) bool {
	if len(a.FactTypes) > 0 {
		return true
	}
	return slices.ContainsFunc(a.Requires, hasFacts)
}

// parseFiles parses the files the compiler compiles (for cgo packages,
// cgo's output, whose line directives point back to the sources).
func parseFiles(fset *token.FileSet, names []string) ([]*ast.File, []error) {
	var files []*ast.File
	var errs []error
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			errs = append(errs, err)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	return files, errs
}

// readFile is the pass's ReadFile: the package's own files only.
func readFile(p *packages.Package) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
			if slices.Contains(list, name) {
				return os.ReadFile(name)
			}
		}
		return nil, fmt.Errorf("%s is not among the files of package %s", name, p.PkgPath)
	}
}

// An importer type-checks a unit against its imports' export data,
// each read once per unit into the unit's own map, which starts from
// the shared packages (exports.go) when the unit shares them.
type importer struct {
	fset     *token.FileSet
	pkg      *packages.Package
	packages map[string]*types.Package // by package path
}

func newImporter(fset *token.FileSet, p *packages.Package, shared map[string]*types.Package) *importer {
	m := maps.Clone(shared)
	if m == nil {
		m = make(map[string]*types.Package)
	}
	return &importer{fset: fset, pkg: p, packages: m}
}

func (im *importer) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := im.pkg.Imports[path]
	if imp == nil {
		return nil, fmt.Errorf("package %s is not among the imports of %s", path, im.pkg.PkgPath)
	}
	if p := im.packages[imp.PkgPath]; p != nil && p.Complete() {
		return p, nil
	}
	if imp.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", imp.PkgPath)
	}
	if err := readExport(im.fset, im.packages, imp); err != nil {
		return nil, err
	}
	return im.packages[imp.PkgPath], nil
}

// noExport reports whether a type error is the failure to import a
// package that has no export data.
func noExport(p *packages.Package, e types.Error) bool {
	for _, imp := range p.Imports {
		if imp.ExportFile == "" && strings.Contains(e.Msg, "could not import "+imp.PkgPath+" ") {
			return true
		}
	}
	return false
}
