package engine

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// A Hop is one step of a credential's trail: the source (the STS call,
// the Retrieve), or a place it went through on its way to the finding (a
// helper's return, a store into a field). Positions travel in facts as a
// file path relative to the module root (or, outside a module, prefixed
// by the package path) with line and column, so that they are the same
// whichever driver runs and wherever the code is checked out.
type Hop struct {
	File      string
	Line, Col int
	Msg       string
	// pos is the position in this package's file set, when the hop is in
	// the package being analysed (not encoded in facts).
	pos token.Pos
}

// Pos returns the hop's position in the analysed package's file set, or
// token.NoPos if the hop is in another package.
func (h Hop) Pos() token.Pos { return h.pos }

func (h Hop) String() string { return fmt.Sprintf("%s:%d:%d: %s", h.File, h.Line, h.Col, h.Msg) }

// A trail is an interned, immutable list of hops, source first. Taints
// compare trails by key, so that of two trails for the same source label
// the choice never depends on the order of analysis.
type trail struct {
	hops []Hop
	key  string
}

// less reports whether a sorts before b; a nil trail sorts last.
func (a *trail) less(b *trail) bool {
	if a == nil || b == nil {
		return a != nil
	}
	return a.key < b.key
}

// maxHops bounds a trail. A full trail takes no more hops (the earliest,
// with the source, are the most useful), so that trails settle in loops.
const maxHops = 6

func (a *analysisState) intern(hops []Hop) *trail {
	if len(hops) == 0 {
		return nil
	}
	var b strings.Builder
	for _, h := range hops {
		fmt.Fprintf(&b, "%s:%09d:%05d:%s;", h.File, h.Line, h.Col, h.Msg)
	}
	key := b.String()
	if t, ok := a.trails[key]; ok {
		return t
	}
	t := &trail{hops: hops, key: key}
	a.trails[key] = t
	return t
}

// hopAt makes a hop at a position of this package.
func (a *analysisState) hopAt(pos token.Pos, msg string) Hop {
	posn := a.pass.Fset.Position(pos)
	return Hop{File: a.relFile(posn.Filename), Line: posn.Line, Col: posn.Column, Msg: msg, pos: pos}
}

// relFile returns a file of this package relative to the module root:
// the package's directory below the module, and the file's name.
func (a *analysisState) relFile(name string) string {
	if a.relDir == "" {
		path := strings.TrimSuffix(a.pass.Pkg.Path(), "_test")
		rel := path
		if m := a.pass.Module; m != nil && m.Path != "" {
			if path == m.Path {
				rel = "."
			} else if r, ok := strings.CutPrefix(path, m.Path+"/"); ok {
				rel = r
			}
		}
		a.relDir = rel
	}
	if a.relDir == "." {
		return filepath.Base(name)
	}
	return a.relDir + "/" + filepath.Base(name)
}

// sourceAt returns the taint of a value fresh from a source at pos.
func (s *funcState) sourceAt(src catalog.Source, pos token.Pos) taint {
	t := sourced(src)
	s.fetches = true
	if pos.IsValid() {
		t.origin = s.a.intern([]Hop{s.a.hopAt(pos, src.Label)})
	}
	return t
}

// addHop appends a hop to the trail of t's source.
func (s *funcState) addHop(t taint, pos token.Pos, msg string) taint {
	if t.origin == nil || !pos.IsValid() || len(t.origin.hops) >= maxHops {
		return t
	}
	h := s.a.hopAt(pos, msg)
	last := t.origin.hops[len(t.origin.hops)-1]
	if last.File == h.File && last.Line == h.Line && last.Msg == h.Msg {
		return t
	}
	hops := append(append([]Hop(nil), t.origin.hops...), h)
	t.origin = s.a.intern(hops)
	return t
}

// frozenTrail is the trail of a provider frozen at pos from values of
// taint t: t's source and hops, then the construction (msg).
func (s *funcState) frozenTrail(t taint, pos token.Pos, msg string) *trail {
	var hops []Hop
	if t.src.Label != "" && t.origin != nil {
		hops = append(hops, t.origin.hops...)
	}
	if pos.IsValid() && len(hops) < maxHops {
		hops = append(hops, s.a.hopAt(pos, msg))
	}
	return s.a.intern(hops)
}

// importTrail returns trail number i (from 1) of a package's TrailTable.
func (a *analysisState) importTrail(pkg *types.Package, i int) *trail {
	if pkg == nil {
		return nil
	}
	tab, ok := a.trailTables[pkg]
	if !ok {
		var tt TrailTable
		if a.pass.ImportPackageFact(pkg, &tt) {
			for _, hops := range tt.Trails {
				tab = append(tab, a.intern(hops))
			}
		}
		a.trailTables[pkg] = tab
	}
	if i < 1 || i > len(tab) {
		return nil
	}
	return tab[i-1]
}

// exportTrails numbers the trails the facts about to be exported refer
// to, and exports them as the package's TrailTable.
func (a *analysisState) exportTrails(facts []analysis.Fact) {
	var tt TrailTable
	index := make(map[*trail]int)
	number := func(t *trail) int {
		if t == nil {
			return 0
		}
		i, ok := index[t]
		if !ok {
			tt.Trails = append(tt.Trails, t.hops)
			i = len(tt.Trails)
			index[t] = i
		}
		return i
	}
	for _, f := range facts {
		taintSummaries(f, func(ts *TaintSummary) {
			ts.Trail = number(ts.trail)
			ts.FrozenTrail = number(ts.frozenAt)
		})
	}
	if len(tt.Trails) > 0 {
		a.pass.ExportPackageFact(&tt)
	}
}
