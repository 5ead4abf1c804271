package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// A secret access key or session token written to a log or the console
// stays valid, in every log store it reaches, until it expires
// (secretlog). A value is a secret by what it was read from (a secret
// field of the SDK's credential types, a secret environment variable),
// by provenance (the secret parts of temporary credentials), or by type
// (an aws.Credentials printed whole). It is reported only if the sink
// can print it: fmt shows a nested pointer's address, not what it points
// to, and a type's String (or, for slog, LogValue) method that never
// reads the secret fields redacts them.

// logSink reports the secrets among the values a logging call writes.
// method says whether args[0] is the call's receiver.
func (s *funcState) logSink(c *ssa.CallCommon, sink catalog.LogSink, args []ssa.Value, method bool) {
	if s.inTest() {
		return // tests log to their own output
	}
	first := sink.Arg
	if method {
		first++
	}
	var values []ssa.Value
	var recv ssa.Value
	if method && sink.Receiver && len(args) > 0 {
		recv = args[0]
		values = append(values, recv)
	}
	for i := first; i < len(args); i++ {
		if _, elems := sliceElems(args[i]); elems != nil {
			values = append(values, elems...) // the variadic arguments
		} else {
			values = append(values, args[i])
		}
	}
	goSyntax := usesGoSyntax(args)
	export := s.exportForm(sink, values)
	var best sinkHit
	for _, v := range values {
		if v == nil {
			continue
		}
		part, what, t := s.secretIn(v, sink, v == recv, goSyntax)
		if part == 0 {
			if pt := s.get(underlyingValue(v)); pt.params != 0 {
				// A logging helper's parameter: a finding where the
				// caller passes a secret.
				// A field read through the parameter (a logger held in the
				// receiver) counts at its path, not as the whole object.
				s.hit(sinkHit{kind: SecretLog, pos: c.Pos(), sink: sink.Name, t: taint{params: pt.params, pathOnly: pt.pathOnly, ppaths: pt.ppaths}, export: export})
			}
			continue
		}
		h := sinkHit{kind: SecretLog, pos: c.Pos(), sink: sink.Name, name: what, t: t, export: export}
		h.t.secret = part
		h.t.parts &^= catalog.PartsSecret &^ part // what the value shows, not all it holds
		if best.kind == 0 || h.name < best.name {
			best = h
		}
	}
	if best.kind != 0 {
		s.hit(best)
	}
}

// secretIn returns the secret parts a logged value shows, what they are
// (for messages), and the value's taint (for its trail).
func (s *funcState) secretIn(v ssa.Value, sink catalog.LogSink, fields, goSyntax bool) (uint8, string, taint) {
	x := underlyingValue(v)
	typ := x.Type()
	fields = fields || isLogField(x)
	if m := redactor(typ, sink, goSyntax); m != nil && s.redacts(m, x) {
		return 0, "", taint{}
	}
	t := s.get(x)
	part, what := t.secret, t.secretFrom
	if t.src.Label != "" && t.parts&catalog.PartsSecret != 0 {
		part |= t.parts & catalog.PartsSecret
		if what == "" {
			what = t.src.Label
		}
	}
	if p, w := typeSecrets(typ, sink.Reflective, 0); p != 0 {
		part |= p
		what = minLabel(what, w)
	}
	if p, ok := prettyParts(typ); ok && !sink.Reflective && !fields {
		part &= p // what the v1 SDK's String masks does not show
	}
	// (A logger or event carrying fields was checked as they were added.)
	if part == 0 || !fields && !printable(typ, sink.Reflective, 0) {
		return 0, "", taint{}
	}
	return part, what, t
}

// isLogField reports whether v is a log field or attribute built by one of
// the loggers' builders (slog.String, zap.Any, ...): it shows its value.
func isLogField(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := c.Common().StaticCallee()
	return fn != nil && fn.Pkg != nil && catalog.LogFieldFuncs[catalog.FuncKey{Pkg: fn.Pkg.Pkg.Path(), Name: fn.Name()}]
}

// fieldTaint is what a log field or attribute built from args shows
// (zap.String, logrus.WithField, zerolog's Event.Str, ...): the taint of
// each value the logger can print, as fmt prints it or, for a reflective
// encoder, following pointers; a value a String or LogValue method
// redacts, or one that prints as addresses (a pointer to the SDK's
// types.Credentials under logrus's fmt), shows nothing.
func (s *funcState) fieldTaint(args []ssa.Value, reflective bool) taint {
	sink := catalog.LogSink{Reflective: reflective}
	var t taint
	for _, a := range args {
		x := underlyingValue(a)
		if m := redactor(x.Type(), sink, false); m != nil && s.redacts(m, x) {
			continue
		}
		if !printable(x.Type(), reflective, 0) && !isLogField(x) {
			if p, _ := typeSecrets(x.Type(), reflective, 0); p == 0 {
				continue
			}
		}
		t = join(t, s.get(x))
	}
	return join(t, s.typedSecrets(args, reflective))
}

// typedSecrets is what a log field builder's arguments are secrets by
// type: an aws.Credentials (or, for a reflective encoder, an sts
// types.Credentials) becomes a field that shows its secrets.
func (s *funcState) typedSecrets(args []ssa.Value, reflective bool) taint {
	var t taint
	for _, a := range args {
		if p, w := typeSecrets(underlyingValue(a).Type(), reflective, 0); p != 0 {
			t = join(t, taint{secret: p, secretFrom: w})
		}
	}
	return t
}

// typeSecrets returns the secret parts a value of type t shows by its
// type alone: one of the SDK's credential types, printed whole.
func typeSecrets(t types.Type, reflective bool, depth int) (uint8, string) {
	if depth > 4 {
		return 0, ""
	}
	t = types.Unalias(t)
	if !reflective {
		if p, ok := prettyParts(t); ok {
			k, _ := typeKey(t)
			return p, pkgName(k.Pkg) + "." + k.Name
		}
	}
	if k, ok := typeKey(t); ok && catalog.SecretStructs[k] && !isPointer(t) {
		var part uint8
		st, _ := t.Underlying().(*types.Struct)
		for i := 0; st != nil && i < st.NumFields(); i++ {
			f := st.Field(i)
			if p := catalog.FieldParts[f.Name()] & catalog.PartsSecret; p != 0 && (reflective || isString(f.Type())) {
				part |= p
			}
		}
		if part != 0 {
			return part, pkgName(k.Pkg) + "." + k.Name
		}
		return 0, ""
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		if depth == 0 || reflective {
			return typeSecrets(u.Elem(), reflective, depth+1)
		}
	case *types.Struct:
		if hasMethod(t, "String") || hasMethod(t, "Error") {
			return 0, ""
		}
		var part uint8
		what := ""
		for i := range u.NumFields() {
			if reflective && !u.Field(i).Exported() {
				continue // encoding/json skips unexported fields
			}
			if p, w := typeSecrets(u.Field(i).Type(), reflective, depth+1); p != 0 {
				part |= p
				what = minLabel(what, w)
			}
		}
		return part, what
	case *types.Slice:
		return typeSecrets(u.Elem(), reflective, depth+1)
	case *types.Array:
		return typeSecrets(u.Elem(), reflective, depth+1)
	case *types.Map:
		return typeSecrets(u.Elem(), reflective, depth+1)
	}
	return 0, ""
}

// printable reports whether a value of type t can show a string it
// holds when printed: fmt dereferences a pointer only at the top.
func printable(t types.Type, reflective bool, depth int) bool {
	if depth > 4 {
		return false
	}
	t = types.Unalias(t)
	if !reflective {
		if p, ok := prettyParts(t); ok {
			return p != 0
		}
	}
	if named, ok := t.(*types.Named); ok && named.Obj().Pkg() != nil {
		if p := named.Obj().Pkg().Path(); catalog.IsSDK(p) || catalog.IsStdPath(p) {
			// The SDK's and the standard library's types: only a secret
			// field of the SDK's can show a secret.
			st, ok := named.Underlying().(*types.Struct)
			for i := 0; ok && i < st.NumFields(); i++ {
				f := st.Field(i)
				if catalog.FieldParts[f.Name()]&catalog.PartsSecret != 0 && printable(f.Type(), reflective, depth+1) {
					return true
				}
			}
			return false
		}
		if hasMethod(t, "String") || hasMethod(t, "Error") {
			return true // the user's own format
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Interface:
		return true
	case *types.Pointer:
		return (depth == 0 || reflective) && printable(u.Elem(), reflective, depth+1)
	case *types.Struct:
		for i := range u.NumFields() {
			if reflective && !u.Field(i).Exported() {
				continue // encoding/json skips unexported fields
			}
			if printable(u.Field(i).Type(), reflective, depth+1) {
				return true
			}
		}
	case *types.Slice:
		return isByte(u.Elem()) || printable(u.Elem(), reflective, depth+1)
	case *types.Array:
		return printable(u.Elem(), reflective, depth+1)
	case *types.Map:
		return printable(u.Key(), reflective, depth+1) || printable(u.Elem(), reflective, depth+1)
	}
	return false
}

func hasMethod(t types.Type, name string) bool {
	return lookupMethod(t, name) != nil
}

func lookupMethod(t types.Type, name string) *types.Func {
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		if _, ok := tt.Underlying().(*types.Pointer); ok {
			if _, ok := tt.(*types.Pointer).Elem().Underlying().(*types.Pointer); ok {
				continue
			}
		}
		if sel := types.NewMethodSet(tt).Lookup(nil, name); sel != nil {
			if f, ok := sel.Obj().(*types.Func); ok {
				return f
			}
		}
	}
	return nil
}

// redactor returns the method a sink formats a value of the user's type
// with, in the order the sink looks for them: for fmt-like sinks Format,
// then Error, then String (Format, then GoString, under %#v, which
// goSyntax says the call uses); LogValue for slog; for reflective encoders
// zap's MarshalLogObject, then encoding/json's MarshalJSON and
// MarshalText.
func redactor(t types.Type, sink catalog.LogSink, goSyntax bool) *types.Func {
	named, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || catalog.IsSDK(named.Obj().Pkg().Path()) || catalog.IsStdPath(named.Obj().Pkg().Path()) {
		return nil
	}
	names := []string{"Format", "Error", "String"}
	switch {
	case sink.Reflective:
		names = []string{"MarshalLogObject", "MarshalJSON", "MarshalText"}
	case sink.Slog:
		names = []string{"LogValue"}
	case goSyntax:
		names = []string{"Format", "GoString"}
	}
	for _, n := range names {
		if m := lookupMethod(t, n); m != nil {
			return m
		}
	}
	return nil
}

// usesGoSyntax reports whether a call's constant format strings ask for
// %#v, under which fmt prints Go syntax, without String or Error.
func usesGoSyntax(args []ssa.Value) bool {
	for _, a := range args {
		if c, ok := a.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
			if strings.Contains(constant.StringVal(c.Value), "#v") {
				return true
			}
		}
	}
	return false
}

// redacts reports whether a formatting method shows none of the secrets
// the value x holds: it reads none of the receiver's fields that hold
// one, and does not hand the receiver on whole.
func (s *funcState) redacts(m *types.Func, x ssa.Value) bool {
	secretFields := make(map[string]bool)
	for p, t := range s.shape(x).fields {
		if t.secret != 0 || t.src.Label != "" && t.parts&catalog.PartsSecret != 0 {
			name, _ := splitField(p)
			secretFields[name] = true
		}
	}
	if st, ok := types.Unalias(deref(x.Type())).Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			f := st.Field(i)
			if p, _ := typeSecrets(f.Type(), false, 1); p != 0 {
				secretFields[f.Name()] = true
			}
			if p, _ := secretField(deref(x.Type()), f.Name()); p != 0 {
				secretFields[f.Name()] = true
			}
		}
		if tn := s.a.userStruct(deref(x.Type())); tn != nil {
			for p, t := range s.a.heapPaths(tn) {
				if t.secret != 0 || t.src.Label != "" && t.parts&catalog.PartsSecret != 0 {
					name, _ := splitField(p)
					secretFields[name] = true
				}
			}
		}
	}
	fn := s.a.pkg.Prog.FuncValue(m)
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Params) == 0 {
		// Another package's method: its summary must show that its
		// result owes nothing to the receiver.
		sum := s.summaryOf(target{obj: m})
		if sum == nil || len(sum.Results) == 0 || len(sum.Results[0].Params) > 0 || sum.Results[0].Source != "" {
			return false
		}
		for _, s1 := range sum.Results[0].ParamPaths {
			pp, ok := parseParamPath(s1)
			if name, _ := splitField(pp.Path); !ok || pp.Param == 0 && secretFields[name] {
				return false // it shows a secret field of its receiver
			}
		}
		return true
	}
	return readsOnly(fn, fn.Params[0], secretFields)
}

// readsOnly reports whether every use of recv (and of a copy of it) in fn
// selects a field not in secret.
func readsOnly(fn *ssa.Function, recv ssa.Value, secret map[string]bool) bool {
	ok := true
	seen := make(map[ssa.Value]bool)
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		if seen[v] || !ok {
			return
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.FieldAddr:
				if secret[structFieldName(r.X.Type(), r.Field)] {
					ok = false
				}
			case *ssa.Field:
				if secret[structFieldName(r.X.Type(), r.Field)] {
					ok = false
				}
			case *ssa.UnOp:
				if r.Op == token.MUL {
					visit(r)
				} else {
					ok = false
				}
			case *ssa.Store:
				if r.Addr == v {
					continue // the copy being made
				}
				// A value receiver copied into a local.
				if r.Val == v {
					if al, isAlloc := r.Addr.(*ssa.Alloc); isAlloc {
						visit(al)
						continue
					}
				}
				ok = false
			case *ssa.DebugRef:
			default:
				ok = false // handed on whole
			}
		}
	}
	visit(recv)
	return ok
}

// isConsole reports whether a writer is os.Stdout or os.Stderr.
func isConsole(w ssa.Value) bool {
	name := osStream(w)
	return name == "Stdout" || name == "Stderr"
}

// consoleSink is the sink of a write by api to w, os.Stdout or os.Stderr:
// named by where it goes, and marked Stdout for os.Stdout, where output
// for another program goes (exports.go).
func consoleSink(api string, w ssa.Value) catalog.LogSink {
	if isStdout(w) {
		return catalog.LogSink{Name: api + " to os.Stdout", Stdout: true}
	}
	return catalog.LogSink{Name: api + " to the console"}
}

// isStdout reports whether a writer is os.Stdout.
func isStdout(w ssa.Value) bool { return osStream(w) == "Stdout" }

// osStream returns the name of the os package variable a writer is.
func osStream(w ssa.Value) string {
	w = underlyingWriter(w)
	u, ok := w.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return ""
	}
	g, ok := u.X.(*ssa.Global)
	if !ok || g.Pkg == nil || g.Pkg.Pkg.Path() != "os" {
		return ""
	}
	return g.Name()
}

// secretWord names the secret parts for messages.
func secretWord(part uint8) string {
	var words []string
	if part&catalog.PartSecret != 0 {
		words = append(words, "a secret access key")
	}
	if part&catalog.PartToken != 0 {
		words = append(words, "a session token")
	}
	return strings.Join(words, " and ")
}
