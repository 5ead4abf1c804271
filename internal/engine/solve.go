package engine

import (
	"go/ast"
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// funcInfo is the engine's state for one function.
type funcInfo struct {
	fn      *ssa.Function
	results []rtaint
	sinks   []sinkHit
	// writes: disk writes to a writer that is one of the function's
	// parameters; a finding where a caller passes a file.
	writes []writerSink
	// summary (for callers) derived from results and sinks.
	summary *FuncSummary
	// derived maps ini sections and keys to what they are part of.
	derived map[ssa.Value]iniPart
}

type analysisState struct {
	pass    *analysis.Pass
	pkg     *ssa.Package
	funcs   []*ssa.Function
	info    map[*ssa.Function]*funcInfo
	globals memory
	// globalsVersion counts changes to globals, for the fixed point.
	globalsVersion int
	// customStatic caches staticProviderType for the user's types.
	customStatic map[catalog.TypeKey]string
	hits         []sinkHit // findings gathered in the final round
	calls        map[token.Pos]*ast.CallExpr
	lits         map[token.Pos]*ast.CompositeLit
	funcLits     map[token.Pos]*ast.FuncLit
	lhs          []ast.Expr // left-hand sides of assignments
	final        bool
	current      *ssa.Function // being analysed, for error messages
}

func newAnalysis(pass *analysis.Pass) *analysisState {
	pkg := buildSSA(pass)
	a := &analysisState{
		pass:         pass,
		pkg:          pkg,
		info:         make(map[*ssa.Function]*funcInfo),
		globals:      make(memory),
		customStatic: make(map[catalog.TypeKey]string),
	}
	a.funcs = srcFuncs(pass, pkg)
	for _, fn := range a.funcs {
		a.info[fn] = &funcInfo{fn: fn, summary: &FuncSummary{}}
	}
	return a
}

// solve computes function summaries to a fixed point, then gathers the
// findings in one last round.
func (a *analysisState) solve() {
	for range 10 {
		changed := false
		before := a.globalsVersion
		for _, fn := range a.funcs {
			fi := a.info[fn]
			old := fi.summary
			a.analyzeFunc(fi)
			if !summariesEqual(old, fi.summary) {
				changed = true
			}
		}
		if !changed && a.globalsVersion == before {
			break
		}
	}
	a.final = true
	for _, fn := range a.funcs {
		a.analyzeFunc(a.info[fn])
	}
}

func summariesEqual(a, b *FuncSummary) bool { return reflect.DeepEqual(a, b) }

// funcState is the per-run state of analysing one function.
type funcState struct {
	a     *analysisState
	fi    *funcInfo
	vals  map[ssa.Value]taint
	tuple map[ssa.Value][]rtaint
	mem   memory
	dirty bool
}

func (a *analysisState) analyzeFunc(fi *funcInfo) {
	fn := fi.fn
	a.current = fn
	if panicOnFunc != "" && fn.Name() == panicOnFunc {
		panic("tokenlint_panictest: deliberate panic")
	}
	s := &funcState{
		a:     a,
		fi:    fi,
		vals:  make(map[ssa.Value]taint),
		tuple: make(map[ssa.Value][]rtaint),
		mem:   make(memory),
	}
	for i, p := range fn.Params {
		if i < maxParams {
			s.vals[p] = taint{params: 1 << i}
		}
	}
	for j, fv := range fn.FreeVars {
		if i := len(fn.Params) + j; i < maxParams {
			s.vals[fv] = taint{params: 1 << i}
		}
	}
	nres := fn.Signature.Results().Len()
	fi.results = make([]rtaint, nres)
	fi.sinks = nil
	// Iterate to a fixed point: loops carry taint backwards through phis
	// and memory. The bound keeps pathological functions cheap.
	for range 8 {
		s.dirty = false
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				s.step(instr)
			}
		}
		if !s.dirty {
			break
		}
	}
	// Final sweep: record sinks and results with the settled taints.
	fi.sinks, fi.writes = nil, nil
	for i := range fi.results {
		fi.results[i] = rtaint{}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			s.finish(instr)
		}
	}
	fi.summary = s.summarise()
}

func (s *funcState) set(v ssa.Value, t taint) {
	if t.empty() {
		return
	}
	old := s.vals[v]
	n := join(old, t)
	if n != old {
		s.vals[v] = n
		s.dirty = true
	}
}
