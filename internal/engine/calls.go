package engine

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

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
