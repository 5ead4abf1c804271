package engine

import (
	"fmt"
	"go/types"
	"maps"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// instantiate turns a summarised taint into the taint it has at a call,
// given the call's arguments.
func (s *funcState) instantiate(ts TaintSummary, ac actuals) taint {
	t := s.a.factTaint(ts)
	for _, p := range ts.Params {
		t = join(t, s.argTaint(ac, p))
	}
	for _, s1 := range ts.ParamPaths {
		// What the caller's argument holds at the path the callee read.
		pp, ok := parseParamPath(s1)
		if !ok {
			continue
		}
		if v := ac.val(pp.Param); v != nil {
			t = join(t, s.argPathTaint(v, pp.Path))
		} else {
			t = join(t, ac.known[pp.Param])
		}
	}
	for _, p := range ts.FrozenIf {
		// A helper that builds a static provider from its token
		// parameter returns a frozen one when the argument is not
		// provably empty.
		v := ac.val(p)
		if q, ok := s.paramIndex(v); ok {
			t.frozenIf |= 1 << q
		} else if v != nil && !provablyEmpty(v) {
			t = freeze(t, "a static provider with a session token", s.frozenTrail(taint{}, s.pos, "frozen by "+s.callee))
		}
	}
	for _, p := range ts.FrozenSrcIf {
		a := s.argTaint(ac, p)
		if a.src.Label != "" {
			t = freeze(t, "a static provider built from "+a.src.Label, s.frozenTrail(a, s.pos, "frozen by "+s.callee))
		}
		t.frozenSrcIf |= a.params
	}
	for _, p := range ts.Calls {
		// What the function passed in returns.
		t = join(t, s.resultsOfValue(s.argTaint(ac, p)))
	}
	for _, p := range ts.EntryIf {
		// The caller names the variable the value is put under.
		v := ac.val(p)
		if q, ok := s.paramIndex(v); ok {
			t.entryIf |= 1 << q
			continue
		}
		for _, name := range constStrings(v) {
			t = withEntry(t, name, t)
		}
	}
	return t
}

// summarise turns the settled results, sinks and exit memory into the
// function's summary.
func (s *funcState) summarise() *FuncSummary {
	fi := s.fi
	sum := &FuncSummary{Fetches: s.fetches, CachesForever: s.a.cachingField(fi.fn) != ""}
	for _, r := range fi.results {
		rs := ResultSummary{TaintSummary: s.a.summarize(r.whole)}
		for _, p := range slices.Sorted(maps.Keys(r.fields)) {
			if ts := s.a.summarize(r.fields[p]); !ts.empty() {
				rs.Fields = append(rs.Fields, FieldSummary{Path: p, TaintSummary: ts})
			}
		}
		sum.Results = append(sum.Results, rs)
	}
	seen := make(map[ParamSink]bool)
	add := func(ps ParamSink) {
		if !seen[ps] {
			seen[ps] = true
			sum.Sinks = append(sum.Sinks, ps)
		}
	}
	for _, h := range fi.sinks {
		if h.t.src.Label != "" && h.kind != Singleton {
			// Reported at the construction itself, where the fix goes.
			continue
		}
		var oneShot bool
		var escape string
		if h.kind == StaticProvider {
			oneShot, escape = h.lifetime()
		}
		whole, paths := summaryPaths(h.t)
		sink := func(p int, path string) {
			if h.nameParam != 0 && p == h.nameParam-1 {
				return // the name, not a value
			}
			add(ParamSink{Param: p, Path: path, Kind: h.kind, Sink: h.sink, Name: h.name, Via: h.via, Client: h.t.client, IfSource: h.ifSource, NameParam: h.nameParam, Export: h.export, OneShot: oneShot, Escape: escape})
		}
		for _, p := range bits(whole) {
			sink(p, "")
		}
		for _, s := range paths {
			if pp, ok := parseParamPath(s); ok {
				sink(pp.Param, pp.Path)
			}
		}
		for _, p := range bits(h.t.calls) {
			add(ParamSink{Param: p, Call: true, Kind: h.kind, Sink: h.sink, Name: h.name, Via: h.via, Client: h.t.client, IfSource: h.ifSource, Export: h.export, OneShot: oneShot, Escape: escape})
		}
	}
	sort.Slice(sum.Sinks, func(i, j int) bool {
		a, b := sum.Sinks[i], sum.Sinks[j]
		if a.Param != b.Param {
			return a.Param < b.Param
		}
		return fmt.Sprint(a) < fmt.Sprint(b)
	})
	// Writes to a writer parameter.
	seenWS := make(map[string]bool)
	for _, w := range fi.writes {
		ws := WriterSink{Writer: w.writer, Sink: w.sink, TaintSummary: s.a.summarize(w.t)}
		if key := fmt.Sprint(ws); !seenWS[key] {
			seenWS[key] = true
			sum.WriterSinks = append(sum.WriterSinks, ws)
		}
	}
	sort.Slice(sum.WriterSinks, func(i, j int) bool { return fmt.Sprint(sum.WriterSinks[i]) < fmt.Sprint(sum.WriterSinks[j]) })
	// What the function leaves behind its parameters (pointers, slices,
	// maps) and the variables it captured.
	roots := make([]*paramRoot, 0, len(fi.fn.Params)+len(fi.fn.FreeVars))
	for i, p := range fi.fn.Params {
		roots = append(roots, &paramRoot{i, p})
	}
	for j, fv := range fi.fn.FreeVars {
		roots = append(roots, &paramRoot{len(fi.fn.Params) + j, fv})
	}
	for _, r := range roots {
		if r.index >= maxParams || !isRef(r.v.Type()) {
			continue
		}
		ps := s.exit[r.v]
		for _, path := range slices.Sorted(maps.Keys(ps)) {
			t := ps[path]
			t.params &^= 1 << r.index // the parameter's own contents
			if ts := s.a.summarize(t); !ts.empty() {
				sum.Writes = append(sum.Writes, ParamWrite{Param: r.index, Path: path, TaintSummary: ts})
			}
		}
	}
	return sum
}

type paramRoot struct {
	index int
	v     ssa.Value
}

// exportFacts exports the summaries of the package's named functions and
// what its functions store on the heap, for the packages that import it.
func (a *analysisState) exportFacts() {
	for _, fn := range a.funcs {
		if fn.Parent() != nil {
			continue
		}
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != a.pass.Pkg {
			continue
		}
		sum := a.info[fn].summary
		if sum.empty() {
			continue
		}
		a.exports = append(a.exports, export{obj, sum})
	}
	a.exportHeap()
	var facts []analysis.Fact
	for _, e := range a.exports {
		facts = append(facts, e.fact)
	}
	a.exportTrails(facts)
	for _, e := range a.exports {
		if e.obj == nil {
			a.pass.ExportPackageFact(e.fact)
		} else {
			a.pass.ExportObjectFact(e.obj, e.fact)
		}
	}
}

// An export is a fact waiting for the trails it refers to to be numbered.
type export struct {
	obj  types.Object // nil for a package fact
	fact analysis.Fact
}
