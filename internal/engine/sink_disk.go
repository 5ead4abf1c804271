package engine

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// awsConfigureSet reports "aws configure set aws_session_token V" (with
// any global options): the AWS CLI writes the token into the shared
// credentials file.
func (s *funcState) awsConfigureSet(c *ssa.CallCommon, name, argv ssa.Value) {
	prog := constStrings(name)
	if len(prog) != 1 || !catalog.IsAWSCLI(prog[0]) {
		return
	}
	elems, values := sliceElems(argv)
	i, key := catalog.ConfigureSetKey(elems)
	if i < 0 || !catalog.TokenFileKeys[key] || values[i+1] == nil || provablyEmpty(values[i+1]) {
		return
	}
	s.hit(sinkHit{kind: DiskWrite, pos: c.Pos(), sink: "aws configure set", name: key, t: s.get(values[i+1]), force: true})
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
// file, values set on them are stored in the file (a struct reflected
// into a section puts its fields under the keys its tags name), and
// saving the file writes them.
func (s *funcState) iniCall(c *ssa.CallCommon, call ssa.Value, name string, args []ssa.Value) {
	if len(args) == 0 {
		return
	}
	recv := args[0]
	root := s.iniRoot(recv)
	if catalog.INIDerive[name] && call != nil {
		// The result is part of the receiver's file; remember the key
		// name it is reached by.
		part := iniPart{parent: recv}
		if len(args) > 1 {
			if names := constStrings(args[1]); len(names) == 1 {
				part.key = strings.ToLower(names[0])
			}
		}
		s.derived[call] = part
	}
	if catalog.INISet[name] && len(args) > 1 {
		v := args[len(args)-1]
		t := s.get(v)
		key := s.derived[s.iniValue(recv)].key
		if name == "NewKey" && len(args) == 3 {
			if names := constStrings(args[1]); len(names) == 1 {
				key = strings.ToLower(names[0])
			}
		}
		if name == "ReflectFrom" {
			t = s.reflectEntries(v, t)
		} else if !provablyEmpty(v) {
			if catalog.TokenFileKeys[key] || (catalog.KeyFileKeys[key] && t.src.Label != "") {
				t.entry = key
			}
		}
		s.write(place{root: root, mask: catalog.PartsAll}, v.Type(), rtaint{whole: t}, false)
	}
	if catalog.INISave[name] && s.record {
		t := s.get(root)
		s.hit(sinkHit{kind: DiskWrite, pos: c.Pos(), sink: "ini.File." + name, name: t.entry, t: t})
	}
}

// reflectEntries is what (*ini.Section).ReflectFrom(v) puts in the file:
// each field of the struct v points to under the key its ini tag names;
// a credential key holding a value makes an entry.
func (s *funcState) reflectEntries(v ssa.Value, t taint) taint {
	ptr := underlyingValue(v)
	st, ok := types.Unalias(deref(ptr.Type())).Underlying().(*types.Struct)
	if !ok {
		return t
	}
	p := s.placeOf(ptr)
	for i := range st.NumFields() {
		key := catalog.INITagKey(st.Tag(i))
		if !catalog.TokenFileKeys[key] && !catalog.KeyFileKeys[key] {
			continue
		}
		ft := s.read(p.field(s.a, deref(ptr.Type()), st.Field(i).Name()), readUnder)
		if ft.empty() {
			continue
		}
		if catalog.TokenFileKeys[key] || ft.src.Label != "" {
			t.entry = betterEntry(t.entry, key)
		}
	}
	return t
}

// iniValue sees through the Extract of a (value, error) result.
func (s *funcState) iniValue(v ssa.Value) ssa.Value {
	if e, ok := v.(*ssa.Extract); ok && e.Index == 0 {
		return e.Tuple
	}
	return v
}

// iniPart records that a value is part of an ini file, under a key name.
type iniPart struct {
	parent ssa.Value
	key    string
}

// iniRoot returns the file a section or key belongs to.
func (s *funcState) iniRoot(v ssa.Value) ssa.Value {
	for range 8 {
		p, ok := s.derived[s.iniValue(v)]
		if !ok {
			break
		}
		v = p.parent
	}
	return v
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
