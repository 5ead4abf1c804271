package engine

import (
	"slices"
	"strings"

	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// actuals are a call's arguments in go/ssa parameter order: the receiver
// (for methods), the arguments, then a closure's free variables. A nil
// value stands for an argument the call site does not show (the receiver
// of a bound method value called through a func variable, a captured
// variable); known holds what is known of it.
type actuals struct {
	vals  []ssa.Value
	known map[int]taint
}

func (ac actuals) val(i int) ssa.Value {
	if i < len(ac.vals) {
		return ac.vals[i]
	}
	return nil
}

func (s *funcState) argTaint(ac actuals, i int) taint {
	if v := ac.val(i); v != nil {
		return s.get(v)
	}
	return ac.known[i]
}

// A target is a function a call may run, with its arguments.
type target struct {
	fn  *ssa.Function
	obj *types.Func // fn's object, for facts and messages; nil for closures
	ac  actuals
	// inPlace is set for a closure called where it is made: its
	// constructions are reported inside it, with the taint its free
	// variables bring.
	inPlace bool
}

// targets resolves what a call may run: its static callee (through the
// wrappers go/ssa makes for method values and expressions), the
// implementations of an interface method visible to the package, or the
// functions a func value is known to be. params is set when the callee
// is (derived from) a parameter of the function: its results are then
// what the caller's argument returns.
func (s *funcState) targets(c *ssa.CallCommon) (ts []target, params uint64) {
	switch {
	case c.IsInvoke():
		recv := append([]ssa.Value{c.Value}, c.Args...)
		for _, m := range s.a.implementations(c.Value.Type(), c.Method) {
			ts = append(ts, target{fn: s.a.pkg.Prog.FuncValue(m), obj: m, ac: actuals{vals: recv}})
		}
	case c.StaticCallee() != nil:
		ts = append(ts, s.staticTarget(c))
	default:
		t := s.get(c.Value)
		for _, fn := range t.fns.list() {
			ts = append(ts, s.valueTarget(fn, c.Args))
		}
		params = t.params
	}
	return ts, params
}

// staticTarget resolves a static call. A call of a bound method value
// ($bound, made where the value is taken) or a method expression ($thunk)
// runs the method itself.
func (s *funcState) staticTarget(c *ssa.CallCommon) target {
	callee := c.StaticCallee()
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	if m := wrappedMethod(callee); m != nil {
		args := c.Args
		if isBound(callee) {
			var recv ssa.Value
			if mc, ok := c.Value.(*ssa.MakeClosure); ok && len(mc.Bindings) == 1 {
				recv = mc.Bindings[0]
			}
			args = append([]ssa.Value{recv}, c.Args...)
		}
		return target{fn: s.a.pkg.Prog.FuncValue(m), obj: m, ac: actuals{vals: args}}
	}
	obj, _ := callee.Object().(*types.Func)
	args := c.Args
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		args = append(slices.Clip(args), mc.Bindings...)
	}
	return target{fn: callee, obj: obj, ac: actuals{vals: args}, inPlace: callee.Parent() != nil}
}

// valueTarget resolves a function reached through a func value: what its
// captured variables (or a bound method's receiver) hold is what they
// held where it was made.
func (s *funcState) valueTarget(fn *ssa.Function, args []ssa.Value) target {
	s.a.readsShared()
	captured := s.a.captured[fn]
	if m := wrappedMethod(fn); m != nil {
		ac := actuals{vals: args}
		if isBound(fn) {
			ac.vals = append([]ssa.Value{nil}, args...)
			if len(captured) > 0 {
				ac.known = map[int]taint{0: captured[0]}
			}
		}
		return target{fn: s.a.pkg.Prog.FuncValue(m), obj: m, ac: ac}
	}
	obj, _ := fn.Object().(*types.Func)
	ac := actuals{vals: args}
	if isMethodValue(fn, len(args)) {
		// A method value named by another package's fact: its receiver
		// was bound there.
		ac.vals = append([]ssa.Value{nil}, args...)
	}
	if len(captured) > 0 {
		ac.known = make(map[int]taint, len(captured))
		for j, t := range captured {
			ac.known[len(fn.Params)+j] = t
		}
	}
	return target{fn: fn, obj: obj, ac: ac}
}

// wrappedMethod returns the method a synthetic wrapper calls: a bound
// method value, a method expression's thunk, a promoted method.
func wrappedMethod(fn *ssa.Function) *types.Func {
	if fn.Synthetic == "" || fn.Parent() != nil {
		return nil
	}
	m, ok := fn.Object().(*types.Func)
	if !ok || m.Signature().Recv() == nil {
		return nil
	}
	if m.Origin() != nil {
		m = m.Origin()
	}
	return m
}

func isBound(fn *ssa.Function) bool {
	return strings.HasPrefix(fn.Synthetic, "bound method wrapper") && len(fn.FreeVars) == 1
}

// summaryOf returns what is known of a target: the summary of a function
// of this package, or the fact of one of another package of the user's.
func (s *funcState) summaryOf(tg target) *FuncSummary {
	if tg.fn != nil {
		if fi, ok := s.infoOf(tg.fn); ok {
			return fi.summary
		}
	}
	if tg.obj == nil || tg.obj.Pkg() == nil || tg.obj.Pkg() == s.a.pass.Pkg {
		return nil
	}
	path := tg.obj.Pkg().Path()
	if s.a.foreign(path) {
		return nil
	}
	var sum FuncSummary
	if s.a.pass.ImportObjectFact(tg.obj, &sum) {
		setFrom(&sum, tg.obj.Pkg())
		return &sum
	}
	return nil
}

// call computes the taint of a call's results and, in the last sweep,
// records the constructions it performs.
func (s *funcState) call(c *ssa.CallCommon, value ssa.Value) []rtaint {
	sig := c.Signature()
	nres := sig.Results().Len()
	res := make([]rtaint, nres)

	// Sources: results whose type says they came from an STS or SSO
	// operation, whoever returns them (client, interface, mock).
	for i := range nres {
		if k, ok := typeKey(sig.Results().At(i).Type()); ok {
			if src, ok := catalog.OutputSources[k]; ok {
				res[i].whole = s.sourceAt(src, c.Pos())
			}
		}
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		s.builtin(b, c.Args, res)
		return res
	}

	targets, params := s.targets(c)
	summarised := false
	for _, tg := range targets {
		if tg.obj != nil && tg.obj.Pkg() != nil && tg.obj.Signature().Recv() == nil && catalog.Known(catalog.FuncKey{Pkg: tg.obj.Pkg().Path(), Name: tg.obj.Name()}) {
			continue // the catalogue describes it
		}
		if k, ok := memberKey(tg.obj); ok && s.a.cat.Known(k) {
			continue // the user's catalogue entries describe it
		}
		if sum := s.summaryOf(tg); sum != nil {
			s.applySummary(c, sum, tg, res)
			summarised = true
			s.fetches = s.fetches || sum.Fetches
		}
	}
	if params != 0 {
		// A call of a func parameter: its results are what the caller's
		// argument returns.
		for i := range res {
			res[i].whole.calls |= params
		}
	}

	// What the catalogue knows of the SDK's and the standard library's
	// functions, and of interface methods (a Retrieve on any provider).
	var obj *types.Func
	var callee *ssa.Function
	if c.IsInvoke() {
		obj = c.Method
	} else if len(targets) == 1 && c.StaticCallee() != nil {
		callee, obj = targets[0].fn, targets[0].obj
	}
	if obj != nil && obj.Pkg() != nil && (c.IsInvoke() || !summarised) {
		ac := targets0(targets, c)
		s.knownCall(c, value, obj, callee, ac.vals, res)
	}
	s.userCall(c, value, targets, res)
	if s.record {
		s.interfaceLogSinks(c)
	}
	return res
}

// targets0 returns the arguments of a static call's target, or the call's.
func targets0(ts []target, c *ssa.CallCommon) actuals {
	if len(ts) == 1 && !c.IsInvoke() {
		return ts[0].ac
	}
	return actuals{vals: c.Args}
}

// builtin handles append and copy: the elements travel with the slice.
func (s *funcState) builtin(b *ssa.Builtin, args []ssa.Value, res []rtaint) {
	switch b.Name() {
	case "append":
		if len(res) == 1 {
			res[0].whole = s.argsTaint(args)
		}
	case "copy":
		if len(args) == 2 {
			s.write(s.placeOf(args[0]).elem(), elemType(args[1].Type()), rtaint{whole: s.get(args[1])}, false)
		}
	}
}

func (s *funcState) argsTaint(args []ssa.Value) taint {
	var t taint
	for _, a := range args {
		t = join(t, s.get(a))
	}
	return t
}

// applySummary applies a callee's summary at a call site.
func (s *funcState) applySummary(c *ssa.CallCommon, sum *FuncSummary, tg target, res []rtaint) {
	ac := tg.ac
	s.callee = s.funcName(tg)
	// The callee's writes to a writer parameter: a finding if this call
	// passes a file, a write of this function's if it passes its own.
	if s.record {
		for _, ws := range sum.WriterSinks {
			w := ac.val(ws.Writer)
			if w == nil {
				continue
			}
			t := s.instantiate(ws.TaintSummary, ac)
			if isFileWriter(w) {
				s.hit(sinkHit{kind: DiskWrite, pos: c.Pos(), sink: ws.Sink, name: t.entry, via: s.funcName(tg), t: t})
			} else if p, ok := s.writerParam(w); ok {
				s.fi.writes = append(s.fi.writes, writerSink{writer: p, sink: ws.Sink, t: t})
			}
		}
	}
	// The callee's stores through its pointer parameters land in the
	// caller's memory, below what the argument points to.
	for _, w := range sum.Writes {
		v := ac.val(w.Param)
		if v == nil {
			continue
		}
		p := s.placeOf(v).descend(s.a, v.Type(), w.Path)
		t := s.addHop(s.instantiate(w.TaintSummary, ac), c.Pos(), "filled by "+s.funcName(tg))
		s.write(p, types.Typ[types.Invalid], rtaint{whole: t}, false)
	}
	for i, r := range sum.Results {
		if i >= len(res) {
			break
		}
		returned := "returned by " + s.funcName(tg)
		res[i].whole = join(res[i].whole, s.addHop(s.instantiate(r.TaintSummary, ac), c.Pos(), returned))
		for _, f := range r.Fields {
			if res[i].fields == nil {
				res[i].fields = make(map[string]taint)
			}
			res[i].fields[f.Path] = join(res[i].fields[f.Path], s.addHop(s.instantiate(f.TaintSummary, ac), c.Pos(), returned))
		}
	}
	if !s.record {
		return
	}
	if fi, ok := s.infoOf(tg.fn); ok && tg.inPlace {
		// A closure called in place: its constructions are reported
		// where they stand, when a parameter brings the taint. (Captured
		// variables are handled where the closure is made.)
		for _, h := range fi.sinks {
			var t taint
			for p := range min(len(tg.fn.Params), len(ac.vals), maxParams) {
				if h.t.params&(1<<p) != 0 {
					t = join(t, s.argTaint(ac, p))
				}
			}
			s.hit(resolve(h, t))
		}
		return
	}
	for _, ps := range sum.Sinks {
		t := s.argTaint(ac, ps.Param)
		if ps.Path != "" {
			// The callee reaches the sink with a field of the parameter.
			if v := ac.val(ps.Param); v != nil {
				t = s.argPathTaint(v, ps.Path)
			}
		}
		if ps.Call {
			t = s.resultsOfValue(t)
		}
		if ps.NameParam != 0 {
			// The variable's name is the caller's argument.
			for _, name := range constStrings(ac.val(ps.NameParam - 1)) {
				s.setenv(c.Pos(), ps.Sink, name, ac.val(ps.Param), t, s.funcName(tg))
			}
			continue
		}
		h := sinkHit{kind: ps.Kind, pos: c.Pos(), sink: ps.Sink, name: ps.Name, via: s.funcName(tg), ifSource: ps.IfSource, export: ps.Export, oneShot: ps.OneShot, escape: ps.Escape}
		h.t.client = ps.Client
		s.hit(resolve(h, t))
	}
}

// maxCallDepth bounds how deep resultsOfValue follows functions passed
// to functions passed to functions.
const maxCallDepth = 3

// resultsOfValue returns what calling a func value of taint t returns:
// the results of the functions it is known to be, and, if it is a
// parameter, what the caller's argument returns.
func (s *funcState) resultsOfValue(t taint) taint {
	out := taint{calls: t.params}
	if s.depth >= maxCallDepth {
		return out
	}
	s.depth++
	defer func() { s.depth-- }()
	for _, fn := range t.fns.list() {
		tg := s.valueTarget(fn, nil)
		sum := s.summaryOf(tg)
		if sum == nil {
			continue
		}
		for _, r := range sum.Results {
			out = join(out, local(s.instantiate(r.TaintSummary, tg.ac)))
			for _, f := range r.Fields {
				out = join(out, local(s.instantiate(f.TaintSummary, tg.ac)))
			}
		}
	}
	return out
}

// funcName names a target in messages: "pkg.Func" or "Type.Method".
func (s *funcState) funcName(tg target) string {
	if tg.obj != nil {
		if recv := tg.obj.Signature().Recv(); recv != nil {
			if k, ok := typeKey(recv.Type()); ok {
				return k.Name + "." + tg.obj.Name()
			}
		}
		if tg.obj.Pkg() != nil {
			return tg.obj.Pkg().Name() + "." + tg.obj.Name()
		}
	}
	if tg.fn != nil {
		return tg.fn.Name()
	}
	return ""
}
