package engine

import (
	"fmt"
	"go/types"
	"maps"
	"slices"
	"sort"
)

// summarise turns the settled results and sinks into a summary.
func (s *funcState) summarise() *FuncSummary {
	fi := s.fi
	sum := &FuncSummary{}
	for _, r := range fi.results {
		rs := ResultSummary{TaintSummary: summarize(r.whole)}
		for _, i := range slices.Sorted(maps.Keys(r.fields)) {
			f := r.fields[i]
			rs.Fields = append(rs.Fields, FieldSummary{Field: i, TaintSummary: summarize(f)})
		}
		sum.Results = append(sum.Results, rs)
	}
	seen := make(map[ParamSink]bool)
	for _, h := range fi.sinks {
		for _, p := range bits(h.t.params) {
			ps := ParamSink{Param: p, Kind: h.kind, Sink: h.sink, Name: h.name, Via: h.via, Client: h.t.client, IfSource: h.ifSource}
			if !seen[ps] {
				seen[ps] = true
				sum.Sinks = append(sum.Sinks, ps)
			}
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
		ws := WriterSink{Writer: w.writer, Sink: w.sink, TaintSummary: summarize(w.t)}
		if key := fmt.Sprint(ws); !seenWS[key] {
			seenWS[key] = true
			sum.WriterSinks = append(sum.WriterSinks, ws)
		}
	}
	sort.Slice(sum.WriterSinks, func(i, j int) bool { return fmt.Sprint(sum.WriterSinks[i]) < fmt.Sprint(sum.WriterSinks[j]) })
	// What the function stores through its pointer parameters.
	for i, p := range fi.fn.Params {
		if i >= maxParams {
			break
		}
		if _, ok := p.Type().Underlying().(*types.Pointer); !ok {
			continue
		}
		paths := s.mem[p]
		for _, path := range slices.Sorted(maps.Keys(paths)) {
			t := paths[path]
			t.params &^= 1 << i // the parameter's own contents
			if ts := summarize(t); !ts.empty() {
				sum.Writes = append(sum.Writes, ParamWrite{Param: i, Path: path, TaintSummary: ts})
			}
		}
	}
	return sum
}

// exportFacts exports the summaries of the package's named functions for
// the packages that import it.
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
		a.pass.ExportObjectFact(obj, sum)
	}
}
