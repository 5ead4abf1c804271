package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// transfer is the engine's per-instruction policy: how each go/ssa
// instruction moves taint between values and memory, and, in the last
// sweep (s.record), which constructions it records. Every precision
// decision about a single instruction is here; the default is silent.
func (s *funcState) transfer(instr ssa.Instruction) {
	s.pos, s.block = instr.Pos(), instr.Block()
	switch v := instr.(type) {
	case *ssa.Alloc:
		// A new object: its taint is what is stored in it, read where it
		// is used.

	case *ssa.UnOp:
		switch v.Op {
		case token.MUL:
			// A load reads the memory as it is here.
			s.load(v, s.placeOf(v.X))
		case token.ARROW:
			// A receive reads what was sent on the channel.
			s.load(v, s.placeOf(v.X).elem())
		default:
			// -x, ^x, !x: numbers and booleans carry no credential.
		}

	case *ssa.BinOp:
		// Only concatenation builds text; "NAME=" + v puts v under NAME.
		if v.Op == token.ADD {
			s.concat(v)
		}

	case *ssa.Phi:
		// A merge: any edge's taint, field by field.
		for _, e := range v.Edges {
			s.setR(v, s.shape(e))
		}

	case *ssa.ChangeType:
		// A conversion between types of the same shape; a func converted
		// to aws.CredentialsProviderFunc becomes a provider.
		s.setR(v, s.shape(v.X))
		s.set(v, s.providerFuncTaint(v.X, v.Type()))
		if s.record {
			s.providerFunc(v.X, v.Type())
		}
	case *ssa.Convert:
		s.set(v, s.get(v.X))
		s.set(v, s.providerFuncTaint(v.X, v.Type()))
		if s.record {
			s.providerFunc(v.X, v.Type())
		}
	case *ssa.MultiConvert:
		s.set(v, s.get(v.X))
	case *ssa.ChangeInterface:
		s.setR(v, s.shape(v.X))
	case *ssa.MakeInterface:
		// Boxing keeps the value's fields apart, for a type assertion
		// that unboxes it.
		s.setR(v, s.shape(v.X))
	case *ssa.TypeAssert:
		if v.CommaOk {
			s.tupleSet(v, []rtaint{s.shape(v.X), {}})
		} else {
			s.setR(v, s.shape(v.X))
		}
	case *ssa.SliceToArrayPointer:
		s.set(v, s.get(v.X))

	case *ssa.Slice:
		t := s.get(v.X)
		if isString(v.X.Type()) {
			// A prefix of an access key id identifies it; it is not a secret.
			t = narrow(t, t.parts&^catalog.PartKeyID)
		}
		s.set(v, t)
	case *ssa.Index:
		// An element of an array value, or a byte of a string.
		s.set(v, s.get(v.X))
	case *ssa.Lookup:
		if _, ok := types.Unalias(v.X.Type()).Underlying().(*types.Map); ok {
			// m[k] reads the map's contents; v, ok := m[k] too.
			r := s.readShape(s.placeOf(v.X).elem(), v.Type())
			if v.CommaOk {
				s.tupleSet(v, []rtaint{r, {}})
			} else {
				s.setR(v, r)
			}
		} else {
			s.set(v, s.get(v.X))
		}
	case *ssa.Field:
		// A field of a struct value keeps its own taint.
		s.set(v, s.fieldOf(v.X, structFieldName(v.X.Type(), v.Field)))
	case *ssa.FieldAddr, *ssa.IndexAddr:
		// Addresses: resolved to places where they are used.

	case *ssa.Extract:
		if ts, ok := s.tuple[v.Tuple]; ok && v.Index < len(ts) {
			s.setR(v, ts[v.Index])
		} else {
			s.set(v, s.get(v.Tuple))
		}

	case *ssa.Store:
		// A store overwrites the object in program order, and reaches
		// the heap when the object can be reached from elsewhere.
		s.pos = addrPos(v)
		s.store(v.Addr, v.Val)
		if s.record {
			if al, ok := s.placeOf(v.Addr).root.(*ssa.Alloc); ok {
				// A static provider literal (or variable) is a
				// construction, as complete as its stores so far.
				s.allocSink(al)
			}
			s.cacheSink(v)
			s.childEnvStore(v)
			if g := packageLevel(v.Addr); g != nil && !isFunc(v.Val.Type()) {
				// (A func, such as sync.OnceValue's, is reported where it is made.)
				s.singletonStore(addrPos(v), g, s.get(v.Val))
			}
		}
	case *ssa.MapUpdate:
		// m[k] = v puts v among the map's contents (never overwriting
		// them: a map holds many); a credential name as the key makes it
		// an entry.
		r := s.shape(v.Value)
		r.whole = s.mapEntry(v.Key, v.Value, r.whole)
		s.write(s.placeOf(v.Map).elem(), v.Value.Type(), r, false)
		if s.record {
			if g := packageLevel(v.Map); g != nil {
				s.singletonStore(v.Pos(), g, s.get(v.Value))
			}
		}
	case *ssa.Send:
		// ch <- v puts v among what the channel carries.
		s.write(s.placeOf(v.Chan).elem(), v.X.Type(), s.shape(v.X), false)

	case *ssa.Range:
		// The iterator yields the contents of what it ranges over.
		s.ranges[v] = s.placeOf(v.X)
	case *ssa.Next:
		if p, ok := s.ranges[v.Iter]; ok && !v.IsString {
			tt := v.Type().(*types.Tuple)
			s.tupleSet(v, []rtaint{{}, s.readShape(p.elem(), tt.At(1).Type()), s.readShape(p.elem(), tt.At(2).Type())})
		}
	case *ssa.Select:
		// Each receiving case yields what its channel carries.
		ts := []rtaint{{}, {}}
		for _, st := range v.States {
			if st.Dir == types.RecvOnly {
				ts = append(ts, s.readShape(s.placeOf(st.Chan).elem(), elemType(st.Chan.Type())))
			}
		}
		s.tupleSet(v, ts)

	case *ssa.MakeClosure:
		// A closure captures variables: remember what they hold, apply
		// what it writes to them, and report the constructions inside it
		// that freeze them.
		s.makeClosure(v)

	case *ssa.MakeMap, *ssa.MakeChan, *ssa.MakeSlice:
		// A new, empty object.

	case *ssa.Call:
		s.setResults(v, s.call(v.Common(), v))
	case *ssa.Go:
		s.call(v.Common(), nil)
	case *ssa.Defer:
		s.call(v.Common(), nil)

	case *ssa.Return:
		if s.record {
			for i, r := range v.Results {
				if i < len(s.fi.results) {
					s.fi.results[i] = joinR(s.fi.results[i], s.resultOf(r))
				}
			}
			s.exit.joinInto(s.cur)
		}

	default:
		// If, Jump, Panic, RunDefers, DebugRef, ...: control only.
	}
}

// tupleSet joins ts into the results of a multi-valued instruction.
func (s *funcState) tupleSet(v ssa.Value, ts []rtaint) {
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

// setResults records a call's results.
func (s *funcState) setResults(v *ssa.Call, ts []rtaint) {
	if len(ts) == 1 {
		s.setR(v, ts[0])
	} else if len(ts) > 1 {
		s.tupleSet(v, ts)
	}
}

// resultOf splits a returned value into whole and per-field taints; for
// a pointer to a struct, the fields of what it points to.
func (s *funcState) resultOf(r ssa.Value) rtaint {
	if _, ok := types.Unalias(r.Type()).Underlying().(*types.Struct); ok {
		return s.shape(r)
	}
	if st, ok := types.Unalias(deref(r.Type())).Underlying().(*types.Struct); ok && isPointer(r.Type()) {
		p := s.placeOf(r)
		out := rtaint{whole: s.read(p, readAbove)}
		for i := range st.NumFields() {
			name := st.Field(i).Name()
			if t := s.read(p.field(s.a, deref(r.Type()), name), readBelow); !t.empty() {
				if out.fields == nil {
					out.fields = make(map[string]taint)
				}
				out.fields["."+name] = t
			}
		}
		return out
	}
	return rtaint{whole: s.get(r)}
}

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).Underlying().(*types.Pointer)
	return ok
}

// concat handles x + y on strings: the result carries both, and a
// constant "NAME=" (or a parameter's name followed by "=") before a value
// makes an entry.
func (s *funcState) concat(v *ssa.BinOp) {
	t := join(s.get(v.X), s.get(v.Y))
	if !provablyEmpty(v.Y) {
		if name := catalog.EntryName(constString(v.X), true); name != "" {
			t = withEntry(t, name, s.get(v.Y))
		}
		t.entryIf |= s.names[v.X]
	}
	s.set(v, t)
	// name + "=": the caller's argument names what follows.
	if y := constString(v.Y); y == "=" {
		if p, ok := s.paramIndex(v.X); ok {
			s.names[v] |= 1 << p
		}
	}
}

// mapEntry marks what m[key] = val puts among a map's contents (whole,
// the value's taint as a whole): a credential name as the key makes it
// an entry; a key the caller passes makes it one at the caller.
func (s *funcState) mapEntry(key, val ssa.Value, whole taint) taint {
	if provablyEmpty(val) {
		return whole
	}
	all := s.get(val)
	for _, name := range constStrings(key) {
		if catalog.IsTokenName(name) || catalog.IsKeyName(name) {
			whole = withEntry(whole, name, all)
		}
	}
	if p, ok := s.paramIndex(key); ok {
		whole.entryIf |= 1 << p
	}
	return whole
}
