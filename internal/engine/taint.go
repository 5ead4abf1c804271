package engine

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// taint is what the engine knows about one value: the temporary
// credentials it may carry (src) and, while summarising a function, which
// of the function's parameters and free variables flow into it (params,
// a bit set over go/ssa's Params followed by FreeVars).
//
// parts says which parts of the credentials (key id, secret, session
// token) a value with a src carries; entry names the credential variable
// or key ("AWS_SESSION_TOKEN") of a text that puts a value under that name
// ("AWS_SESSION_TOKEN=" + v, an ini key, a map entry).
//
// frozen describes a credentials provider that cannot refresh which the
// value is or holds (a static provider with a session token, ...), and
// client names the AWS client type the value is or holds (singletonclient).
type taint struct {
	src    catalog.Source
	parts  uint8
	params uint64
	entry  string
	frozen string
	client string
	// frozenIf: the value is frozen if the caller's argument for any of
	// these parameters is not provably empty (a helper that builds a
	// static provider from its token parameter).
	frozenIf uint64
	// frozenSrcIf: the value is a provider frozen from these parameters'
	// values: frozen if the caller's argument carries temporary
	// credentials (a helper that builds a static provider from a
	// credentials parameter).
	frozenSrcIf uint64
}

func (t taint) empty() bool {
	return t.src.Label == "" && t.params == 0 && t.entry == "" && t.frozen == "" && t.client == "" && t.frozenIf == 0 && t.frozenSrcIf == 0
}

// minLabel returns the smaller non-empty label.
func minLabel(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// sourced returns the taint of a value fresh from a source.
func sourced(src catalog.Source) taint { return taint{src: src, parts: catalog.PartsAll} }

// join merges two taints. Of two sources (or entries) the one with the
// smaller label wins, so that the result does not depend on visiting order.
func join(a, b taint) taint {
	if a.src.Label == "" || (b.src.Label != "" && b.src.Label < a.src.Label) {
		a.src = b.src
	}
	a.entry = minLabel(a.entry, b.entry)
	a.frozen = minLabel(a.frozen, b.frozen)
	a.client = minLabel(a.client, b.client)
	a.parts |= b.parts
	a.params |= b.params
	a.frozenIf |= b.frozenIf
	a.frozenSrcIf |= b.frozenSrcIf
	return a
}

// narrow keeps only the given parts of the credentials.
func narrow(t taint, mask uint8) taint {
	t.parts &= mask
	if t.parts == 0 {
		t.src = catalog.Source{}
	}
	return t
}

// hasToken reports whether t carries a session token from a source.
func (t taint) hasToken() bool { return t.src.Label != "" && t.parts&catalog.PartToken != 0 }

// rtaint is the taint of a function result: of the whole value, and,
// for a struct built in the function, of each of its fields, so that a
// caller that uses only the metadata (an expiry time) is not tainted by
// the credentials beside it.
type rtaint struct {
	whole  taint
	fields map[int]taint
}

func (r rtaint) joinAll() taint {
	t := r.whole
	for _, f := range r.fields {
		t = join(t, f)
	}
	return t
}

// maxParams bounds the symbolic parameters tracked per function.
const maxParams = 64

// memKey is an abstract memory location: a root object (an Alloc, a
// Global, a pointer-valued parameter or result, or a struct value whose
// fields are tracked apart) and a field path such as ".0.2" or ".1[]".
type memKey struct {
	root ssa.Value
	path string
}

// memory maps root objects to the taint stored along their paths.
type memory map[ssa.Value]map[string]taint

// isPathPrefix reports whether path a is b or leads to b.
func isPathPrefix(a, b string) bool {
	return a == "" || a == b || (strings.HasPrefix(b, a) && (b[len(a)] == '.' || b[len(a)] == '['))
}

// sinkHit is a construction reached by a tainted value inside a function.
type sinkHit struct {
	kind Kind
	pos  token.Pos
	sink string
	// name is the variable or key written (envoverride).
	name  string
	via   string
	t     taint
	force bool
	// ifSource (singletonclient): the parameters in t.params make the
	// stored client frozen when they carry temporary credentials.
	ifSource bool
}

// resolve re-targets a hit recorded inside a callee or closure with the
// taint its parameters take at a call or where the closure is made.
func resolve(h sinkHit, t taint) sinkHit {
	if h.kind == Singleton {
		if t.client == "" {
			t.client = h.t.client
		}
		if h.ifSource && t.frozen == "" && t.src.Label != "" {
			t.frozen = "a static provider built from " + t.src.Label
		}
	}
	h.t, h.force = t, false
	return h
}

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

func (s *funcState) store(k memKey, t taint) {
	if t.empty() {
		return
	}
	m, global := s.mem, isGlobal(k.root)
	if global {
		// Globals outlive the call: what depends on this call's
		// parameters means nothing there.
		t.params, t.frozenIf, t.frozenSrcIf = 0, 0, 0
		if t.empty() {
			return
		}
		m = s.a.globals
	}
	paths := m[k.root]
	if paths == nil {
		paths = make(map[string]taint)
		m[k.root] = paths
	}
	old := paths[k.path]
	if n := join(old, t); n != old {
		paths[k.path] = n
		s.dirty = true
		if global {
			s.a.globalsVersion++
		}
	}
}

// storeValue stores val at (root, path), keeping apart the fields of a
// struct value whose fields are tracked.
func (s *funcState) storeValue(root ssa.Value, path string, val ssa.Value) {
	if fields, ok := s.mem[val]; ok {
		for p, t := range fields {
			s.store(memKey{root, path + p}, t)
		}
		s.store(memKey{root, path}, s.vals[val])
		return
	}
	s.store(memKey{root, path}, s.get(val))
}

func isGlobal(v ssa.Value) bool {
	_, ok := v.(*ssa.Global)
	return ok
}

func (s *funcState) paths(root ssa.Value) map[string]taint {
	if _, ok := root.(*ssa.Global); ok {
		return s.a.globals[root]
	}
	return s.mem[root]
}

// memUnder returns the taint stored at root along path, at any sub-path
// of it (loading a struct that contains a tainted field) or at any prefix
// of it (loading a field of a struct stored whole).
func (s *funcState) memUnder(root ssa.Value, path string) taint {
	var t taint
	for p, v := range s.paths(root) {
		if isPathPrefix(path, p) || isPathPrefix(p, path) {
			t = join(t, v)
		}
	}
	return t
}

// addrRoot decomposes an address into its root object and field path.
func addrRoot(v ssa.Value) (ssa.Value, string) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		root, path := addrRoot(v.X)
		return root, path + "." + strconv.Itoa(v.Field)
	case *ssa.IndexAddr:
		root, path := addrRoot(v.X)
		return root, path + "[]"
	}
	return v, ""
}

// get returns the taint of a value. For addresses it is the taint of
// what they point to.
func (s *funcState) get(v ssa.Value) taint {
	switch v := v.(type) {
	case nil, *ssa.Const, *ssa.Function, *ssa.Builtin:
		return taint{}
	case *ssa.FieldAddr:
		mask, sdk := fieldParts(v.X.Type(), v.Field)
		if mask == 0 {
			return taint{}
		}
		root, path := addrRoot(v)
		t := join(s.memUnder(root, path), s.vals[root])
		if sdk {
			t = narrow(t, mask)
		}
		return t
	case *ssa.IndexAddr:
		root, path := addrRoot(v)
		return join(s.memUnder(root, path), s.vals[root])
	case *ssa.Alloc:
		t := join(s.vals[v], s.memUnder(v, ""))
		if s.staticProviderType(v.Type()) != "" {
			t.frozen = minLabel(t.frozen, frozenLabel(t, allocHasToken(v)))
			t.frozenSrcIf |= t.params
		}
		return t
	}
	return join(s.vals[v], s.memUnder(v, ""))
}

// fieldParts returns the credential parts that field i of the struct
// that t (or *t) denotes may carry, and whether the struct is the SDK's.
// Of SDK structs, only the fields in the catalogue carry credentials; of
// the user's structs, any field may (the memory model keeps them apart).
func fieldParts(t types.Type, i int) (uint8, bool) {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return catalog.PartsAll, false
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || !catalog.IsSDK(named.Obj().Pkg().Path()) {
		return catalog.PartsAll, false
	}
	return catalog.FieldParts[st.Field(i).Name()], true
}

// typeKey returns the package path and name of a (pointer to a) named type.
func typeKey(t types.Type) (catalog.TypeKey, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return catalog.TypeKey{}, false
	}
	return catalog.TypeKey{Pkg: named.Obj().Pkg().Path(), Name: named.Obj().Name()}, true
}

func (s *funcState) step(instr ssa.Instruction) {
	switch v := instr.(type) {
	case *ssa.UnOp:
		s.set(v, s.get(v.X))
	case *ssa.BinOp:
		if v.Op == token.ADD {
			t := join(s.get(v.X), s.get(v.Y))
			if name := entryName(constString(v.X), true); name != "" && !provablyEmpty(v.Y) {
				t = withEntry(t, name, s.get(v.Y))
			}
			s.set(v, t)
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			s.set(v, s.get(e))
		}
	case *ssa.ChangeType:
		s.set(v, join(s.get(v.X), s.providerFuncTaint(v.X, v.Type())))
	case *ssa.Convert:
		s.set(v, join(s.get(v.X), s.providerFuncTaint(v.X, v.Type())))
	case *ssa.MultiConvert:
		s.set(v, s.get(v.X))
	case *ssa.ChangeInterface:
		s.set(v, s.get(v.X))
	case *ssa.MakeInterface:
		s.set(v, s.get(v.X))
	case *ssa.SliceToArrayPointer:
		s.set(v, s.get(v.X))
	case *ssa.TypeAssert:
		s.set(v, s.get(v.X))
	case *ssa.Slice:
		t := s.get(v.X)
		if isString(v.X.Type()) {
			// A prefix of an access key id identifies it; it is not a secret.
			t = narrow(t, t.parts&^catalog.PartKeyID)
		}
		s.set(v, t)
	case *ssa.Index:
		s.set(v, s.get(v.X))
	case *ssa.Lookup:
		s.set(v, s.get(v.X))
	case *ssa.Field:
		if mask, sdk := fieldParts(v.X.Type(), v.Field); mask != 0 {
			t := join(s.vals[v.X], s.memUnder(v.X, "."+strconv.Itoa(v.Field)))
			if sdk {
				t = narrow(t, mask)
			}
			s.set(v, t)
		}
	case *ssa.Extract:
		if ts, ok := s.tuple[v.Tuple]; ok && v.Index < len(ts) {
			s.setResult(v, ts[v.Index])
		} else {
			s.set(v, s.get(v.Tuple))
		}
	case *ssa.Store:
		root, path := addrRoot(v.Addr)
		s.storeValue(root, path, v.Val)
	case *ssa.MapUpdate:
		t := s.get(v.Value)
		for _, name := range constStrings(v.Key) {
			if catalog.IsTokenName(name) || catalog.IsKeyName(name) {
				if !provablyEmpty(v.Value) {
					t = withEntry(t, name, t)
				}
			}
		}
		s.store(memKey{v.Map, "[]"}, t)
	case *ssa.Call:
		ts := s.call(v.Common(), v, false)
		if len(ts) == 1 {
			s.setResult(v, ts[0])
		} else if len(ts) > 1 {
			old := s.tuple[v]
			merged := make([]rtaint, len(ts))
			changed := len(old) != len(ts)
			for i := range ts {
				merged[i] = ts[i]
				if i < len(old) {
					merged[i] = joinR(old[i], ts[i])
					if !equalR(old[i], merged[i]) {
						changed = true
					}
				}
			}
			if changed {
				s.tuple[v] = merged
				s.dirty = true
			}
		}
	}
}

// setResult records a call result: its whole taint as the value's, its
// fields' taints as memory rooted at the value.
func (s *funcState) setResult(v ssa.Value, r rtaint) {
	s.set(v, r.whole)
	for i, t := range r.fields {
		s.store(memKey{v, "." + strconv.Itoa(i)}, t)
	}
}

func joinR(a, b rtaint) rtaint {
	out := rtaint{whole: join(a.whole, b.whole)}
	if len(a.fields)+len(b.fields) > 0 {
		out.fields = make(map[int]taint)
		for i, t := range a.fields {
			out.fields[i] = join(out.fields[i], t)
		}
		for i, t := range b.fields {
			out.fields[i] = join(out.fields[i], t)
		}
	}
	return out
}

func equalR(a, b rtaint) bool {
	return a.whole == b.whole && maps.Equal(a.fields, b.fields)
}

// resultOf splits a returned value into whole and per-field taints.
func (s *funcState) resultOf(r ssa.Value) rtaint {
	base, whole := r, s.vals[r]
	if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL {
		if al, ok := u.X.(*ssa.Alloc); ok {
			base, whole = al, s.vals[al]
		}
	}
	st, ok := r.Type().Underlying().(*types.Struct)
	if !ok {
		return rtaint{whole: s.get(r)}
	}
	out := rtaint{whole: whole}
	for i := range st.NumFields() {
		if t := s.memUnder(base, "."+strconv.Itoa(i)); !t.empty() {
			if out.fields == nil {
				out.fields = make(map[int]taint)
			}
			out.fields[i] = t
		}
	}
	return out
}

// finish records sinks and results once taints have settled.
func (s *funcState) finish(instr ssa.Instruction) {
	switch v := instr.(type) {
	case *ssa.Return:
		for i, r := range v.Results {
			if i < len(s.fi.results) {
				s.fi.results[i] = joinR(s.fi.results[i], s.resultOf(r))
			}
		}
	case *ssa.Call:
		s.call(v.Common(), v, true)
	case *ssa.Go:
		s.call(v.Common(), nil, true)
	case *ssa.Defer:
		s.call(v.Common(), nil, true)
	case *ssa.Alloc:
		s.allocSink(v)
	case *ssa.Store:
		s.childEnvStore(v)
		if g := packageLevel(v.Addr); g != nil && !isFunc(v.Val.Type()) {
			// (A func, such as sync.OnceValue's, is reported where it is made.)
			s.singletonStore(v.Pos(), g, s.get(v.Val))
		}
	case *ssa.MapUpdate:
		if g := packageLevel(v.Map); g != nil {
			s.singletonStore(v.Pos(), g, s.get(v.Value))
		}
	case *ssa.MakeClosure:
		s.closureSinks(v)
	case *ssa.ChangeType:
		s.providerFunc(v.X, v.Type())
	case *ssa.Convert:
		s.providerFunc(v.X, v.Type())
	}
}

// hit records that taint t reaches a construction. A hit is a finding
// when its taint has a source (or h.force is set: a session token under
// its own name is one whatever its origin); a hit through parameters goes
// into the function's summary for its callers.
func (s *funcState) hit(h sinkHit) {
	if h.t.empty() && !h.force {
		return
	}
	if h.kind.isEnv() && s.inTest() {
		// t.Setenv and helpers that take a testing.TB: tests persist nothing.
		return
	}
	if h.kind == Singleton && strings.HasSuffix(s.a.pass.Fset.Position(h.pos).Filename, "_test.go") {
		// Test fixtures live as long as the test binary.
		return
	}
	if !h.force {
		s.fi.sinks = append(s.fi.sinks, h)
	}
	if s.a.final && (h.force || isFinding(h.kind, h.t)) {
		s.a.hits = append(s.a.hits, h)
	}
}

// isFinding reports whether taint t reaching a sink of the kind is a
// finding: temporary credentials in a static provider or under a key
// name; a credential entry in a child's environment; a session token (or
// a text that names one) written to disk.
func isFinding(k Kind, t taint) bool {
	switch k {
	case EnvChild:
		return t.entry != ""
	case DiskWrite:
		return t.entry != "" || t.hasToken()
	case Singleton:
		return t.frozen != "" && t.client != ""
	}
	return t.src.Label != ""
}

// inTest reports whether the function (or one it is nested in) takes a
// *testing.T, *testing.B, *testing.F or testing.TB.
func (s *funcState) inTest() bool {
	for fn := s.fi.fn; fn != nil; fn = fn.Parent() {
		for _, p := range fn.Params {
			if k, ok := typeKey(p.Type()); ok && k.Pkg == "testing" {
				switch k.Name {
				case "T", "B", "F", "TB":
					return true
				}
			}
		}
	}
	return false
}

// callArgs returns a call's argument vector in go/ssa parameter order: the
// receiver (for static method calls) and arguments, then the bindings of
// a closure's free variables.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	args := c.Args
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		args = append(slices.Clip(args), mc.Bindings...)
	}
	return args
}

// call computes the taint of a call's results and, when record is set,
// reports the constructions it performs.
func (s *funcState) call(c *ssa.CallCommon, value ssa.Value, record bool) []rtaint {
	sig := c.Signature()
	nres := sig.Results().Len()
	res := make([]rtaint, nres)

	// Sources: results whose type says they came from an STS or SSO
	// operation, whoever returns them (client, interface, mock).
	for i := 0; i < nres; i++ {
		if k, ok := typeKey(sig.Results().At(i).Type()); ok {
			if src, ok := catalog.OutputSources[k]; ok {
				res[i].whole = sourced(src)
			}
		}
	}

	if b, ok := c.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" && nres == 1 {
			res[0].whole = s.argsTaint(c.Args)
		}
		return res
	}

	callee := c.StaticCallee()
	var obj *types.Func
	if callee != nil {
		obj, _ = callee.Object().(*types.Func)
		if callee.Origin() != nil {
			callee = callee.Origin()
			obj, _ = callee.Object().(*types.Func)
		}
	} else if c.IsInvoke() {
		obj = c.Method
	}
	args := callArgs(c)

	// Same-package functions and closures: their summaries.
	if callee != nil {
		if fi, ok := s.a.info[callee]; ok {
			s.applySummary(c, fi.summary, args, res, callee, record)
			return res
		}
	}

	if obj != nil && obj.Pkg() != nil {
		pkgPath := obj.Pkg().Path()
		name := obj.Name()
		recv := obj.Signature().Recv()

		// Snapshots: Retrieve / Get of a provider.
		for i := 0; i < nres; i++ {
			k, ok := typeKey(sig.Results().At(i).Type())
			if !ok {
				continue
			}
			snap, ok := catalog.SnapshotTypes[k]
			if !ok || !snap.Methods[name] || recv == nil {
				continue
			}
			if rk, ok := typeKey(recv.Type()); ok && catalog.StaticProviderTypes[rk] && len(args) > 0 {
				// A static provider returns what it was built with.
				res[i].whole = join(res[i].whole, s.get(args[0]))
				continue
			}
			if callee != nil && !catalog.IsSDK(pkgPath) {
				// The user's own provider: its summary, if any, decides.
				continue
			}
			res[i].whole = join(res[i].whole, sourced(snap.Source))
		}

		if recv != nil && catalog.INIPackages[pkgPath] {
			s.iniCall(c, value, name, args, record)
		}
		if recv != nil && record {
			s.writeMethod(c, recv.Type(), name, args)
		}
		if recv != nil {
			if rk, ok := typeKey(recv.Type()); ok {
				if pass := catalog.MethodPassthrough[rk]; pass != nil && pass(name) {
					t := s.argsTaint(args)
					for i := range res {
						res[i].whole = join(res[i].whole, t)
					}
				}
			}
		}
		if recv == nil {
			fk := catalog.FuncKey{Pkg: pkgPath, Name: name}
			if record {
				s.envSinks(c, fk, args)
			}
			if catalog.Passthrough[fk] {
				t := s.argsTaint(args)
				for i := range res {
					res[i].whole = join(res[i].whole, t)
				}
			}
			if sink, ok := catalog.StaticSinkFuncs[fk]; ok {
				var t taint
				for _, i := range sink.Args {
					if i < len(args) {
						t = join(t, s.get(args[i]))
						if record {
							s.hit(sinkHit{kind: StaticProvider, pos: c.Pos(), sink: sink.Name, t: s.get(args[i])})
						}
					}
				}
				token := false
				if len(sink.Args) == 3 && len(args) == 3 {
					if p, ok := s.paramIndex(args[2]); ok && nres > 0 {
						res[0].whole.frozenIf |= 1 << p
					} else {
						token = !provablyEmpty(args[2])
					}
				} else if len(args) == 1 {
					token = valueHasToken(args[0])
				}
				if f := frozenLabel(t, token); f != "" && nres > 0 {
					res[0].whole.frozen = f
				}
				if nres > 0 {
					res[0].whole.frozenSrcIf |= t.params
				}
			}
			if label, ok := catalog.ServiceClientFunc(pkgPath, name, obj.Pkg().Name(), resultTypeName(sig)); ok && nres > 0 {
				t := s.argsTaint(args)
				res[0].whole = join(res[0].whole, taint{frozen: t.frozen, frozenIf: t.frozenIf, frozenSrcIf: t.frozenSrcIf, params: t.params, client: label})
			}
			if once, ok := catalog.OnceFuncs[fk]; ok && len(c.Args) == 1 {
				s.onceSingleton(c, once, c.Args[0], res, record)
			}
		}

		// Functions of other packages of the user's: their facts.
		if callee != nil && !catalog.IsSDK(pkgPath) {
			var sum FuncSummary
			if s.a.pass.ImportObjectFact(obj, &sum) {
				s.applySummary(c, &sum, args, res, callee, record)
				return res
			}
		}

		// The standard library's string functions (fmt.Sprintf,
		// strings.TrimSpace, ...) pass their inputs on; a format that puts
		// a value under a credential name makes an entry.
		if callee != nil && catalog.IsStdPath(pkgPath) {
			t := s.argsTaint(args)
			if recv == nil && len(args) > 1 && strings.HasPrefix(name, "Sprint") {
				t = s.formatEntry(t, args[0], args[1:])
			}
			for i := 0; i < nres; i++ {
				if carriesText(sig.Results().At(i).Type()) {
					res[i].whole = join(res[i].whole, t)
				}
			}
		}
	}
	return res
}

func (s *funcState) argsTaint(args []ssa.Value) taint {
	var t taint
	for _, a := range args {
		t = join(t, s.get(a))
	}
	return t
}

// applySummary applies a callee's summary at a call site.
func (s *funcState) applySummary(c *ssa.CallCommon, sum *FuncSummary, args []ssa.Value, res []rtaint, callee *ssa.Function, record bool) {
	// The callee's writes to a writer parameter: a finding if this call
	// passes a file, a write of this function's if it passes its own.
	if record {
		for _, ws := range sum.WriterSinks {
			if ws.Writer < len(args) {
				t := s.instantiate(ws.TaintSummary, args)
				if isFileWriter(args[ws.Writer]) {
					s.hit(sinkHit{kind: DiskWrite, pos: c.Pos(), sink: ws.Sink, name: t.entry, via: funcName(callee), t: t})
				} else if p, ok := s.writerParam(args[ws.Writer]); ok {
					s.fi.writes = append(s.fi.writes, writerSink{writer: p, sink: ws.Sink, t: t})
				}
			}
		}
	}
	// The callee's stores through pointer parameters land in the
	// caller's memory, below what the argument points to.
	for _, w := range sum.Writes {
		if w.Param < len(args) {
			root, path := addrRoot(args[w.Param])
			s.store(memKey{root, path + w.Path}, s.instantiate(w.TaintSummary, args))
		}
	}
	for i, r := range sum.Results {
		if i >= len(res) {
			break
		}
		res[i].whole = join(res[i].whole, s.instantiate(r.TaintSummary, args))
		for _, f := range r.Fields {
			if res[i].fields == nil {
				res[i].fields = make(map[int]taint)
			}
			res[i].fields[f.Field] = join(res[i].fields[f.Field], s.instantiate(f.TaintSummary, args))
		}
	}
	if !record {
		return
	}
	if fi, ok := s.a.info[callee]; ok && callee.Parent() != nil {
		// A closure called in place: its constructions are reported
		// where they stand, when a parameter brings the taint. (Captured
		// variables are handled where the closure is made.)
		for _, h := range fi.sinks {
			var t taint
			for p := range min(len(callee.Params), len(args), maxParams) {
				if h.t.params&(1<<p) != 0 {
					t = join(t, s.get(args[p]))
				}
			}
			s.hit(resolve(h, t))
		}
		return
	}
	for _, ps := range sum.Sinks {
		if ps.Param >= len(args) {
			continue
		}
		t := s.get(args[ps.Param])
		h := sinkHit{kind: ps.Kind, pos: c.Pos(), sink: ps.Sink, name: ps.Name, via: funcName(callee), ifSource: ps.IfSource}
		h.t.client = ps.Client
		s.hit(resolve(h, t))
	}
}

// instantiate turns a summarised taint into the taint of a call's
// result, given the call's arguments. A helper that builds a static
// provider from its token parameter returns a frozen one when the
// argument is not provably empty.
func (s *funcState) instantiate(ts TaintSummary, args []ssa.Value) taint {
	t := taint{src: ts.Source, parts: ts.Parts, entry: ts.Entry, frozen: ts.Frozen, client: ts.Client}
	for _, p := range ts.Params {
		if p < len(args) {
			t = join(t, s.get(args[p]))
		}
	}
	for _, p := range ts.FrozenIf {
		if p >= len(args) {
			continue
		}
		if q, ok := s.paramIndex(args[p]); ok {
			t.frozenIf |= 1 << q
		} else if !provablyEmpty(args[p]) {
			t.frozen = minLabel(t.frozen, "a static provider with a session token")
		}
	}
	for _, p := range ts.FrozenSrcIf {
		if p < len(args) {
			a := s.get(args[p])
			if a.src.Label != "" {
				t.frozen = minLabel(t.frozen, "a static provider built from "+a.src.Label)
			}
			t.frozenSrcIf |= a.params
		}
	}
	return t
}

// summarize is instantiate's inverse: what a settled taint says to callers.
func summarize(t taint) TaintSummary {
	return TaintSummary{Source: t.src, Parts: t.parts, Entry: t.entry, Frozen: t.frozen, Client: t.client, FrozenIf: bits(t.frozenIf), FrozenSrcIf: bits(t.frozenSrcIf), Params: bits(t.params)}
}

// paramIndex returns the index of v among the function's parameters and
// free variables, if v is one.
func (s *funcState) paramIndex(v ssa.Value) (int, bool) {
	fn := s.fi.fn
	switch v := v.(type) {
	case *ssa.Parameter:
		if i := slices.Index(fn.Params, v); i >= 0 && i < maxParams {
			return i, true
		}
	case *ssa.FreeVar:
		if i := slices.Index(fn.FreeVars, v); i >= 0 && len(fn.Params)+i < maxParams {
			return len(fn.Params) + i, true
		}
	}
	return 0, false
}

// closureSinks reports the constructions inside a closure that freeze a
// value the closure captured.
func (s *funcState) closureSinks(mc *ssa.MakeClosure) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	fi, ok := s.a.info[fn]
	if !ok {
		return
	}
	for _, h := range fi.sinks {
		var t taint
		for j, b := range mc.Bindings {
			if bit := len(fn.Params) + j; bit < maxParams && h.t.params&(1<<bit) != 0 {
				t = join(t, s.get(b))
			}
		}
		s.hit(resolve(h, t))
	}
}

// allocSink reports composite literals of static provider structs (and
// variables of those types) that hold tainted credentials.
func (s *funcState) allocSink(al *ssa.Alloc) {
	name := s.staticProviderType(al.Type())
	if name == "" {
		return
	}
	s.hit(sinkHit{kind: StaticProvider, pos: al.Pos(), sink: name, t: s.memUnder(al, "")})
}

// staticProviderType returns how messages name the type of *ptr when it
// is a provider that returns what it was built with: the SDK's static
// providers, and the user's own types whose Retrieve returns (a value
// derived from) the receiver and fetches nothing, unless they handle
// expiry (IsExpired or ExpiresAt methods). "" for any other type.
func (s *funcState) staticProviderType(ptr types.Type) string {
	k, ok := typeKey(ptr)
	if !ok {
		return ""
	}
	if name := catalog.StaticSinkTypes[k]; name != "" {
		return name
	}
	if catalog.IsSDK(k.Pkg) || catalog.IsStdPath(k.Pkg) {
		return ""
	}
	if name, ok := s.a.customStatic[k]; ok {
		return name
	}
	name := s.customStaticProvider(ptr)
	if s.a.final {
		// Summaries change until the fixed point; cache only then.
		s.a.customStatic[k] = name
	}
	return name
}

func (s *funcState) customStaticProvider(ptr types.Type) string {
	t := types.Unalias(ptr)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return ""
	}
	mset := types.NewMethodSet(types.NewPointer(named))
	for _, name := range []string{"IsExpired", "ExpiresAt"} {
		if mset.Lookup(named.Obj().Pkg(), name) != nil || mset.Lookup(nil, name) != nil {
			return "" // it handles expiry
		}
	}
	sel := mset.Lookup(nil, "Retrieve")
	if sel == nil {
		return ""
	}
	m, ok := sel.Obj().(*types.Func)
	if !ok || m.Signature().Results().Len() != 2 {
		return ""
	}
	if k, ok := typeKey(m.Signature().Results().At(0).Type()); !ok || k != (catalog.TypeKey{Pkg: catalog.V2AWS, Name: "Credentials"}) {
		return ""
	}
	var sum *FuncSummary
	if m.Pkg() == s.a.pass.Pkg {
		if fi, ok := s.a.info[s.a.pkg.Prog.FuncValue(m)]; ok {
			sum = fi.summary
		}
	} else {
		var imported FuncSummary
		if s.a.pass.ImportObjectFact(m, &imported) {
			sum = &imported
		}
	}
	if sum == nil || len(sum.Results) == 0 {
		return ""
	}
	r := sum.Results[0]
	if r.Source.Label != "" || !slices.Contains(r.Params, 0) {
		return "" // it fetches credentials, or returns no part of itself
	}
	return "*" + named.Obj().Name() + " (its Retrieve returns what it was built with)"
}

// providerFunc reports a func converted to aws.CredentialsProviderFunc
// that returns credentials it captured rather than fetched.
func (s *funcState) providerFunc(x ssa.Value, to types.Type) {
	if fn, t, ok := s.capturedResult(x, to); ok {
		s.hit(sinkHit{kind: CapturedProviderFunc, pos: fn.Pos(), sink: "aws.CredentialsProviderFunc", t: t})
	}
}

// capturedResult returns, for a closure converted to
// aws.CredentialsProviderFunc, the taint its first result takes from the
// variables it captured (not from what it fetches when called).
func (s *funcState) capturedResult(x ssa.Value, to types.Type) (*ssa.Function, taint, bool) {
	k, ok := typeKey(to)
	if !ok || k != catalog.ProviderFuncType {
		return nil, taint{}, false
	}
	mc, ok := x.(*ssa.MakeClosure)
	if !ok {
		return nil, taint{}, false
	}
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return nil, taint{}, false
	}
	fi, ok := s.a.info[fn]
	if !ok || len(fi.results) == 0 {
		return nil, taint{}, false
	}
	r := fi.results[0].joinAll()
	var t taint
	for j, b := range mc.Bindings {
		if bit := len(fn.Params) + j; bit < maxParams && r.params&(1<<bit) != 0 {
			t = join(t, s.get(b))
		}
	}
	return fn, t, true
}

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

func bits(x uint64) []int {
	var out []int
	for i := 0; i < maxParams; i++ {
		if x&(1<<i) != 0 {
			out = append(out, i)
		}
	}
	return out
}

// findings converts the final round's hits into findings, in position
// order, one per construction.
func (a *analysisState) findings() []Finding {
	a.indexSyntax()
	byPos := make(map[token.Pos]Finding)
	for _, h := range a.hits {
		f := Finding{Kind: h.kind, Pos: h.pos, Sink: h.sink, Name: h.name, Via: h.via, Source: h.t.src, Frozen: h.t.frozen, Client: h.t.client}
		if call, ok := a.calls[h.pos]; ok {
			f.Pos, f.End = call.Pos(), call.End()
		} else if lit, ok := a.lits[h.pos]; ok {
			f.Pos, f.End = lit.Pos(), lit.End()
		} else if lit, ok := a.funcLits[h.pos]; ok {
			f.Pos, f.End = lit.Pos(), lit.Type.End()
		} else if lhs := a.lhsAt(h.pos); lhs != nil {
			// A store: report the variable, field or element assigned.
			f.Pos, f.End = lhs.Pos(), lhs.End()
		}
		if old, ok := byPos[f.Pos]; ok && (old.Kind < f.Kind || old.Kind == f.Kind && old.Source.Label+old.Name <= f.Source.Label+f.Name) {
			continue
		}
		byPos[f.Pos] = f
	}
	out := slices.Collect(maps.Values(byPos))
	sort.Slice(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out
}

// lhsAt returns the innermost assigned expression that contains pos.
func (a *analysisState) lhsAt(pos token.Pos) ast.Expr {
	var best ast.Expr
	for _, e := range a.lhs {
		if e.Pos() <= pos && pos < e.End() && (best == nil || e.Pos() >= best.Pos()) {
			best = e
		}
	}
	return best
}

// indexSyntax maps the positions go/ssa gives (a call's Lparen, a
// composite literal's Lbrace) back to the expressions, so that findings
// span what the user wrote.
func (a *analysisState) indexSyntax() {
	a.calls = make(map[token.Pos]*ast.CallExpr)
	a.lits = make(map[token.Pos]*ast.CompositeLit)
	a.funcLits = make(map[token.Pos]*ast.FuncLit)
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				a.calls[n.Lparen] = n
			case *ast.CompositeLit:
				a.lits[n.Lbrace] = n
			case *ast.FuncLit:
				a.funcLits[n.Type.Func] = n
			case *ast.AssignStmt:
				a.lhs = append(a.lhs, n.Lhs...)
			case *ast.UnaryExpr:
				if lit, ok := n.X.(*ast.CompositeLit); ok && n.Op == token.AND {
					a.lits[lit.Lbrace] = lit
				}
			}
			return true
		})
	}
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

func funcName(fn *ssa.Function) string {
	if obj, ok := fn.Object().(*types.Func); ok {
		if recv := obj.Signature().Recv(); recv != nil {
			if k, ok := typeKey(recv.Type()); ok {
				return k.Name + "." + obj.Name()
			}
		}
		if obj.Pkg() != nil {
			return obj.Pkg().Name() + "." + obj.Name()
		}
	}
	return fn.Name()
}

// carriesText reports whether a value of type t can hold a credential
// string: strings, byte slices, and slices or pointers of them.
func carriesText(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		return carriesText(u.Elem()) || isByte(u.Elem())
	case *types.Pointer:
		return carriesText(u.Elem())
	case *types.Interface:
		return true
	}
	return false
}

func isByte(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// envSinks reports the package-level functions that persist credentials:
// setting the process environment, a child's environment, files.
func (s *funcState) envSinks(c *ssa.CallCommon, fk catalog.FuncKey, args []ssa.Value) {
	if api, ok := catalog.SetenvFuncs[fk]; ok && len(args) == 2 {
		for _, name := range constStrings(args[0]) {
			switch {
			case catalog.TokenEnvNames[name]:
				if !provablyEmpty(args[1]) && !isEnvRead(args[1]) {
					s.hit(sinkHit{kind: EnvSet, pos: c.Pos(), sink: api, name: name, t: s.get(args[1]), force: true})
				}
			case catalog.KeyEnvNames[name]:
				if !isEnvRead(args[1]) {
					s.hit(sinkHit{kind: EnvSet, pos: c.Pos(), sink: api, name: name, t: s.get(args[1])})
				}
			}
		}
	}
	if ce, ok := catalog.ChildEnvFuncs[fk]; ok && ce.Arg < len(args) {
		t := s.get(args[ce.Arg])
		s.hit(sinkHit{kind: EnvChild, pos: c.Pos(), sink: ce.Name, name: t.entry, t: t})
	}
	if fw, ok := catalog.FileWriteFuncs[fk]; ok && fw.Data < len(args) {
		t := s.argsTaint(args[fw.Data:])
		if strings.HasSuffix(fk.Name, "f") && fw.Data+1 < len(args) {
			t = s.formatEntry(t, args[fw.Data], args[fw.Data+1:])
		}
		if fw.Writer < 0 {
			s.hit(sinkHit{kind: DiskWrite, pos: c.Pos(), sink: fw.Name, name: t.entry, t: t})
		} else {
			s.diskWrite(c, fw.Name, args[fw.Writer], t)
		}
	}
	if i, ok := catalog.ExecCommandFuncs[fk]; ok && i+1 < len(args) {
		s.awsConfigureSet(c, args[i], args[i+1])
	}
}

// awsConfigureSet reports "aws configure set aws_session_token V": the
// AWS CLI writes the token into the shared credentials file.
func (s *funcState) awsConfigureSet(c *ssa.CallCommon, name, argv ssa.Value) {
	prog := constStrings(name)
	if len(prog) != 1 || (prog[0] != "aws" && !strings.HasSuffix(prog[0], "/aws")) {
		return
	}
	elems, values := sliceElems(argv)
	if len(elems) < 4 || elems[0] != "configure" || elems[1] != "set" {
		return
	}
	key := elems[2]
	if i := strings.LastIndex(key, "."); i >= 0 {
		key = key[i+1:]
	}
	if !catalog.TokenFileKeys[key] || provablyEmpty(values[3]) {
		return
	}
	s.hit(sinkHit{kind: DiskWrite, pos: c.Pos(), sink: "aws configure set", name: key, t: s.get(values[3]), force: true})
}

// writeMethod reports methods that write credentials to a file: Write on
// an *os.File, a bufio.Writer over one, an encoder over one.
func (s *funcState) writeMethod(c *ssa.CallCommon, recv types.Type, name string, args []ssa.Value) {
	k, ok := typeKey(recv)
	if !ok || len(args) < 2 {
		return
	}
	api, ok := catalog.FileWriteMethods[k][name]
	if !ok {
		return
	}
	s.diskWrite(c, api, args[0], s.argsTaint(args[1:]))
}

// A writerSink is a disk write whose writer is the function's parameter
// (or free variable) writer: a finding where the caller passes a file.
type writerSink struct {
	writer int
	sink   string
	t      taint
}

// diskWrite reports data of taint t written to w if w writes to a file;
// if w is one of the function's parameters, it records the write for the
// callers (save(w io.Writer, c aws.Credentials) called with a file).
func (s *funcState) diskWrite(c *ssa.CallCommon, api string, w ssa.Value, t taint) {
	if isFileWriter(w) {
		s.hit(sinkHit{kind: DiskWrite, pos: c.Pos(), sink: api, name: t.entry, t: t})
		return
	}
	if p, ok := s.writerParam(w); ok && !t.empty() {
		s.fi.writes = append(s.fi.writes, writerSink{writer: p, sink: api, t: t})
	}
}

// writerParam returns the parameter a writer comes from, through the
// conversions and wrappers isFileWriter sees through.
func (s *funcState) writerParam(v ssa.Value) (int, bool) {
	return s.paramIndex(underlyingWriter(v))
}

// underlyingWriter strips from a writer the conversions and the wrappers
// (bufio.NewWriter, json.NewEncoder, ...) that write where their first
// argument writes.
func underlyingWriter(v ssa.Value) ssa.Value {
	for range 16 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Call:
			if fn := x.Common().StaticCallee(); fn != nil && fn.Pkg != nil && len(x.Common().Args) > 0 &&
				catalog.WriterWrappers[catalog.FuncKey{Pkg: fn.Pkg.Pkg.Path(), Name: fn.Name()}] {
				v = x.Common().Args[0]
				continue
			}
		}
		break
	}
	return v
}

// iniCall follows gopkg.in/ini.v1: keys and sections are parts of their
// file, values set on them are stored in the file, and saving the file
// writes them.
func (s *funcState) iniCall(c *ssa.CallCommon, call ssa.Value, name string, args []ssa.Value, record bool) {
	if len(args) == 0 {
		return
	}
	recv := args[0]
	root := s.iniRoot(recv)
	switch {
	case catalog.INIDerive[name]:
		// The result is part of the receiver's file; remember the key
		// name it is reached by.
		if s.fi.derived == nil {
			s.fi.derived = make(map[ssa.Value]iniPart)
		}
		if call != nil {
			part := iniPart{parent: recv}
			if len(args) > 1 {
				if names := constStrings(args[1]); len(names) == 1 {
					part.key = strings.ToLower(names[0])
				}
			}
			s.fi.derived[call] = part
		}
	}
	if catalog.INISet[name] && len(args) > 1 {
		v := args[len(args)-1]
		t := s.get(v)
		key := s.fi.derived[recv].key
		if name == "NewKey" && len(args) == 3 {
			if names := constStrings(args[1]); len(names) == 1 {
				key = strings.ToLower(names[0])
			}
		}
		if !provablyEmpty(v) {
			if catalog.TokenFileKeys[key] || (catalog.KeyFileKeys[key] && t.src.Label != "") {
				t.entry = key
			}
		}
		s.store(memKey{root, ""}, t)
	}
	if catalog.INISave[name] && record {
		t := s.get(root)
		s.hit(sinkHit{kind: DiskWrite, pos: c.Pos(), sink: "ini.File." + name, name: t.entry, t: t})
	}
}

// iniPart records that a value is part of an ini file, under a key name.
type iniPart struct {
	parent ssa.Value
	key    string
}

// iniRoot returns the file a section or key belongs to.
func (s *funcState) iniRoot(v ssa.Value) ssa.Value {
	for range 8 {
		p, ok := s.fi.derived[v]
		if !ok {
			break
		}
		v = p.parent
	}
	return v
}

// childEnvStore reports credential entries stored into a child process's
// environment (exec.Cmd.Env, os.ProcAttr.Env).
func (s *funcState) childEnvStore(st *ssa.Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	k, ok := typeKey(fa.X.Type())
	if !ok {
		return
	}
	api, ok := catalog.ChildEnvFields[k]
	if !ok || structFieldName(fa.X.Type(), fa.Field) != "Env" {
		return
	}
	t := s.get(st.Val)
	pos := st.Pos()
	if !pos.IsValid() {
		pos = fa.Pos()
	}
	s.hit(sinkHit{kind: EnvChild, pos: pos, sink: api, name: t.entry, t: t})
}

func structFieldName(t types.Type, i int) string {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i).Name()
	}
	return ""
}

// formatEntry adds the entry a fmt format makes: "AWS_SESSION_TOKEN=%s".
func (s *funcState) formatEntry(t taint, format ssa.Value, rest []ssa.Value) taint {
	if name := entryName(constString(format), false); name != "" {
		var vt taint
		nonEmpty := false
		for _, r := range rest {
			vt = join(vt, s.get(r))
			nonEmpty = nonEmpty || !provablyEmpty(r)
		}
		if nonEmpty {
			t = withEntry(t, name, vt)
		}
	}
	return t
}

// withEntry marks t as text that puts a value (of taint v) under a
// credential name: always for a session-token name, for a key name only
// when the value comes from temporary credentials.
func withEntry(t taint, name string, v taint) taint {
	if catalog.IsTokenName(name) || v.src.Label != "" {
		t.entry = name
	}
	return t
}

// entryName returns the credential variable or key that a constant text
// puts a value under: it ends with "NAME=" (atEnd, for concatenation) or
// has "NAME=%" (a format), with optional spaces or a colon, "export ".
func entryName(text string, atEnd bool) string {
	if text == "" {
		return ""
	}
	upper := strings.ToUpper(text)
	best := ""
	for _, names := range []map[string]bool{catalog.TokenEnvNames, catalog.KeyEnvNames} {
		for name := range names {
			for i := strings.Index(upper, name); i >= 0; {
				rest := strings.TrimLeft(text[i+len(name):], " \t")
				if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ":") {
					rest = strings.TrimLeft(rest[1:], " \t\"'")
					if (atEnd && rest == "") || (!atEnd && strings.HasPrefix(rest, "%")) {
						n := name
						if text[i:i+len(name)] != name {
							n = strings.ToLower(name)
						}
						if best == "" || n < best {
							best = n
						}
					}
				}
				j := strings.Index(upper[i+1:], name)
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
	}
	return best
}

// constString returns the value of a string constant, or "".
func constString(v ssa.Value) string {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value)
	}
	return ""
}

// constStrings returns the possible values of a string built from
// constants (a constant, a phi of constants, a concatenation), or nil.
func constStrings(v ssa.Value) []string {
	vs, ok := constStringsOf(v, make(map[ssa.Value]bool), false)
	if !ok || len(vs) == 0 {
		return nil
	}
	return vs
}

// maxConstStrings bounds the values a string built from constants may
// take before it counts as unknown (concatenations multiply them).
const maxConstStrings = 64

// constStringsOf is constStrings with the values on the current path, for
// loops: a phi that refers back to itself through other phis adds no
// value (the set is that of its other edges), but one that refers back
// through a concatenation ("AWS_" + "X" + ...) has no finite set of values.
func constStringsOf(v ssa.Value, onPath map[ssa.Value]bool, viaOp bool) ([]string, bool) {
	if onPath[v] {
		return nil, !viaOp
	}
	onPath[v] = true
	defer delete(onPath, v)
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.String {
			return []string{constant.StringVal(v.Value)}, true
		}
	case *ssa.Phi:
		var out []string
		for _, e := range v.Edges {
			vs, ok := constStringsOf(e, onPath, viaOp)
			if !ok || len(out)+len(vs) > maxConstStrings {
				return nil, false
			}
			out = append(out, vs...)
		}
		slices.Sort(out)
		return slices.Compact(out), true
	case *ssa.BinOp:
		if v.Op == token.ADD {
			xs, okx := constStringsOf(v.X, onPath, true)
			ys, oky := constStringsOf(v.Y, onPath, true)
			if !okx || !oky || len(xs)*len(ys) > maxConstStrings {
				return nil, false
			}
			var out []string
			for _, x := range xs {
				for _, y := range ys {
					out = append(out, x+y)
				}
			}
			return out, true
		}
	case *ssa.ChangeType:
		return constStringsOf(v.X, onPath, viaOp)
	}
	return nil, false
}

// provablyEmpty reports whether a string value is the constant "".
func provablyEmpty(v ssa.Value) bool {
	vs := constStrings(v)
	if len(vs) == 0 {
		return false
	}
	for _, s := range vs {
		if s != "" {
			return false
		}
	}
	return true
}

// isEnvRead reports whether v was read from the environment (restoring a
// saved value persists nothing new), possibly "" on some paths.
func isEnvRead(v ssa.Value) bool {
	return isEnvReadOf(v, make(map[ssa.Value]bool))
}

// isEnvReadOf is isEnvRead with the values on the current path: a phi
// that refers back to itself adds nothing to what its other edges say.
func isEnvReadOf(v ssa.Value, onPath map[ssa.Value]bool) bool {
	if onPath[v] {
		return true
	}
	onPath[v] = true
	defer delete(onPath, v)
	switch v := v.(type) {
	case *ssa.Const:
		return provablyEmpty(v)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !isEnvReadOf(e, onPath) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		return isEnvReadOf(v.Tuple, onPath)
	case *ssa.UnOp:
		// A variable (perhaps captured by a closure) holding only values
		// read from the environment.
		if v.Op != token.MUL {
			return false
		}
		cell := v.X
		if fv, ok := cell.(*ssa.FreeVar); ok {
			cell = bindingOf(fv)
		}
		al, ok := cell.(*ssa.Alloc)
		if !ok {
			return false
		}
		stores := 0
		for _, ref := range *al.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == al {
				if !isEnvReadOf(st.Val, onPath) {
					return false
				}
				stores++
			}
		}
		return stores > 0
	case *ssa.Call:
		if fn := v.Common().StaticCallee(); fn != nil && fn.Pkg != nil {
			return catalog.EnvReadFuncs[catalog.FuncKey{Pkg: fn.Pkg.Pkg.Path(), Name: fn.Name()}]
		}
	}
	return false
}

// bindingOf returns the value a closure's free variable is bound to
// where the closure is made, if it is made once.
func bindingOf(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	if fn == nil || fn.Parent() == nil {
		return nil
	}
	idx := slices.Index(fn.FreeVars, fv)
	var found ssa.Value
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn && idx < len(mc.Bindings) {
				if found != nil {
					return nil
				}
				found = mc.Bindings[idx]
			}
		}
	}
	return found
}

// sliceElems returns the constant elements of a slice built from a
// literal (as variadic arguments are), and the element values.
func sliceElems(v ssa.Value) ([]string, []ssa.Value) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, nil
	}
	al, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, nil
	}
	byIndex := make(map[int64]ssa.Value)
	var n int64
	for _, ref := range *al.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil, nil
		}
		i := idx.Int64()
		if i < 0 || i >= 1024 {
			return nil, nil // not an argument list
		}
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				byIndex[i] = st.Val
				n = max(n, i+1)
			}
		}
	}
	strs := make([]string, n)
	vals := make([]ssa.Value, n)
	for i := range n {
		vals[i] = byIndex[i]
		if vals[i] != nil {
			strs[i] = constString(vals[i])
		}
	}
	return strs, vals
}

// isFileWriter reports whether a writer writes to a file: an *os.File
// (not os.Stdout or os.Stderr: printing for a credential_process or a
// shell's eval is how refreshing tools hand credentials over), or a
// bufio.Writer or encoder over one.
func isFileWriter(v ssa.Value) bool {
	return isFileWriterOf(v, make(map[ssa.Value]bool))
}

// isFileWriterOf is isFileWriter with the phis already visited: a phi in
// a loop refers back to itself.
func isFileWriterOf(v ssa.Value, seen map[ssa.Value]bool) bool {
	v = underlyingWriter(v)
	switch x := v.(type) {
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && (g.Name() == "Stdout" || g.Name() == "Stderr") {
			return false
		}
	case *ssa.Phi:
		if seen[x] {
			return false
		}
		seen[x] = true
		for _, e := range x.Edges {
			if isFileWriterOf(e, seen) {
				return true
			}
		}
		return false
	}
	k, ok := typeKey(v.Type())
	return ok && catalog.FileTypes[k]
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// frozenLabel describes a static provider built from values of taint t,
// with a session token that is not provably empty (token), or "" when the
// provider holds long-lived keys.
func frozenLabel(t taint, token bool) string {
	switch {
	case t.src.Label != "":
		return "a static provider built from " + t.src.Label
	case t.frozen != "":
		return t.frozen
	case token:
		return "a static provider with a session token"
	}
	return ""
}

// allocHasToken reports whether a composite literal stores a session
// token that is not provably empty, at any depth (StaticProvider{Value:
// Credentials{SessionToken: t}}).
func allocHasToken(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != v {
			continue
		}
		if structFieldName(fa.X.Type(), fa.Field) == "SessionToken" {
			for _, r := range *fa.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == fa && !provablyEmpty(st.Val) {
					return true
				}
			}
		}
		if allocHasToken(fa) {
			return true
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa && valueHasToken(st.Val) {
				return true
			}
		}
	}
	return false
}

// valueHasToken reports whether a credentials value (a loaded composite
// literal) holds a session token that is not provably empty.
func valueHasToken(v ssa.Value) bool {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if al, ok := u.X.(*ssa.Alloc); ok {
			return allocHasToken(al)
		}
	}
	return false
}

// providerFuncTaint is the taint of converting x to
// aws.CredentialsProviderFunc: frozen when the func returns credentials
// it captured rather than fetched.
func (s *funcState) providerFuncTaint(x ssa.Value, to types.Type) taint {
	_, t, ok := s.capturedResult(x, to)
	if !ok || t.src.Label == "" {
		return taint{}
	}
	return taint{frozen: "an aws.CredentialsProviderFunc that returns " + t.src.Label + " captured once"}
}

// resultTypeName returns the name of the named type a function returns
// first (through a pointer), or "".
func resultTypeName(sig *types.Signature) string {
	if sig.Results().Len() == 0 {
		return ""
	}
	if k, ok := typeKey(sig.Results().At(0).Type()); ok {
		return k.Name
	}
	return ""
}

// packageLevel returns the package-level variable an address or map
// belongs to: the variable itself, a field or element of it, or what a
// pointer held in it points to.
func packageLevel(addr ssa.Value) *ssa.Global {
	root, _ := addrRoot(addr)
	for range 4 {
		switch r := root.(type) {
		case *ssa.Global:
			return r
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
			root, _ = addrRoot(r.X)
			continue
		}
		return nil
	}
	return nil
}

// singletonStore reports a client that cannot refresh its credentials
// stored into package-level state.
func (s *funcState) singletonStore(pos token.Pos, g *ssa.Global, t taint) {
	if t.frozenIf != 0 {
		// A session token from a parameter, kept for the whole process:
		// not provably empty where the client becomes a singleton.
		t.frozen = minLabel(t.frozen, "a static provider with a session token")
	}
	if !pos.IsValid() {
		pos = g.Pos()
	}
	h := sinkHit{kind: Singleton, pos: pos, sink: "package-level variable " + g.Name(), name: g.Name()}
	if t.client != "" && t.frozen != "" {
		h.t = t
		h.t.params = 0
		s.hit(h)
		return
	}
	// Otherwise the stored value may still be frozen by what callers (or
	// the function making this closure) pass: record the parameters, for
	// the summary and for resolve.
	if src := t.frozenSrcIf & t.params; src != 0 {
		h.t, h.ifSource = taint{params: src, client: t.client}, true
		s.hit(h)
	}
	if plain := t.params &^ t.frozenSrcIf; plain != 0 {
		h.t, h.ifSource = taint{params: plain, client: t.client}, false
		s.hit(h)
	}
}

// onceSingleton reports sync.OnceValue(s) of a func that returns a client
// whose credentials cannot refresh: the client lives for the process.
func (s *funcState) onceSingleton(c *ssa.CallCommon, once string, f ssa.Value, res []rtaint, record bool) {
	var fn *ssa.Function
	switch f := f.(type) {
	case *ssa.MakeClosure:
		fn, _ = f.Fn.(*ssa.Function)
	case *ssa.Function:
		fn = f
	}
	fi, ok := s.a.info[fn]
	if !ok || len(fi.results) == 0 {
		return
	}
	t := fi.results[0].joinAll()
	t.params = 0
	if t.frozenIf != 0 {
		t.frozen = minLabel(t.frozen, "a static provider with a session token")
	}
	for i := range res {
		res[i].whole = join(res[i].whole, taint{frozen: t.frozen, client: t.client})
	}
	if record {
		s.hit(sinkHit{kind: Singleton, pos: c.Pos(), sink: once, t: t})
	}
}
