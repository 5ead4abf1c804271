package driver

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/engine"
)

// The schedule: which packages are analysed, and when.
//
// A reported package that can carry AWS credentials is analysed, and so
// is every such package it imports, directly or through other such
// packages (their facts flow to it, as between go vet's units; a package
// that imports one that can carry credentials can carry them itself, so
// no other path exists). A unit relevant only through packages that name
// a token variable without reaching the SDK is skipped when it becomes
// ready if nothing it imports has origins (engine.ConditionalPackages:
// every Google API client imports such a package). A unit is ready when
// the units it imports are done. Ready units run on one worker per core,
// within a budget of source bytes in flight: the largest unit, or
// minBudget if more, so a
// large package runs alone or beside small ones, and peak memory follows
// the largest package, not the number of packages. A worker with nothing
// ready checks ahead: it parses and type-checks (and builds the SSA of)
// the first unit that still waits for its dependencies, which needs
// their export data, not their facts, so that on a chain of packages the
// next one's check overlaps this one's analysis; at most one unit per
// worker is held so, within the same budget.

// minBudget is the least budget of source bytes in flight.
const minBudget = 1 << 20

// schedule returns the units to analyse, in a dependency order.
func (g *graph) schedule(analyzers []*analysis.Analyzer) []*unit {
	var units []*unit
	var visit func(id string) *unit
	visit = func(id string) *unit {
		if u := g.units[id]; u != nil {
			return u
		}
		p := g.byID[id]
		u := &unit{pkg: p, size: sourceSize(p.CompiledGoFiles), conditional: g.conditional[id]}
		g.units[id] = u
		for _, imp := range p.Imports {
			if g.relevant[imp.ID] {
				d := visit(imp.ID)
				if !slices.Contains(u.deps, d) {
					u.deps = append(u.deps, d)
				}
			}
		}
		slices.SortFunc(u.deps, func(a, b *unit) int { return strings.Compare(a.pkg.ID, b.pkg.ID) })
		units = append(units, u)
		return u
	}
	for _, id := range g.reportedIDs() {
		if g.relevant[id] {
			visit(id).report = true
		}
	}
	for _, u := range units {
		u.factDeps = closure(u)
	}
	register(analyzers)
	return units
}

// closure returns the units u imports, directly or not.
func closure(u *unit) []*unit {
	var out []*unit
	seen := make(map[*unit]bool)
	var walk func(v *unit)
	walk = func(v *unit) {
		for _, d := range v.deps {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
				walk(d)
			}
		}
	}
	walk(u)
	return out
}

// resolve computes every unit's source key and resolves, in dependency
// order, each whose dependencies are resolved and which the cache holds
// for their facts (or which is skipped, as analyse would); it returns the
// units left to run.
func resolve(fset *token.FileSet, units []*unit, analyzers []*analysis.Analyzer, cache *Cache) []*unit {
	ids := make(map[string]bool)
	for _, u := range units {
		ids[u.pkg.ID] = true
	}
	var left []*unit
	for _, u := range units {
		cache.prepare(u, ids)
		if !slices.ContainsFunc(u.deps, func(d *unit) bool { return !d.done }) && (u.skip() || u.replay(fset, analyzers, cache)) {
			u.done = true
			continue
		}
		left = append(left, u)
	}
	return left
}

// run analyses the units, each after the units it imports (those not
// among them are done).
func run(fset *token.FileSet, units []*unit, analyzers []*analysis.Analyzer, cache *Cache) {
	if len(units) == 0 {
		return
	}
	var budget int64 = minBudget
	for _, u := range units {
		budget = max(budget, u.size)
		for _, d := range u.deps {
			if !d.done {
				u.pending++
				d.importers = append(d.importers, u)
			}
		}
	}
	var (
		mu       sync.Mutex
		cond     = sync.NewCond(&mu)
		ready    []*unit // in the order units became ready
		inFlight int64
		running  int
		left     = len(units)
	)
	for _, u := range units {
		if u.pending == 0 {
			ready = append(ready, u)
		}
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	ahead := 0 // units checked, or being checked, before they are ready
	// fits: a ready unit that may start now.
	fits := func(u *unit) bool {
		return !u.checking && (u.held || running == 0 || inFlight+u.size <= budget)
	}
	// nextCheck returns a unit to check ahead: the first, in dependency
	// order, that waits for its dependencies and fits the budget, at
	// most one per worker. Not a conditional one, which may be skipped.
	nextCheck := func() *unit {
		if ahead >= workers {
			return nil
		}
		for _, u := range units {
			if u.pending > 0 && !u.held && !u.conditional && inFlight+u.size <= budget {
				return u
			}
		}
		return nil
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			for {
				if i := slices.IndexFunc(ready, fits); i >= 0 {
					u := ready[i]
					ready = slices.Delete(ready, i, i+1)
					if u.held {
						ahead--
					} else {
						inFlight += u.size
						u.held = true
					}
					running++
					mu.Unlock()
					u.analyse(fset, analyzers, cache)
					mu.Lock()
					inFlight -= u.size
					running--
					left--
					for _, imp := range u.importers {
						if imp.pending--; imp.pending == 0 {
							ready = append(ready, imp)
						}
					}
					cond.Broadcast()
					continue
				}
				if u := nextCheck(); u != nil {
					// Nothing can run: parse and type-check a unit whose
					// dependencies still run, which needs only export
					// data, so that on a chain of packages the check of
					// the next overlaps the analysis of this one.
					u.held, u.checking = true, true
					inFlight += u.size
					ahead++
					running++
					mu.Unlock()
					u.check(fset, true)
					mu.Lock()
					running--
					u.checking = false
					cond.Broadcast()
					continue
				}
				if left == 0 {
					cond.Broadcast()
					return
				}
				cond.Wait()
			}
		}()
	}
	wg.Wait()
}

// sourceSize is the files' total size in bytes.
func sourceSize(files []string) int64 {
	var n int64
	for _, name := range files {
		if fi, err := os.Stat(name); err == nil {
			n += fi.Size()
		}
	}
	return n
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
