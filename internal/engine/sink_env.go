package engine

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// envSinks reports the package-level functions that persist credentials:
// setting the process environment, a child's environment, files.
func (s *funcState) envSinks(c *ssa.CallCommon, fk catalog.FuncKey, args []ssa.Value) {
	if api, ok := catalog.SetenvFuncs[fk]; ok && len(args) == 2 {
		names := constStrings(args[0])
		t := s.get(args[1])
		if names == nil && t.entry != "" {
			// A value put under a credential name earlier (a map of
			// variables, ranged over): that name.
			names = []string{t.entry}
		}
		for _, name := range names {
			s.setenv(c.Pos(), api, name, args[1], t, "")
		}
		if p, ok := s.paramIndex(args[0]); ok && names == nil {
			// The caller names the variable (func setEnv(k, v string)).
			s.hit(sinkHit{kind: EnvSet, pos: c.Pos(), sink: api, t: join(t, taint{params: 1 << p}), nameParam: p + 1})
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

// setenv reports setting the environment variable name to val (of taint
// t): a session token under its own name whatever its origin, a key
// when it comes from temporary credentials.
func (s *funcState) setenv(pos token.Pos, api, name string, val ssa.Value, t taint, via string) {
	switch {
	case catalog.TokenEnvNames[name]:
		if val == nil || !provablyEmpty(val) && !isEnvRead(val) {
			s.hit(sinkHit{kind: EnvSet, pos: pos, sink: api, name: name, via: via, t: t, force: true})
		}
	case catalog.KeyEnvNames[name]:
		if val == nil || !isEnvRead(val) {
			s.hit(sinkHit{kind: EnvSet, pos: pos, sink: api, name: name, via: via, t: t})
		}
	}
}

// formatEntry adds the entry a fmt format makes: "AWS_SESSION_TOKEN=%s",
// or "%s=%s" with a name the caller passes.
func (s *funcState) formatEntry(t taint, format ssa.Value, rest []ssa.Value) taint {
	text := constString(format)
	vals := rest
	if len(rest) == 1 {
		if _, xs := sliceElems(rest[0]); xs != nil {
			vals = xs // the variadic arguments
		}
	}
	if entries := catalog.FormatEntries(text); len(entries) > 0 {
		// Each name with the argument its verb formats: in
		// "aws_access_key_id = %s\naws_session_token = %s" the token is the
		// second argument, whatever the first is.
		for _, e := range entries {
			if e.Arg < len(vals) && vals[e.Arg] != nil && !provablyEmpty(underlyingValue(vals[e.Arg])) {
				if nt := withEntry(t, e.Name, s.get(vals[e.Arg])); nt.entry != t.entry {
					nt.entry = betterEntry(t.entry, nt.entry)
					t = nt
				}
			}
		}
	} else if name := catalog.EntryName(text, false); name != "" {
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
	if catalog.IsNamedFormat(text) && len(rest) == 2 && !provablyEmpty(rest[1]) {
		if p, ok := s.paramIndex(underlyingValue(rest[0])); ok {
			t.entryIf |= 1 << p
		}
		for _, name := range constStrings(underlyingValue(rest[0])) {
			t = withEntry(t, name, s.get(rest[1]))
		}
	}
	return t
}

// betterEntry returns the entry a text that puts values under both names
// is reported by: a session-token name before a key name, then the
// smaller.
func betterEntry(old, name string) string {
	switch {
	case old == "":
		return name
	case catalog.IsTokenName(old) != catalog.IsTokenName(name):
		if catalog.IsTokenName(old) {
			return old
		}
		return name
	}
	return minLabel(old, name)
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
