package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// funcInfo is the engine's state for one function, kept across the
// rounds of the package's fixed point.
type funcInfo struct {
	fn      *ssa.Function
	results []rtaint
	sinks   []sinkHit
	// writes: disk writes to a writer that is one of the function's
	// parameters; a finding where a caller passes a file.
	writes []writerSink
	// summary (for callers) derived from results and sinks.
	summary *FuncSummary
	// initPhase is set for the package initializer, which runs once,
	// before anything else in the package: it reads package-level
	// variables in program order.
	initPhase bool
	// hits are the findings of the function's last analysis.
	hits []sinkHit
	// What the last analysis read of what other analyses write, for
	// solve's worklist: the summaries, results and sinks of deps, and (shared)
	// the heap or the variables closures captured, at version versionAt.
	// analysedAt and changedAt are stamps of solve's clock: when the
	// last analysis started, and when it last changed the summary,
	// results or sinks.
	deps                  map[*funcInfo]struct{}
	shared                bool
	versionAt             int
	analysedAt, changedAt int
}

// stale reports whether something the function's last analysis read has
// changed since.
func (a *analysisState) stale(fi *funcInfo) bool {
	if fi.shared && fi.versionAt != a.version+a.heap.version {
		return true
	}
	for d := range fi.deps {
		if d.changedAt > fi.analysedAt {
			return true
		}
	}
	return false
}

type analysisState struct {
	pass *analysis.Pass
	// msets caches method sets: the sinks ask for the same types' methods
	// at every call and every fixpoint round (12% of CPU uncached).
	msets typeutil.MethodSetCache
	pkg   *ssa.Package
	funcs []*ssa.Function
	info  map[*ssa.Function]*funcInfo
	// heap is the package's shared memory (fields of the user's struct
	// types, package-level variables); imported holds what other
	// packages' facts say of the bases this package reads.
	heap     heap
	imported map[heapBase]paths
	sites    siteState
	// stdJSONSet: the package gives logrus's standard logger a JSON
	// formatter (logformat.go); stdJSONDone: it was looked for.
	stdJSONSet, stdJSONDone bool
	foreignIdx              map[string][]ForeignEntry
	// captured joins, per closure (or bound method value), the taints of
	// the variables it captured where it is made: what its free variables
	// hold when it is called through a func value.
	captured map[*ssa.Function][]taint
	// version counts changes to state shared between functions (heap,
	// captured), for the fixed point.
	version int
	// cat is the catalogue extended with the user's entries (nil: the
	// built-in one).
	cat *catalog.Catalog
	// impls caches the implementations of interface methods.
	impls map[*types.Func][]*types.Func
	// logImpls caches the catalogue loggers behind interface methods.
	logImpls map[*types.Func][]catalog.LogSink
	// caching caches cachingField.
	caching map[*ssa.Function]string
	named   []*types.TypeName // named types visible to the package, for impls
	// pkgByPath indexes the packages this one imports, for FuncRefs.
	pkgByPath map[string]*types.Package
	hits      []sinkHit // the functions' hits at the fixed point
	calls     map[token.Pos]*ast.CallExpr
	lits      map[token.Pos]*ast.CompositeLit
	funcLits  map[token.Pos]*ast.FuncLit
	lhs       []ast.Expr    // left-hand sides of assignments
	current   *ssa.Function // being analysed, for error messages
	// currentInfo is current's, where reads of shared state are noted;
	// clock counts the changes of summaries, results and sinks (stale).
	currentInfo *funcInfo
	clock       int
	// trails interns the trails of sources; relDir is the package's
	// directory relative to its module root.
	exports     []export
	trails      map[string]*trail
	trailTables map[*types.Package][]*trail
	relDir      string
}

func newAnalysis(pass *analysis.Pass) *analysisState {
	pkg := buildSSA(pass)
	a := &analysisState{
		pass:        pass,
		pkg:         pkg,
		info:        make(map[*ssa.Function]*funcInfo),
		heap:        heap{bases: make(map[heapBase]paths), unknown: make(map[heapBase]paths), sited: make(map[siteKey]paths)},
		imported:    make(map[heapBase]paths),
		captured:    make(map[*ssa.Function][]taint),
		impls:       make(map[*types.Func][]*types.Func),
		trails:      make(map[string]*trail),
		trailTables: make(map[*types.Package][]*trail),
		caching:     make(map[*ssa.Function]string),
		cat:         catalogOf(pass),
	}
	a.funcs = srcFuncs(pass, pkg)
	for _, fn := range a.funcs {
		a.info[fn] = &funcInfo{fn: fn, summary: &FuncSummary{}, initPhase: fn.Synthetic == "package initializer"}
	}
	return a
}

// maxPackageRounds bounds the package's fixed point: summaries and the
// heap usually settle in two or three rounds.
const maxPackageRounds = 10

// solve computes function summaries and the heap to a fixed point and
// gathers the findings there.
//
// The first round analyses every function; each later one only those
// whose last analysis read something that has changed since (stale):
// another function's summary, results or sinks, the heap, captured
// variables. When none is stale, every function's last analysis saw the fixed
// point, and its hits are the package's findings. If the rounds run out
// first, a last round analyses every function at what was reached.
func (a *analysisState) solve() {
	for round := range maxPackageRounds {
		ran := false
		for _, fn := range a.funcs {
			fi := a.info[fn]
			if round > 0 && !a.stale(fi) {
				continue
			}
			ran = true
			old, oldResults, oldSinks := fi.summary, fi.results, fi.sinks
			a.analyzeFunc(fi)
			if !reflect.DeepEqual(old, fi.summary) || !reflect.DeepEqual(oldResults, fi.results) || !reflect.DeepEqual(oldSinks, fi.sinks) {
				a.clock++
				fi.changedAt = a.clock
			}
		}
		if !ran {
			break
		}
		if round == maxPackageRounds-1 {
			for _, fn := range a.funcs {
				a.analyzeFunc(a.info[fn])
			}
		}
	}
	a.hits = nil
	for _, fn := range a.funcs {
		a.hits = append(a.hits, a.info[fn].hits...)
	}
}

// funcState is the state of analysing one function once.
type funcState struct {
	a  *analysisState
	fi *funcInfo
	// vals is the taint of each value as a whole; fields, of the fields
	// of struct values (and of what pointer results point to), by path.
	vals   map[ssa.Value]taint
	fields map[ssa.Value]paths
	tuple  map[ssa.Value][]rtaint
	// cur is the function's own memory at the instruction being
	// analysed; ever holds the variables captured by closures, which may
	// be written and read in any order, and so are read as a whole.
	cur, ever locals
	// curOwned marks the roots whose paths cur may change in place; the
	// others' are shared with the memory at the end of a predecessor
	// block, and copied before the first change (entry, setCur).
	curOwned map[ssa.Value]bool
	// everChanged: a sweep wrote something new to ever.
	everChanged bool
	// exit joins the memory at the function's returns: what it leaves
	// behind its pointer parameters.
	exit  locals
	class map[ssa.Value]rootClass
	// names marks texts that end with "<param>=": their parameter names
	// the variable a value is put under, at the caller.
	names map[ssa.Value]uint64
	// derived maps ini sections and keys to what they are part of.
	derived map[ssa.Value]iniPart
	// ranges maps a range iterator to the place of what it ranges over.
	ranges map[ssa.Value]place
	// record is set in the last sweep, once the function's taints have
	// settled: constructions are recorded then.
	record bool
	dirty  bool
	depth  int // of resultsOfValue
	// pos is the position of the instruction being analysed, for the
	// hops of trails; block is its block.
	pos   token.Pos
	block *ssa.BasicBlock
	// callee names the function whose summary is being applied.
	callee string
	// fetches is set when the function asks for credentials: it calls a
	// source, or a function that does.
	fetches bool
}

// maxFuncRounds bounds the rounds of a function's own fixed point: loops
// carry taint backwards through phis and memory. The bound keeps
// pathological functions cheap; beyond it, what is not settled is lost
// (a missed finding, never a false one).
const maxFuncRounds = 8

// analyzeFunc analyses one function: rounds over its blocks, in
// dominator order, with the memory at each block's entry the join of its
// predecessors' exits, until nothing changes; then one last sweep that
// records results, sinks and the function's summary.
func (a *analysisState) analyzeFunc(fi *funcInfo) {
	fn := fi.fn
	a.current, a.currentInfo = fn, fi
	fi.hits, fi.deps, fi.shared = nil, nil, false
	fi.analysedAt, fi.versionAt = a.clock, a.version+a.heap.version
	if panicOnFunc != "" && fn.Name() == panicOnFunc {
		panic("tokenlint_panictest: deliberate panic")
	}
	s := &funcState{
		a:       a,
		fi:      fi,
		vals:    make(map[ssa.Value]taint),
		fields:  make(map[ssa.Value]paths),
		tuple:   make(map[ssa.Value][]rtaint),
		ever:    make(locals),
		exit:    make(locals),
		class:   make(map[ssa.Value]rootClass),
		names:   make(map[ssa.Value]uint64),
		derived: make(map[ssa.Value]iniPart),
		ranges:  make(map[ssa.Value]place),
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
	blocks, acyclic := blockOrder(fn)
	out := make([]locals, len(fn.Blocks))
	sweep := func() {
		for _, b := range blocks {
			s.cur = s.entry(b, out)
			for _, instr := range b.Instrs {
				s.transfer(instr)
			}
			if out[b.Index] == nil || !out[b.Index].equal(s.cur) {
				out[b.Index] = s.cur
				s.dirty = true
			}
		}
	}
	for round := range maxFuncRounds {
		s.dirty, s.everChanged = false, false
		// Without loops, blocks in topological order see all their
		// predecessors' memory and every value's operands in one sweep:
		// another would change nothing, unless a captured variable
		// (joined over the whole function) was written after a read. So
		// the first sweep of such a function records, and is its last
		// unless that happened. (What the function stores on the heap
		// and reads back is seen when the package's fixed point analyses
		// it again: the heap changed since its analysis began, stale.)
		first := round == 0 && acyclic
		// With loops, every sweep after the first records too: the first
		// that changes nothing saw the settled memory, and what it
		// recorded is final.
		if first || round > 0 {
			s.startRecording()
		}
		sweep()
		if first && !s.everChanged || round > 0 && !s.dirty {
			fi.summary = s.summarise()
			return
		}
		s.record = false
		if !s.dirty || acyclic && !s.everChanged {
			break
		}
	}
	// The last sweep, with the settled memory: record what the function
	// returns, constructs and leaves behind.
	s.startRecording()
	sweep()
	fi.summary = s.summarise()
}

// startRecording starts a sweep that records the function's results,
// hits, sinks, writer sinks and exit memory, anew.
func (s *funcState) startRecording() {
	fi := s.fi
	fi.results = make([]rtaint, fi.fn.Signature.Results().Len())
	fi.sinks, fi.writes, fi.hits = nil, nil, nil
	s.exit = make(locals)
	s.record = true
}

// blockOrder returns the function's blocks in the order of its sweeps:
// reverse postorder if the control-flow graph has no cycle, which is
// then a topological order (acyclic), and the dominator tree's preorder
// otherwise.
func blockOrder(fn *ssa.Function) ([]*ssa.BasicBlock, bool) {
	dom := fn.DomPreorder()
	if fn.Recover != nil || len(dom) == 0 {
		return dom, false
	}
	// Depth-first from the entry; a successor still on the stack closes a
	// cycle.
	const (
		unseen = iota
		onStack
		done
	)
	state := make([]uint8, len(fn.Blocks))
	post := make([]*ssa.BasicBlock, 0, len(dom))
	type frame struct {
		b    *ssa.BasicBlock
		next int
	}
	stack := []frame{{b: fn.Blocks[0]}}
	state[0] = onStack
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if f.next < len(f.b.Succs) {
			succ := f.b.Succs[f.next]
			f.next++
			switch state[succ.Index] {
			case onStack:
				return dom, false
			case unseen:
				state[succ.Index] = onStack
				stack = append(stack, frame{b: succ})
			}
			continue
		}
		state[f.b.Index] = done
		post = append(post, f.b)
		stack = stack[:len(stack)-1]
	}
	if len(post) != len(dom) {
		return dom, false // blocks the entry does not reach
	}
	slices.Reverse(post)
	return post, true
}

// entry returns the memory at the entry of block b: the join of what its
// predecessors leave (a fresh copy, which the block's instructions
// update).
//
// The paths of a root are shared with the predecessor they come from, not
// copied: a block changes few of the roots it receives, and copying every
// root's paths at every block's entry was most of what the solve
// allocated (copy on write: setCur).
func (s *funcState) entry(b *ssa.BasicBlock, out []locals) locals {
	var in locals
	owned := make(map[ssa.Value]bool)
	for _, p := range b.Preds {
		o := out[p.Index]
		if o == nil {
			continue
		}
		if in == nil {
			in = maps.Clone(o)
			continue
		}
		for r, ops := range o {
			ps := in[r]
			if ps == nil {
				in[r] = ops
				continue
			}
			if samePaths(ps, ops) {
				continue
			}
			if !owned[r] {
				ps = maps.Clone(ps)
				in[r], owned[r] = ps, true
			}
			for path, t := range ops {
				ps.weakSet(path, t)
			}
		}
	}
	if in == nil {
		in = make(locals)
	}
	s.curOwned = owned
	return in
}

// setCur is cur.set, copying the root's paths first if they are shared.
func (s *funcState) setCur(root ssa.Value, path string, t taint, strong bool) {
	if ps := s.cur[root]; ps != nil && !s.curOwned[root] {
		s.cur[root] = maps.Clone(ps)
	}
	s.curOwned[root] = true
	s.cur.set(root, path, t, strong)
}

// samePaths reports whether two paths values are the same map.
func samePaths(a, b paths) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// set joins t into the taint of v.
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

// setField joins t into the taint of v's field at path.
func (s *funcState) setField(v ssa.Value, path string, t taint) {
	if t.empty() {
		return
	}
	ps := s.fields[v]
	if ps == nil {
		ps = make(paths)
		s.fields[v] = ps
	}
	if ps.weakSet(path, t) {
		s.dirty = true
	}
}

// setR records a value with fields: a call result, a loaded struct.
func (s *funcState) setR(v ssa.Value, r rtaint) {
	s.set(v, r.whole)
	for p, t := range r.fields {
		s.setField(v, p, t)
	}
}

// shape returns the taint of v as a whole and by field path.
func (s *funcState) shape(v ssa.Value) rtaint {
	switch v.(type) {
	case *ssa.Alloc:
		// A local object: what is stored in it, field by field.
		r := rtaint{whole: s.rootWhole(v)}
		for p, t := range s.rootPaths(v) {
			if p == "" {
				r.whole = join(r.whole, t)
				continue
			}
			if r.fields == nil {
				r.fields = make(map[string]taint)
			}
			r.fields[p] = join(r.fields[p], t)
		}
		return r
	}
	fs := s.fields[v]
	if len(fs) == 0 {
		fs = s.callerStruct(v)
	}
	if len(fs) > 0 {
		r := rtaint{whole: s.vals[v], fields: make(map[string]taint, len(fs))}
		for p, t := range fs {
			r.fields[p] = t
		}
		for p, t := range s.rootPaths(v) {
			if p == "" {
				r.whole = join(r.whole, t)
			} else {
				r.fields[p] = join(r.fields[p], t)
			}
		}
		return r
	}
	return rtaint{whole: s.get(v)}
}

// rootPaths returns what the function stored below root (in program
// order, or in any order for a captured variable).
func (s *funcState) rootPaths(root ssa.Value) paths {
	if s.classOf(root) == classCaptured {
		return s.ever[root]
	}
	return s.cur[root]
}

// infoOf returns the state of a function of the package, noting that the
// function being analysed reads it (stale).
func (s *funcState) infoOf(fn *ssa.Function) (*funcInfo, bool) {
	fi, ok := s.a.info[fn]
	if ok {
		if s.fi.deps == nil {
			s.fi.deps = make(map[*funcInfo]struct{})
		}
		s.fi.deps[fi] = struct{}{}
	}
	return fi, ok
}

// readsShared notes that the function being analysed reads the heap or
// captured variables (stale).
func (a *analysisState) readsShared() {
	if a.currentInfo != nil {
		a.currentInfo.shared = true
	}
}
