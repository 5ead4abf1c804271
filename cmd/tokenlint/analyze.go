package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/engine"
)

// analyze runs the analyzers on the packages matched by patterns.
//
// It loads selectively, so that packages that cannot carry AWS
// credentials cost next to nothing: first the import graph alone (go
// list, no type-checking), then, from source, only the packages that
// import an AWS SDK package directly or through other packages of the
// user's; every other dependency comes from the build cache's export data.
// The engine's facts flow between the packages loaded from source exactly
// as they do between go vet's units, so both modes report the same.
func analyze(o options, patterns []string, stdout, stderr io.Writer) int {
	status := exitClean
	fail := func(format string, args ...any) {
		fmt.Fprintf(stderr, "tokenlint: "+format+"\n", args...)
		status = exitError
	}
	enableSlowNotice(o.format, stderr)
	var buildFlags []string
	if o.tags != "" {
		buildFlags = append(buildFlags, "-tags="+o.tags)
	}

	// Phase 1: the import graph.
	graphCfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
		Tests:      o.tests,
		BuildFlags: buildFlags,
	}
	roots, err := load(graphCfg, patterns...)
	if err != nil {
		fail("%s", loadError(err))
		return exitError
	}
	var nodes []engine.Node
	byID := make(map[string]*packages.Package)
	packages.Visit(roots, nil, func(p *packages.Package) {
		byID[p.ID] = p
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
	// Errors of the packages asked for (a missing package, a bad pattern).
	reported := reportRoots(roots)
	for _, p := range roots {
		for _, e := range p.Errors {
			fail("%s", formatError(p, e))
		}
	}
	// A dependency that cannot be listed (a missing go.sum entry, a module
	// that cannot be downloaded) explains the errors of its importers.
	seenErr := make(map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if msg := formatError(p, e); e.Kind == packages.ListError && !seenErr[msg] && !slices.Contains(roots, p) {
				seenErr[msg] = true
				fail("%s", msg)
			}
		}
	})
	if len(reported) == 0 {
		if status == exitClean {
			fail("no packages to analyse in %s", strings.Join(patterns, " "))
		}
		return status
	}

	// Phase 2: the relevant packages, from source.
	relevant := engine.RelevantPackages(nodes)
	var paths []string
	for id := range relevant {
		if p := byID[id]; p != nil && !slices.Contains(paths, p.PkgPath) {
			paths = append(paths, p.PkgPath)
		}
	}
	slices.Sort(paths)
	result := make(map[string]map[string]*checker.Action) // pkg ID -> analyzer -> action
	var fset *token.FileSet
	if len(paths) > 0 {
		srcCfg := &packages.Config{
			Mode:       packages.LoadSyntax | packages.NeedModule,
			Tests:      o.tests,
			BuildFlags: buildFlags,
		}
		loaded, err := load(srcCfg, paths...)
		if err != nil {
			fail("%s", loadError(err))
			return exitError
		}
		// Keep only the edges between packages loaded from source: facts
		// flow along them; every other import is export data, which
		// carries no facts and needs no analysis.
		loadedByID := make(map[string]*packages.Package)
		for _, p := range loaded {
			loadedByID[p.ID] = p
		}
		// What will be analysed: the reported packages and what they
		// import from source. Only their broken imports matter (not, say,
		// those of a dependency's tests, which go list also returns).
		analysed := make(map[string]bool)
		var visit func(p *packages.Package)
		visit = func(p *packages.Package) {
			if analysed[p.ID] {
				return
			}
			analysed[p.ID] = true
			for _, imp := range p.Imports {
				if q := loadedByID[imp.ID]; q != nil {
					visit(q)
				}
			}
		}
		for _, p := range loaded {
			if reported[p.ID] {
				visit(p)
			}
		}
		var analyse []*packages.Package
		for _, p := range loaded {
			if analysed[p.ID] {
				for _, msg := range brokenImports(p, loadedByID, seenErr) {
					fail("%s", msg)
				}
			}
			for path, imp := range p.Imports {
				if q, ok := loadedByID[imp.ID]; ok {
					p.Imports[path] = q
				} else {
					delete(p.Imports, path)
				}
			}
			if reported[p.ID] {
				for _, e := range packageErrors(p) {
					fail("%s", formatError(p, e))
				}
			}
			// Only the reported packages are roots; the checker analyses
			// what they import from source first (facts flow from it), and
			// nothing else: the test variants of dependencies, which go
			// list also returns, are neither reported nor imported.
			if reported[p.ID] {
				analyse = append(analyse, p)
			}
		}
		// A package that can carry credentials and was asked for, but did
		// not come back from the load, would be reported as clean: say so.
		for id := range reported {
			if relevant[id] && loadedByID[id] == nil {
				fail("%s: listed, but not loaded from source (go list returned a different package set); nothing was analysed for it", id)
			}
		}
		if len(analyse) > 0 {
			fset = analyse[0].Fset
			// One package at a time: the engine builds each package's SSA
			// while it runs, and packages analysed in parallel hold theirs
			// at once; sequential keeps peak memory near the largest
			// package's (bench/README.md, "The operator workload").
			graph, err := checker.Analyze(o.enabled, analyse, &checker.Options{Sequential: true})
			if err != nil {
				fail("%v", err)
				return exitError
			}
			for _, act := range graph.Roots {
				if !reported[act.Package.ID] {
					continue
				}
				if result[act.Package.ID] == nil {
					result[act.Package.ID] = make(map[string]*checker.Action)
				}
				result[act.Package.ID][act.Analyzer.Name] = act
			}
		}
	}

	// Output, in a stable order.
	ids := make([]string, 0, len(reported))
	for id := range reported {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var diags []finding
	seen := make(map[string]bool)
	for _, id := range ids {
		for _, a := range o.enabled {
			act := result[id][a.Name]
			if act == nil {
				continue
			}
			for _, d := range act.Diagnostics {
				f := finding{analyzer: a, diag: d, posn: fset.Position(d.Pos), end: fset.Position(d.End)}
				key := fmt.Sprintf("%s %s %s", f.posn, a.Name, d.Message)
				if !seen[key] {
					seen[key] = true
					diags = append(diags, f)
				}
			}
		}
	}
	sortFindings(diags)
	fingerprint(diags)
	diags, status, done := o.baseline.apply(fset, diags, result, status, stderr)
	if done {
		return status
	}

	var err2 error
	switch o.format {
	case "json":
		err2 = writeJSON(stdout, fset, ids, o.enabled, result)
	case "sarif":
		err2 = writeSARIF(stdout, fset, o.enabled, diags, status != exitError)
	case "github":
		writeGitHub(stdout, diags)
	case formatFix:
		err2 = applyFixes(o, fset, diags, result, stdout, stderr)
	default:
		writeText(stdout, fset, diags)
	}
	if err2 != nil {
		fail("%v", err2)
	}
	for _, id := range ids {
		for _, a := range o.enabled {
			if act := result[id][a.Name]; act != nil && act.Err != nil && !ignorableErr(act) {
				fail("%s: %s: %v", id, a.Name, act.Err)
			}
		}
	}
	if status == exitClean && len(diags) > 0 && o.format != formatFix {
		status = exitFindings
	}
	return status
}

// mentionsTokenName applies the engine's rule (a string literal naming a
// session-token variable) to files that are not type-checked: a byte scan
// first, a parse only for the files it finds a candidate in.
func mentionsTokenName(files []string) bool {
	var parsed []*ast.File
	fset := token.NewFileSet()
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil || !catalog.MentionsTokenName(string(data)) {
			continue
		}
		f, err := parser.ParseFile(fset, name, data, parser.SkipObjectResolution)
		if err == nil {
			parsed = append(parsed, f)
		}
	}
	return engine.MentionsTokenName(parsed)
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
