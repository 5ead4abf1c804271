package engine

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// knownCall applies what the catalogue knows of a function or method of
// the SDK or the standard library (or of an interface method, such as
// Retrieve on any provider): snapshots, values passed on, static
// providers, clients, containers, files and the environment.
func (s *funcState) knownCall(c *ssa.CallCommon, value ssa.Value, obj *types.Func, callee *ssa.Function, args []ssa.Value, res []rtaint) {
	sig := c.Signature()
	nres := len(res)
	pkgPath := obj.Pkg().Path()
	name := obj.Name()
	recv := obj.Signature().Recv()

	// Snapshots: Retrieve / Get of a provider.
	for i := range nres {
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
			continue // the user's own provider: its summary, if any, decides
		}
		res[i].whole = join(res[i].whole, s.sourceAt(snap.Source, c.Pos()))
	}

	if recv != nil {
		rk, _ := typeKey(recv.Type())
		if catalog.INIPackages[pkgPath] {
			s.iniCall(c, value, name, args)
		}
		if s.record {
			s.writeMethod(c, recv.Type(), name, args)
		}
		if pass := catalog.MethodPassthrough[rk]; pass != nil && pass(name) {
			t := s.argsTaint(args)
			for i := range res {
				res[i].whole = join(res[i].whole, t)
			}
		}
		if s.record {
			if sink, ok := catalog.LogMethods[rk][name]; ok {
				s.logSink(c, sink, args, true)
			}
			if enc, ok := catalog.ConsoleEncoders[rk]; ok && name == "Encode" && len(args) == 2 && isConsole(args[0]) {
				sink := consoleSink(enc, args[0])
				sink.Reflective = true
				s.logSink(c, sink, args, true)
			}
		}
		if with := catalog.LogFieldMethods[rk]; with != nil && with(name) && len(args) > 0 {
			// The logger or event keeps its fields, and adds these.
			reflective := catalog.ReflectiveEncoder(pkgPath) || pkgPath == catalog.Logrus && s.jsonFormatted(args[0])
			t := join(s.get(args[0]), s.fieldTaint(args[1:], reflective))
			for i := range res {
				res[i].whole = join(res[i].whole, t)
			}
		}
		if cm, ok := catalog.ContainerMethods[rk][name]; ok && len(args) > 0 {
			s.containerMethod(cm, args, res)
		}
		if catalog.TextAccumulators[rk] && len(args) > 1 && strings.HasPrefix(name, "Write") {
			// strings.Builder, bytes.Buffer: what is written is kept.
			s.write(s.placeOf(args[0]), args[0].Type(), rtaint{whole: s.argsTaint(args[1:])}, false)
		}
	}
	if recv == nil {
		fk := catalog.FuncKey{Pkg: pkgPath, Name: name}
		if s.record {
			s.envSinks(c, fk, args)
			if sink, ok := catalog.LogFuncs[fk]; ok {
				s.logSink(c, sink, args, false)
			}
			if name, ok := catalog.ConsoleFuncs[fk]; ok && len(args) > 1 && isConsole(args[0]) {
				sink := consoleSink(name, args[0])
				sink.Arg = 1
				s.logSink(c, sink, args, false)
			}
		}
		if catalog.LogFieldFuncs[fk] {
			reflective := catalog.ReflectiveEncoder(pkgPath) || pkgPath == catalog.Logrus && s.a.stdJSON()
			t := s.fieldTaint(args, reflective)
			for i := range res {
				res[i].whole = join(res[i].whole, t)
			}
		}
		if catalog.EnvReadFuncs[fk] && len(args) == 1 && nres > 0 {
			// A secret read from the environment is a secret.
			for _, n := range constStrings(args[0]) {
				if part := catalog.SecretEnvNames[n]; part != 0 {
					res[0].whole = join(res[0].whole, taint{secret: part, secretFrom: "the " + n + " environment variable"})
				}
			}
		}
		if catalog.Passthrough[fk] {
			// What the SDK builds from its arguments (a config, a client)
			// holds them; the error it returns does not.
			t := s.argsTaint(args)
			for i := range res {
				if !isError(sig.Results().At(i).Type()) {
					res[i].whole = join(res[i].whole, t)
				}
			}
		}
		if op, ok := catalog.StdContainers[fk]; ok {
			s.stdContainer(op, c, pkgName(pkgPath)+"."+name, value, args)
		}
		if catalog.Marshalers[fk] && len(args) > 0 && nres > 0 {
			// Encoded text holds what was encoded.
			res[0].whole = join(res[0].whole, s.get(args[0]))
		}
		if sink, ok := catalog.StaticSinkFuncs[fk]; ok {
			s.staticSinkCall(c, value, sink, args, res)
		}
		if label, ok := catalog.ServiceClientFunc(pkgPath, name, obj.Pkg().Name(), resultTypeName(sig)); ok && nres > 0 {
			t := join(s.argsTaint(args), s.optionFuncsTaint(args))
			res[0].whole = join(res[0].whole, taint{frozen: t.frozen, frozenAt: t.frozenAt, frozenIf: t.frozenIf, frozenSrcIf: t.frozenSrcIf, params: t.params, client: label})
		}
		if once, ok := catalog.OnceFuncs[fk]; ok && len(c.Args) == 1 {
			s.onceSingleton(c, once, c.Args[0], res)
		}
	}

	// The standard library's string functions (fmt.Sprintf,
	// strings.TrimSpace, ...) pass their inputs on; a format that puts a
	// value under a credential name makes an entry.
	if isContextValue(c) {
		s.ctxValue(c.Value, c.Args[0], res)
	}
	if recv == nil && pkgPath == "context" {
		if name == "WithValue" {
			s.withValue(args, res) // the value under its key, not the context as a whole
			return
		}
		s.derivedContext(sig, args, res)
	}
	if callee != nil && s.a.foreign(pkgPath) && !catalog.IsSDK(pkgPath) {
		t := s.argsTaint(args)
		if recv == nil && len(args) > 1 && strings.HasPrefix(name, "Sprint") {
			t = s.formatEntry(t, args[0], args[1:])
		}
		key := catalog.ErrorQuoteKey(pkgPath, "", name)
		if recv != nil {
			rk, _ := typeKey(recv.Type())
			key = catalog.ErrorQuoteKey(pkgPath, rk.Name, name)
		}
		for i := range nres {
			rt := sig.Results().At(i).Type()
			switch {
			case isError(rt):
				q := s.quotedTaint(key, args)
				if key.Pkg != "fmt" && key.Pkg != "errors" {
					// An error that quotes its input unseen: say where.
					q = s.addHop(q, c.Pos(), "quoted in the error "+pkgName(key.Pkg)+"."+key.Name+" returns")
				}
				res[i].whole = join(res[i].whole, q)
			case carriesText(rt):
				res[i].whole = join(res[i].whole, t)
			}
		}
		if at, ok := catalog.RequestURLs[key]; ok && at < len(args) && nres > 0 {
			res[0].whole = join(res[0].whole, s.get(args[at]))
		}
	}
}

// quotedTaint is what the error of a standard library call shows of its
// arguments: those catalog.ErrorQuotes lists for it, or none.
func (s *funcState) quotedTaint(key catalog.FuncKey, args []ssa.Value) taint {
	idx, ok := catalog.ErrorQuotes[key]
	if !ok {
		return taint{}
	}
	if idx == nil {
		return s.argsTaint(args)
	}
	var t taint
	for _, i := range idx {
		if i < len(args) {
			t = join(t, s.get(args[i]))
		}
	}
	return t
}

// containerMethod follows sync.Map, atomic.Value and atomic.Pointer:
// what is stored is kept below the receiver, what is loaded comes from
// there.
func (s *funcState) containerMethod(cm catalog.ContainerMethod, args []ssa.Value, res []rtaint) {
	p := s.placeOf(args[0]).elem()
	if cm.Put >= 0 && cm.Put+1 < len(args) {
		v := args[cm.Put+1]
		s.write(p, v.Type(), s.shape(v), false)
	}
	if cm.Get && len(res) > 0 {
		res[0].whole = join(res[0].whole, s.read(p, readUnder))
	}
}

// staticSinkCall handles a static provider's constructor: each
// credential argument is a construction of temporary credentials, and
// the result is a frozen provider when its session token is not provably
// empty or its values come from temporary credentials.
func (s *funcState) staticSinkCall(c *ssa.CallCommon, value ssa.Value, sink catalog.StaticSink, args []ssa.Value, res []rtaint) {
	var t taint
	for _, i := range sink.Args {
		if i < len(args) {
			ti := s.get(args[i])
			t = join(t, ti)
			if s.record {
				s.hit(sinkHit{kind: StaticProvider, pos: c.Pos(), sink: sink.Name, t: ti, val: value})
			}
		}
	}
	if len(res) == 0 {
		return
	}
	token := false
	if len(sink.Args) == 3 && len(args) == 3 {
		if p, ok := s.paramIndex(args[2]); ok {
			res[0].whole.frozenIf |= 1 << p
		} else {
			token = !provablyEmpty(args[2])
		}
	} else if len(args) == 1 {
		token = valueHasToken(args[0])
	}
	if f := frozenLabel(t, token); f != "" {
		res[0].whole = freeze(res[0].whole, f, s.frozenTrail(t, c.Pos(), "frozen in "+sink.Name))
	}
	res[0].whole.frozenSrcIf |= t.params
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

// paramIndex returns the index of v among the function's parameters and
// free variables, if v is one.
func (s *funcState) paramIndex(v ssa.Value) (int, bool) {
	fn := s.fi.fn
	switch v := v.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == v && i < maxParams {
				return i, true
			}
		}
	case *ssa.FreeVar:
		for j, fv := range fn.FreeVars {
			if fv == v && len(fn.Params)+j < maxParams {
				return len(fn.Params) + j, true
			}
		}
	}
	return 0, false
}

// isError reports whether t is the error interface.
func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
