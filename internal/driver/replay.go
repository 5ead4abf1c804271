package driver

import (
	"go/token"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// Diagnostics in the cache: positions are stored as file, offset, line
// and column, and replayed into the run's file set without parsing. A
// position in one of the unit's own files is restored from the file's
// content (its offsets are real: fixes edit them); any other (a trail
// step in a dependency, whose position comes from export data) from a
// stand-in file that gives each line and column back as stored. A
// position that would not come back the same (a //line directive, a fix
// outside the unit's files) is not cached: such a unit is analysed every
// time.

type cachedPos struct {
	Valid, Own   bool
	File         string
	Offset       int
	Line, Column int
}

type cachedRelated struct {
	Pos, End cachedPos
	Message  string
}

type cachedEdit struct {
	Pos, End cachedPos
	NewText  []byte
}

type cachedFix struct {
	Message string
	Edits   []cachedEdit
}

type cachedDiag struct {
	Pos, End               cachedPos
	Category, Message, URL string
	Related                []cachedRelated
	Fixes                  []cachedFix
}

type cachedAction struct {
	Name        string
	Diagnostics []cachedDiag
}

// A recorder turns a unit's diagnostics into their cached form.
type recorder struct {
	fset *token.FileSet
	own  map[*token.File]bool // the unit's parsed files
}

func (r *recorder) pos(p token.Pos) (cachedPos, bool) {
	if !p.IsValid() {
		return cachedPos{}, true
	}
	tf := r.fset.File(p)
	if tf == nil {
		return cachedPos{}, false
	}
	adj, raw := r.fset.PositionFor(p, true), r.fset.PositionFor(p, false)
	if adj != raw {
		return cachedPos{}, false
	}
	return cachedPos{Valid: true, Own: r.own[tf], File: tf.Name(), Offset: tf.Offset(p), Line: raw.Line, Column: raw.Column}, true
}

func (r *recorder) action(name string, diags []analysis.Diagnostic) (cachedAction, bool) {
	ca := cachedAction{Name: name}
	ok := true
	pos := func(p token.Pos) cachedPos {
		cp, good := r.pos(p)
		ok = ok && good
		return cp
	}
	for _, d := range diags {
		cd := cachedDiag{Pos: pos(d.Pos), End: pos(d.End), Category: d.Category, Message: d.Message, URL: d.URL}
		for _, rel := range d.Related {
			cd.Related = append(cd.Related, cachedRelated{pos(rel.Pos), pos(rel.End), rel.Message})
		}
		for _, f := range d.SuggestedFixes {
			cf := cachedFix{Message: f.Message}
			for _, e := range f.TextEdits {
				ce := cachedEdit{pos(e.Pos), pos(e.End), e.NewText}
				if !ce.Pos.Own || (ce.End.Valid && !ce.End.Own) {
					ok = false // a fix is applied by offsets in the unit's files
				}
				cf.Edits = append(cf.Edits, ce)
			}
			cd.Fixes = append(cd.Fixes, cf)
		}
		ca.Diagnostics = append(ca.Diagnostics, cd)
	}
	return ca, ok
}

// A replayer restores cached positions into a file set.
type replayer struct {
	fset  *token.FileSet
	own   map[string]*token.File
	other map[string]*token.File
	width map[string]int // the stand-in's bytes per line
	ok    bool
}

// replay restores the entry's diagnostics as the unit's actions; false
// if a position does not come back as stored.
func replay(fset *token.FileSet, u *unit, e *entry, analyzers []*analysis.Analyzer) (map[string]*Action, bool) {
	r := &replayer{fset: fset, own: make(map[string]*token.File), other: make(map[string]*token.File), width: make(map[string]int), ok: true}
	// Size the stand-in files: one byte more per line than the largest
	// column stored, as many lines as the largest line.
	lines := make(map[string]int)
	r.eachPos(e, func(cp cachedPos) {
		if cp.Valid && !cp.Own {
			r.width[cp.File] = max(r.width[cp.File], cp.Column+1)
			lines[cp.File] = max(lines[cp.File], cp.Line)
		}
	})
	for name, n := range lines {
		w := r.width[name]
		tf := fset.AddFile(name, -1, n*w)
		offsets := make([]int, n)
		for i := range offsets {
			offsets[i] = i * w
		}
		tf.SetLines(offsets)
		r.other[name] = tf
	}
	actions := make(map[string]*Action)
	for _, ca := range e.Actions {
		i := slices.IndexFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == ca.Name })
		if i < 0 {
			return nil, false
		}
		act := &Action{Analyzer: analyzers[i]}
		for _, cd := range ca.Diagnostics {
			d := analysis.Diagnostic{Pos: r.pos(cd.Pos), End: r.pos(cd.End), Category: cd.Category, Message: cd.Message, URL: cd.URL}
			for _, rel := range cd.Related {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: r.pos(rel.Pos), End: r.pos(rel.End), Message: rel.Message})
			}
			for _, cf := range cd.Fixes {
				f := analysis.SuggestedFix{Message: cf.Message}
				for _, ce := range cf.Edits {
					f.TextEdits = append(f.TextEdits, analysis.TextEdit{Pos: r.pos(ce.Pos), End: r.pos(ce.End), NewText: ce.NewText})
				}
				d.SuggestedFixes = append(d.SuggestedFixes, f)
			}
			act.Diagnostics = append(act.Diagnostics, d)
		}
		actions[ca.Name] = act
	}
	return actions, r.ok
}

func (r *replayer) eachPos(e *entry, f func(cachedPos)) {
	for _, ca := range e.Actions {
		for _, cd := range ca.Diagnostics {
			f(cd.Pos)
			f(cd.End)
			for _, rel := range cd.Related {
				f(rel.Pos)
				f(rel.End)
			}
		}
	}
}

func (r *replayer) pos(cp cachedPos) token.Pos {
	if !cp.Valid || !r.ok {
		return token.NoPos
	}
	var p token.Pos
	if cp.Own {
		tf := r.ownFile(cp.File)
		if tf == nil || cp.Offset > tf.Size() {
			r.ok = false
			return token.NoPos
		}
		p = tf.Pos(cp.Offset)
	} else {
		tf := r.other[cp.File]
		p = tf.Pos((cp.Line-1)*r.width[cp.File] + cp.Column - 1)
	}
	if got := r.fset.Position(p); got.Filename != cp.File || got.Line != cp.Line || got.Column != cp.Column {
		r.ok = false
		return token.NoPos
	}
	return p
}

// ownFile adds one of the unit's files to the file set, with the lines
// of its content.
func (r *replayer) ownFile(name string) *token.File {
	if tf, ok := r.own[name]; ok {
		return tf
	}
	data, err := os.ReadFile(name)
	var tf *token.File
	if err == nil {
		tf = r.fset.AddFile(name, -1, len(data))
		tf.SetLinesForContent(data)
	}
	r.own[name] = tf
	return tf
}
