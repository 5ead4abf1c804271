package driver

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/tokenlint/tokenlint/internal/engine"
)

// Facts cross units as go vet's vetx files carry them: gob-encoded,
// objects named by package path and object path, and decoded against the
// importing unit's own view of its dependencies (the types of their
// export data), where an object that view does not have is dropped.

// A factSet is one unit's own facts, encoded.
type factSet struct {
	data []byte
}

// An encodedFact is a fact as stored: Object is "" for a package fact.
type encodedFact struct {
	Package string
	Object  objectpath.Path
	Fact    analysis.Fact
}

type objKey struct {
	obj types.Object
	t   reflect.Type
}

type pkgKey struct {
	pkg *types.Package
	t   reflect.Type
}

// facts are the facts a unit sees while it runs: its dependencies',
// decoded, and its own.
type facts struct {
	pkg     *types.Package
	objects map[objKey]analysis.Fact
	pkgs    map[pkgKey]analysis.Fact
	err     error
}

var registered sync.Map // reflect.Type -> bool

// register makes the fact types of the analyzers known to gob.
func register(analyzers []*analysis.Analyzer) {
	for _, a := range order(analyzers, true) {
		for _, f := range a.FactTypes {
			if _, dup := registered.LoadOrStore(reflect.TypeOf(f), true); !dup {
				gob.Register(f)
			}
		}
	}
}

// newFacts decodes the facts of deps for the unit of package pkg.
func newFacts(pkg *types.Package, deps []*unit) *facts {
	fs := &facts{pkg: pkg, objects: make(map[objKey]analysis.Fact), pkgs: make(map[pkgKey]analysis.Fact)}
	if pkg == nil {
		return fs
	}
	// The unit's view of its dependencies: every package its imports'
	// export data names.
	view := make(map[string]*types.Package)
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if view[p.Path()] != nil {
			return
		}
		view[p.Path()] = p
		for _, imp := range p.Imports() {
			walk(imp)
		}
	}
	for _, imp := range pkg.Imports() {
		walk(imp)
	}
	for _, d := range deps {
		if d.facts == nil || len(d.facts.data) == 0 {
			continue
		}
		if view[d.pkg.PkgPath] == nil {
			// Not in the unit's view: its facts name objects of a package
			// the unit cannot see, and would all be dropped below. (On the
			// generated service module, 86% of the decodes were of such
			// packages, imported indirectly through export data that does
			// not mention them.)
			continue
		}
		var list []encodedFact
		if err := gob.NewDecoder(bytes.NewReader(d.facts.data)).Decode(&list); err != nil {
			fs.err = fmt.Errorf("decoding the facts of %s: %v", d.pkg.PkgPath, err)
			continue
		}
		for _, e := range list {
			p := view[e.Package]
			if p == nil {
				continue
			}
			t := reflect.TypeOf(e.Fact)
			if e.Object == "" {
				fs.pkgs[pkgKey{p, t}] = e.Fact
				continue
			}
			obj, err := objectpath.Object(p, e.Object)
			if err != nil {
				continue // not in this unit's view of p
			}
			fs.objects[objKey{obj, t}] = e.Fact
		}
	}
	return fs
}

// bind gives a pass the fact methods.
func (fs *facts) bind(pass *analysis.Pass) {
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil {
			panic("nil object given to ImportObjectFact")
		}
		f, ok := fs.objects[objKey{obj, reflect.TypeOf(ptr)}]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
		}
		return ok
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		if pkg == nil {
			panic("nil package given to ImportPackageFact")
		}
		f, ok := fs.pkgs[pkgKey{pkg, reflect.TypeOf(ptr)}]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
		}
		return ok
	}
	pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
		if obj.Pkg() != fs.pkg {
			panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s): can't set facts on objects belonging another package", pass.Analyzer, fs.pkg.Path(), obj))
		}
		fs.objects[objKey{obj, reflect.TypeOf(f)}] = f
	}
	pass.ExportPackageFact = func(f analysis.Fact) {
		fs.pkgs[pkgKey{fs.pkg, reflect.TypeOf(f)}] = f
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		for k, f := range fs.objects {
			out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		for k, f := range fs.pkgs {
			out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
		}
		return out
	}
}

// encode returns the unit's own facts, encoded (its dependencies' stay
// in their own sets), and whether one of them has an origin
// (engine.HasOrigin).
func (fs *facts) encode() (*factSet, bool) {
	if fs.pkg == nil {
		return &factSet{}, false
	}
	var list []encodedFact
	origin := false
	for k, f := range fs.pkgs {
		if k.pkg == fs.pkg {
			list = append(list, encodedFact{Package: fs.pkg.Path(), Fact: f})
			origin = origin || engine.HasOrigin(f)
		}
	}
	for k, f := range fs.objects {
		if k.obj.Pkg() != fs.pkg {
			continue
		}
		path, err := objectpath.For(k.obj)
		if err != nil {
			continue // not reachable from the package's API: no importer can ask
		}
		list = append(list, encodedFact{Package: fs.pkg.Path(), Object: path, Fact: f})
		origin = origin || engine.HasOrigin(f)
	}
	if len(list) == 0 {
		return &factSet{}, false
	}
	// A stable order, so that the encoding is too (the cache keys on it).
	sortFacts(list)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(list); err != nil {
		fs.err = fmt.Errorf("encoding the facts of %s: %v", fs.pkg.Path(), err)
		return &factSet{}, true
	}
	return &factSet{data: buf.Bytes()}, origin
}

func sortFacts(list []encodedFact) {
	slices.SortFunc(list, func(a, b encodedFact) int {
		if c := strings.Compare(string(a.Object), string(b.Object)); c != 0 {
			return c
		}
		return strings.Compare(reflect.TypeOf(a.Fact).String(), reflect.TypeOf(b.Fact).String())
	})
}
