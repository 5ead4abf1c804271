package driver

import (
	"bufio"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"slices"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Shared export data: every package the units import (the SDK, the
// standard library, every other dependency, and the units' own packages
// as their importers see them, through the export data go list compiled)
// is read from export data once, before any unit runs, into one map that
// no one writes after; each unit's importer starts from it. Without it
// every unit read S3's export data again, into packages of its own (a
// seventh of the CPU on the service workload, and one copy of the SDK's
// types per unit in memory), and on a chain of packages the types of all
// the earlier ones. gcexportdata completes a package it finds incomplete
// in the map, which is why the map is filled before the workers start.
//
// Only units whose import graph holds no test variant share: go list
// gives a test variant the path of the package it recompiles, and one
// map by path cannot hold both.

// share reads the export data shared by the units and gives it to each
// unit that can share it.
func (g *graph) share(fset *token.FileSet, units []*unit) {
	clean := make(map[string]bool) // by ID: no test variant below
	var variantFree func(p *packages.Package) bool
	variantFree = func(p *packages.Package) bool {
		if ok, done := clean[p.ID]; done {
			return ok
		}
		clean[p.ID] = false
		ok := p.ForTest == "" || p.ID == p.PkgPath
		for _, imp := range p.Imports {
			if ok && !variantFree(imp) {
				ok = false
			}
		}
		clean[p.ID] = ok
		return ok
	}
	var ids []string
	byID := make(map[string]*packages.Package)
	var sharing []*unit
	for _, u := range units {
		ok := true
		for _, imp := range u.pkg.Imports {
			ok = ok && variantFree(imp)
		}
		if !ok {
			continue
		}
		sharing = append(sharing, u)
		for _, imp := range u.pkg.Imports {
			if byID[imp.ID] == nil && imp.ExportFile != "" {
				byID[imp.ID] = imp
				ids = append(ids, imp.ID)
			}
		}
	}
	slices.Sort(ids)
	shared := make(map[string]*types.Package)
	for _, id := range ids {
		p := byID[id]
		if q := shared[p.PkgPath]; q != nil && q.Complete() {
			continue
		}
		if err := readExport(fset, shared, p); err != nil {
			// The unit's own importer reads it again and reports why.
			delete(shared, p.PkgPath)
		}
	}
	for _, u := range sharing {
		u.shared = shared
	}
}

// readExport reads p's export data into m.
func readExport(fset *token.FileSet, m map[string]*types.Package, p *packages.Package) error {
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("reading export data for %s: %v", p.PkgPath, err)
	}
	_, err = gcexportdata.Read(r, fset, m, p.PkgPath)
	return err
}
