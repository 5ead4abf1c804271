package engine

import (
	"go/types"
	"maps"
	"slices"
	"strings"
)

// HeapFact says what a package's code stores, anywhere, into one struct
// field or package-level variable of that package: it is exported on the
// field's (or variable's) object, so that a store in one package is seen
// by a load in its importers. Paths are below the field or variable
// ("" for it as a whole, ".SessionToken", "[]").
type HeapFact struct {
	Entries []HeapEntry
}

// A HeapEntry is what is stored at one path.
type HeapEntry struct {
	Path string
	TaintSummary
}

func (*HeapFact) AFact() {}

func (f *HeapFact) String() string {
	var parts []string
	for _, e := range f.Entries {
		parts = append(parts, e.describe("stored"+e.Path)...)
	}
	return "heap(" + strings.Join(parts, "; ") + ")"
}

// ForeignStores is a package fact: what the package stores into the
// fields and variables of the packages it imports, which cannot carry
// facts of its making.
type ForeignStores struct {
	Entries []ForeignEntry
}

// A ForeignEntry is a store into a field of another package's type
// (Base "pkg/path.Type", Path ".Field...") or into one of its variables
// (Base "pkg/path.Var").
type ForeignEntry struct {
	Base string
	HeapEntry
}

func (*ForeignStores) AFact() {}

func (f *ForeignStores) String() string {
	var parts []string
	for _, e := range f.Entries {
		parts = append(parts, e.describe(e.Base+e.Path)...)
	}
	return "foreignStores(" + strings.Join(parts, "; ") + ")"
}

// baseName names a heap base in facts.
func baseName(obj heapBase) string { return obj.Pkg().Path() + "." + obj.Name() }

// heapPaths returns what this package stores at a base.
func (a *analysisState) heapPaths(base heapBase) paths {
	a.readsShared()
	return a.heap.get(base)
}

// heapRead returns what this package stores at (base, path), read
// through a pointer to the sites given (nil: unknown; sites.go).
func (a *analysisState) heapRead(base heapBase, sites *siteSet, path string, m readMode) taint {
	a.readsShared()
	return a.heap.read(base, sites, path, m)
}

// importedPaths returns what other packages say they store at a base:
// the fact on its field or variable, if the base is another package's,
// and the stores into it that imported packages report.
func (a *analysisState) importedPaths(base heapBase) paths {
	if ps, ok := a.imported[base]; ok {
		return ps
	}
	ps := make(paths)
	a.imported[base] = ps
	if base.Pkg() == nil || base.Pkg() == a.pass.Pkg {
		return ps
	}
	add := func(prefix string, e HeapEntry) {
		if t := a.factTaint(e.TaintSummary); !t.empty() {
			ps.weakSet(prefix+e.Path, t)
		}
	}
	switch obj := base.(type) {
	case *types.TypeName:
		if st, ok := obj.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				f := st.Field(i)
				var fact HeapFact
				if a.pass.ImportObjectFact(f, &fact) {
					setFrom(&fact, f.Pkg())
					for _, e := range fact.Entries {
						add("."+f.Name(), e)
					}
				}
			}
		}
	case *types.Var:
		var fact HeapFact
		if a.pass.ImportObjectFact(obj, &fact) {
			setFrom(&fact, obj.Pkg())
			for _, e := range fact.Entries {
				add("", e)
			}
		}
	}
	for _, e := range a.foreignStores()[baseName(base)] {
		add("", e.HeapEntry)
	}
	return ps
}

// foreignStores indexes the ForeignStores facts of the imported packages
// by base.
func (a *analysisState) foreignStores() map[string][]ForeignEntry {
	if a.foreignIdx != nil {
		return a.foreignIdx
	}
	a.foreignIdx = make(map[string][]ForeignEntry)
	for _, pf := range a.pass.AllPackageFacts() {
		fs, ok := pf.Fact.(*ForeignStores)
		if !ok || pf.Package == a.pass.Pkg {
			continue
		}
		fs = &ForeignStores{Entries: slices.Clone(fs.Entries)}
		setFrom(fs, pf.Package)
		for _, e := range fs.Entries {
			a.foreignIdx[e.Base] = append(a.foreignIdx[e.Base], e)
		}
	}
	return a.foreignIdx
}

// factTaint is the taint a fact's summary gives a value as it is,
// outside any call: its source, entry, frozen provider, client and
// functions (instantiate adds what depends on a call's arguments).
func (a *analysisState) factTaint(ts TaintSummary) taint {
	t := taint{src: a.cat.SourceByKey(ts.Source), parts: ts.Parts, entry: ts.Entry, frozen: ts.Frozen, client: ts.Client, fns: a.fnsOf(ts.Funcs), secret: ts.Secret, secretFrom: ts.SecretFrom}
	if t.src.Label != "" {
		t.tokenTrail = ts.TokenTrail
		if ts.from != nil {
			t.origin = a.importTrail(ts.from, ts.Trail)
		} else {
			t.origin = ts.trail
		}
	}
	if t.frozen != "" {
		if ts.from != nil {
			t.frozenAt = a.importTrail(ts.from, ts.FrozenTrail)
		} else {
			t.frozenAt = ts.frozenAt
		}
	}
	return t
}

// summarize is factTaint's inverse: what a settled taint says to other
// functions and packages.
func (a *analysisState) summarize(t taint) TaintSummary {
	whole, paths := summaryPaths(t)
	ts := TaintSummary{
		Source: t.src.Key, Parts: t.parts, Entry: t.entry, Frozen: t.frozen, Client: t.client,
		FrozenIf: bits(t.frozenIf), FrozenSrcIf: bits(t.frozenSrcIf), Params: bits(whole), ParamPaths: paths,
		Calls: bits(t.calls), EntryIf: bits(t.entryIf), Funcs: funcRefs(t.fns),
		Secret: t.secret, SecretFrom: t.secretFrom,
	}
	if t.src.Label != "" {
		ts.trail, ts.TokenTrail = t.origin, t.tokenTrail
	}
	if t.frozen != "" {
		ts.frozenAt = t.frozenAt
	}
	return ts
}

// exportHeap exports what the package stored on the heap: facts on its
// own fields and variables, and one package fact for the others'.
func (a *analysisState) exportHeap() {
	var foreign ForeignStores
	own := make(map[types.Object][]HeapEntry)
	bases := slices.Collect(maps.Keys(a.heap.bases))
	slices.SortFunc(bases, func(x, y heapBase) int { return strings.Compare(baseName(x), baseName(y)) })
	for _, base := range bases {
		ps := a.heap.bases[base]
		for _, path := range slices.Sorted(maps.Keys(ps)) {
			ts := a.summarize(local(ps[path]))
			if ts.empty() {
				continue
			}
			if base.Pkg() != a.pass.Pkg {
				foreign.Entries = append(foreign.Entries, ForeignEntry{Base: baseName(base), HeapEntry: HeapEntry{Path: path, TaintSummary: ts}})
				continue
			}
			obj, rest := ownObject(base, path)
			if obj == nil {
				continue
			}
			own[obj] = append(own[obj], HeapEntry{Path: rest, TaintSummary: ts})
		}
	}
	objs := slices.Collect(maps.Keys(own))
	slices.SortFunc(objs, func(x, y types.Object) int { return int(x.Pos() - y.Pos()) })
	for _, obj := range objs {
		a.exports = append(a.exports, export{obj, &HeapFact{Entries: own[obj]}})
	}
	if len(foreign.Entries) > 0 {
		a.exports = append(a.exports, export{nil, &foreign})
	}
}

// ownObject returns the object a fact for (base, path) goes on: the field
// named first in path for a struct type, the variable itself otherwise;
// and the path below it.
func ownObject(base heapBase, path string) (types.Object, string) {
	switch obj := base.(type) {
	case *types.TypeName:
		name, rest := splitField(path)
		if f := structField(obj.Type(), name); f != nil {
			return f, rest
		}
		return nil, ""
	case *types.Var:
		return obj, path
	}
	return nil, ""
}
