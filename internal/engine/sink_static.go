package engine

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// allocSink reports composite literals of static provider structs (and
// variables of those types) that hold tainted credentials.
func (s *funcState) allocSink(al *ssa.Alloc) {
	name := s.staticProviderType(al.Type())
	if name == "" {
		return
	}
	s.hit(sinkHit{kind: StaticProvider, pos: al.Pos(), sink: name, t: s.read(place{root: al, mask: catalog.PartsAll}, readUnder), val: al})
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
	if s.a.cat.Refreshing(k) {
		return "" // the user says it refreshes
	}
	if s.a.foreign(k.Pkg) {
		return ""
	}
	return s.customStaticProvider(ptr)
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
	mset := s.a.msets.MethodSet(types.NewPointer(named))
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
	sum := s.summaryOf(target{fn: s.a.pkg.Prog.FuncValue(m), obj: m})
	if sum == nil || len(sum.Results) == 0 {
		return ""
	}
	r := sum.Results[0]
	if sum.Fetches || !slices.Contains(r.Params, 0) && !slices.ContainsFunc(r.ParamPaths, func(p string) bool { pp, _ := parseParamPath(p); return pp.Param == 0 }) {
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
	fi, ok := s.infoOf(fn)
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

// makeClosure handles a closure where it is made: it remembers what the
// captured variables hold (for calls through func values), applies what
// the closure writes to them, and reports the constructions inside it
// that freeze them.
func (s *funcState) makeClosure(mc *ssa.MakeClosure) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	s.a.readsShared()
	captured := s.a.captured[fn]
	if len(captured) < len(mc.Bindings) {
		captured = append(captured, make([]taint, len(mc.Bindings)-len(captured))...)
		s.a.captured[fn] = captured
	}
	for j, b := range mc.Bindings {
		if n := join(captured[j], local(s.get(b))); n != captured[j] {
			captured[j] = n
			s.a.version++
		}
	}
	fi, ok := s.infoOf(fn)
	if !ok {
		return
	}
	// The closure may run any time after it is made: what it writes to
	// the variables it captured is there from now on.
	ac := actuals{vals: append(make([]ssa.Value, len(fn.Params)), mc.Bindings...)}
	for _, w := range fi.summary.Writes {
		j := w.Param - len(fn.Params)
		if j < 0 || j >= len(mc.Bindings) {
			continue
		}
		b := mc.Bindings[j]
		s.write(s.placeOf(b).descend(s.a, b.Type(), w.Path), types.Typ[types.Invalid], rtaint{whole: s.instantiate(w.TaintSummary, ac)}, false)
	}
	if s.record {
		s.closureSinks(mc, fn, fi)
	}
}

// closureSinks reports the constructions inside a closure that freeze a
// value the closure captured.
func (s *funcState) closureSinks(mc *ssa.MakeClosure, fn *ssa.Function, fi *funcInfo) {
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
