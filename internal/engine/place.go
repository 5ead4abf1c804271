package engine

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// A place is where an address points, in the two memories the engine
// keeps:
//
//   - the function's own memory: a root object (an Alloc, a MakeMap,
//     MakeSlice or MakeChan, a parameter or free variable, a call result,
//     a package-level variable while the package initializer runs) and a
//     path below it (".Creds.SessionToken", "[]" for elements);
//   - the heap shared by all functions of the package and exported as
//     facts: a base object (the *types.TypeName of a struct type of the
//     user's, or the *types.Var of a package-level variable) and a path
//     below it.
//
// The heap is field-based: every Worker's creds field is one place,
// "Worker.creds", what lets a value stored by Start be seen by Job
// without a full points-to analysis. Within it, a place whose object's
// allocation sites are known (sites.go) reads and writes those sites'
// part, so that two instances of one type keep their own provenance;
// one whose object is unknown (a receiver) sees every instance. A store
// is put on the heap only when the object can be reached from
// elsewhere: memory that stays in one function (a local struct that
// does not escape) is kept apart, in program order. Struct types of the SDK and the standard
// library are never heap bases: their fields are reached through the
// place of the value that holds them.
//
// Paths name fields (".SessionToken"), not indices, so that they read
// well in facts and stay stable when fields are added.
type place struct {
	root  ssa.Value
	path  string
	hbase types.Object
	hpath string
	// mask is the parts of the credentials the last field of an SDK
	// struct on the path may carry (catalog.FieldParts); PartsAll for a
	// path through the user's own types.
	mask uint8
	// secret is set when the place is a secret field of one of the
	// SDK's credential types, whatever it holds; secretOf names it
	// ("aws.Credentials.SessionToken").
	secret   uint8
	secretOf string
	// sites are the allocation sites of the object the place is in, when
	// known (sites.go): a struct type's heap base is read and written at
	// those sites. nil: unknown, every instance of the type.
	sites *siteSet
}

func (p place) onHeap() bool { return p.hbase != nil }

// field returns the place of field name of the struct at p, whose type
// (the struct, not a pointer to it) is st.
func (p place) field(a *analysisState, st types.Type, name string) place {
	p.path += "." + name
	if tn := a.userStruct(st); tn != nil {
		p.hbase, p.hpath = tn, "."+name
	} else if p.hbase != nil {
		p.hpath += "." + name
	}
	if sdkStruct(st) {
		p.mask = catalog.FieldParts[name]
		p.secret, p.secretOf = secretField(st, name)
	}
	return p
}

// elem returns the place of the elements of the slice, array, map or
// channel at p: objects of their own, of unknown sites.
func (p place) elem() place {
	p.path += "[]"
	p.sites = nil
	if p.hbase != nil {
		p.hpath += "[]"
	}
	return p
}

// descend returns the place at path below p, where the value at p has
// type t: the fields of the user's struct types become heap bases of
// their own on the way down, as they do for a FieldAddr.
//
// p is the place of the value of type t, or of what t points to: below a
// pointer field on the way, the sites are unknown.
func (p place) descend(a *analysisState, t types.Type, path string) place {
	for first := true; path != ""; first = false {
		if !first && isPointer(t) {
			p.sites = nil
		}
		t = deref(t)
		if rest, ok := strings.CutPrefix(path, "[]"); ok {
			p = p.elem()
			t = elemType(t)
			path = rest
			continue
		}
		name, rest := splitField(path)
		p = p.field(a, t, name)
		t = fieldType(t, name)
		path = rest
	}
	return p
}

// splitField splits ".Name.rest" or ".Name[]rest" into Name and the rest.
func splitField(path string) (string, string) {
	path = strings.TrimPrefix(path, ".")
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i], path[i:]
	}
	return path, ""
}

// placeOf returns the place an address (or a reference: a slice, map,
// channel or pointer) points to.
func (s *funcState) placeOf(v ssa.Value) place {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		st := deref(v.X.Type())
		return s.placeOf(v.X).field(s.a, st, structFieldName(st, v.Field))
	case *ssa.IndexAddr:
		// An element of an array (through a pointer) or of a slice.
		return s.placeOf(v.X).elem()
	case *ssa.UnOp:
		if v.Op == token.MUL {
			// A pointer loaded from memory points where that memory's
			// contents are kept: the fields of what the pointer at
			// Worker.creds points to are Worker.creds.SessionToken; the
			// object is at the sites the loaded pointer may point to.
			p := s.placeOf(v.X)
			p.sites = s.a.sitesOf(v)
			return p
		}
	case *ssa.Slice:
		// A slice of an array or of a slice shares its backing store.
		return s.placeOf(v.X)
	case *ssa.ChangeType:
		return s.placeOf(v.X)
	case *ssa.Global:
		p := place{hbase: s.a.globalObj(v), mask: catalog.PartsAll, sites: oneSite(v)}
		if s.fi.initPhase {
			// While the package initializer runs, package-level
			// variables are read in program order: a client built before
			// init replaces a config's provider keeps what it copied.
			p.root = v
		}
		return p
	}
	return place{root: v, mask: catalog.PartsAll, sites: s.a.sitesOf(v)}
}

// globalObj returns the object of a package-level variable.
func (a *analysisState) globalObj(g *ssa.Global) types.Object {
	if obj := g.Object(); obj != nil {
		return obj
	}
	return nil
}

// userStruct returns the type name of t if t is a named struct type of
// the user's (neither the standard library's nor the SDK's).
func (a *analysisState) userStruct(t types.Type) *types.TypeName {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	obj := named.Origin().Obj()
	if obj.Pkg() == nil || a.foreign(obj.Pkg().Path()) {
		return nil
	}
	return obj
}

// foreign reports whether a package is the standard library's or the
// SDK's: code that is never analysed and carries no facts. A path whose
// first element has no dot is the standard library's, unless it is in
// the module being analysed (a module may be named "benchmod").
func (a *analysisState) foreign(path string) bool {
	if catalog.IsSDK(path) {
		return true
	}
	if !catalog.IsStdPath(path) {
		return false
	}
	if m := a.pass.Module; m != nil && m.Path != "" && (path == m.Path || strings.HasPrefix(path, m.Path+"/")) {
		return false
	}
	return true
}

// secretField returns the secret part a field of one of the SDK's
// credential types holds, and its name for messages.
func secretField(st types.Type, name string) (uint8, string) {
	k, ok := typeKey(st)
	if !ok || !catalog.SecretStructs[k] {
		return 0, ""
	}
	part := catalog.FieldParts[name] & catalog.PartsSecret
	if part == 0 {
		return 0, ""
	}
	return part, pkgName(k.Pkg) + "." + k.Name + "." + name
}

// pkgName returns the last element of an import path (the package's
// usual name: "types" for .../sts/types).
func pkgName(path string) string {
	if i := strings.LastIndex(path, "/"); i >= 0 {
		return path[i+1:]
	}
	return path
}

// sdkStruct reports whether t is a named struct type of the SDK.
func sdkStruct(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && catalog.IsSDK(named.Obj().Pkg().Path())
}

// deref returns what a pointer type points to, or t.
func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// elemType returns the element type of a slice, array, map or channel.
func elemType(t types.Type) types.Type {
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	case *types.Chan:
		return u.Elem()
	case *types.Pointer:
		return elemType(u.Elem())
	}
	return t
}

// fieldType returns the type of the named field of struct type t.
func fieldType(t types.Type, name string) types.Type {
	if st, ok := types.Unalias(t).Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if f := st.Field(i); f.Name() == name {
				return f.Type()
			}
		}
	}
	return types.Typ[types.Invalid]
}

// structFieldName returns the name of field i of the struct t (or *t).
func structFieldName(t types.Type, i int) string {
	if st, ok := types.Unalias(deref(t)).Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i).Name()
	}
	return ""
}

// structField returns field name of struct type t, or nil.
func structField(t types.Type, name string) *types.Var {
	if st, ok := types.Unalias(t).Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if f := st.Field(i); f.Name() == name {
				return f
			}
		}
	}
	return nil
}
