// Package driver is tokenlint's standalone driver, on go vet's unit
// model, in one process.
//
// It lists the import graph once (go list -deps -export, through
// go/packages, with the test variants when asked), decides which packages
// can carry AWS credentials (engine.RelevantPackages), and analyses only
// those, dependencies first, one unit per package: parse its files,
// type-check them against the export data of its imports (the build
// cache's, as the compiler sees them), run the analyzers, encode the
// facts the unit exports, and drop everything else. Facts are all that
// outlives a unit, so memory follows the largest package in flight, not
// the number of packages. Units whose dependencies are done run in
// parallel, one per core, within a budget of source bytes (schedule.go).
//
// Every other package is neither parsed nor type-checked: it costs its
// line in go list's output and, when an analysed package imports it, the
// reading of its export data.
package driver

import (
	"context"
	"go/token"
	"go/types"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/engine"
)

// Config says what to load and run.
type Config struct {
	// Analyzers are the analyzers whose diagnostics are reported; what
	// they require runs too.
	Analyzers []*analysis.Analyzer
	// Tests: also the packages' test variants and external test packages.
	Tests bool
	// BuildFlags are passed to go list (-tags=...).
	BuildFlags []string
	// Context stops go list.
	Context context.Context
	// Cache is the result cache (OpenCache); nil: none.
	Cache *Cache
	// Load runs go/packages (the command wraps it with its progress
	// notice and signal handling); nil means packages.Load.
	Load func(*packages.Config, ...string) ([]*packages.Package, error)
}

// Result is what a run found.
type Result struct {
	// Fset holds the files of every analysed package (and the export
	// data's files, which diagnostics never point into).
	Fset *token.FileSet
	// Packages are the packages reported on, sorted by ID: the packages
	// matched, where a package with tests is its test variant (which has
	// all its files), as go vet reports it; relevant or not.
	Packages []*Package
	// Errors are the load and type errors to report, once each, sorted
	// as found: the matched packages' own, and those of the dependencies
	// they need.
	Errors []string
	// Modules are the versioned dependency modules (ModuleFile).
	Modules []Module
	// Analysed are the IDs of the packages analysed from source, Cached
	// those whose results came from the cache, sorted.
	Analysed, Cached []string
}

// A Package is a package reported on.
type Package struct {
	ID, PkgPath string
	// ForTest is the package whose tests it belongs to ("" for a plain
	// package).
	ForTest string
	// GoFiles are its Go files as written.
	GoFiles []string
	// IllTyped: it did not type-check; its analyzers did not run.
	IllTyped bool
	// Generated is set for each of its files that is generated code.
	Generated map[string]bool
	// ImportNames maps each import path of its files to the imported
	// package's name (for the fixes' import clean-up).
	ImportNames map[string]string
	// Actions are the reported analyzers' results, by name.
	Actions map[string]*Action
}

// An Action is one analyzer's result on one package.
type Action struct {
	Analyzer    *analysis.Analyzer
	Diagnostics []analysis.Diagnostic
	// Err is the analyzer's error; ignorable when the package had
	// errors of its own, which are reported already.
	Err error
}

// Run loads the packages that patterns match and analyses them.
// The error is a failure of go list itself (no go.mod, a bad flag).
func Run(cfg Config, patterns ...string) (*Result, error) {
	load := cfg.Load
	if load == nil {
		load = packages.Load
	}
	fset := token.NewFileSet()
	roots, err := load(&packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedDeps | packages.NeedModule | packages.NeedExportFile | packages.NeedTypesSizes,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
		Context:    cfg.Context,
		Fset:       fset,
	}, patterns...)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		// go/packages says nothing of a go list that failed as a whole
		// (no go.mod) when export data is asked for; without it, it
		// does.
		if _, err := load(&packages.Config{Mode: packages.NeedName, Tests: cfg.Tests, BuildFlags: cfg.BuildFlags, Context: cfg.Context}, patterns...); err != nil {
			return nil, err
		}
	}
	g := newGraph(roots)
	res := &Result{Fset: fset, Modules: g.modules()}
	errs := newErrorList()
	g.listErrors(errs)

	units := g.schedule(cfg.Analyzers)
	left := resolve(fset, units, cfg.Analyzers, cfg.Cache)
	g.share(fset, left)
	run(fset, left, cfg.Analyzers, cfg.Cache)
	cfg.Cache.Trim()

	for _, id := range g.reportedIDs() {
		p := g.byID[id]
		rp := &Package{ID: p.ID, PkgPath: p.PkgPath, ForTest: p.ForTest, GoFiles: p.GoFiles}
		if u := g.units[id]; u != nil {
			rp.IllTyped = u.illTyped
			rp.Generated = u.generated
			rp.ImportNames = u.importNames
			rp.Actions = u.actions
		}
		res.Packages = append(res.Packages, rp)
	}
	// Errors of what was analysed: its own type errors, and those of
	// the imports it could not type-check against.
	for _, u := range units {
		for _, e := range u.errors {
			errs.add(e)
		}
	}
	res.Errors = errs.list
	for _, u := range units {
		switch u.how {
		case analysed:
			res.Analysed = append(res.Analysed, u.pkg.ID)
		case cached:
			res.Cached = append(res.Cached, u.pkg.ID)
		}
	}
	slices.Sort(res.Analysed)
	slices.Sort(res.Cached)
	return res, nil
}

// A graph is go list's answer, indexed.
type graph struct {
	roots    []*packages.Package
	byID     map[string]*packages.Package
	reported map[string]bool
	relevant map[string]bool
	// conditional are the relevant packages analysed only when what
	// they import has origins (engine.ConditionalPackages).
	conditional map[string]bool
	units       map[string]*unit // the analysed packages, by ID
}

func newGraph(roots []*packages.Package) *graph {
	g := &graph{roots: roots, byID: make(map[string]*packages.Package), units: make(map[string]*unit)}
	var nodes []engine.Node
	packages.Visit(roots, nil, func(p *packages.Package) {
		g.byID[p.ID] = p
		n := engine.Node{ID: p.ID, PkgPath: p.PkgPath, Standard: isStd(p)}
		if !n.Standard && !catalog.IsSDK(p.PkgPath) {
			n.Mentions = mentionsTokenName(p.GoFiles)
		}
		for _, imp := range p.Imports {
			n.Imports = append(n.Imports, imp.ID)
		}
		slices.Sort(n.Imports)
		nodes = append(nodes, n)
	})
	g.relevant = engine.RelevantPackages(nodes)
	g.conditional = engine.ConditionalPackages(nodes, g.relevant)
	g.reported = reportRoots(roots)
	return g
}

// reportedIDs returns the IDs of the reported packages, sorted.
func (g *graph) reportedIDs() []string {
	ids := make([]string, 0, len(g.reported))
	for id := range g.reported {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// reportRoots returns the IDs of the packages whose findings are
// reported: the packages matched, where a package with tests is reported
// as its test variant (which holds all its files), as go vet does, and
// without the generated test mains.
func reportRoots(roots []*packages.Package) map[string]bool {
	out := make(map[string]bool)
	variant := make(map[string]bool)
	for _, p := range roots {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			variant[p.PkgPath] = true
		}
	}
	for _, p := range roots {
		if strings.HasSuffix(p.PkgPath, ".test") && p.Name == "main" {
			continue
		}
		if p.ForTest == "" && variant[p.PkgPath] {
			continue
		}
		out[p.ID] = true
	}
	return out
}

// isStd reports whether p is in the standard library: such packages have
// no module.
func isStd(p *packages.Package) bool {
	return p.Module == nil && catalog.IsStdPath(p.PkgPath)
}

// sizes returns the package's types.Sizes (go list's GOARCH), or the
// host's gc sizes.
func sizes(p *packages.Package) types.Sizes {
	if p.TypesSizes != nil {
		return p.TypesSizes
	}
	return types.SizesFor("gc", runtime.GOARCH)
}
