package main

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/driver"
)

// The standalone driver's text and JSON output (SARIF is in sarif.go).

// A finding is one diagnostic with its analyzer and resolved positions.
type finding struct {
	analyzer  *analysis.Analyzer
	diag      analysis.Diagnostic
	posn, end token.Position

	fingerprint string // see baseline.go
}

// sortFindings orders findings by file, line, column, analyzer, message.
func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i].posn, fs[j].posn
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if fs[i].analyzer.Name != fs[j].analyzer.Name {
			return fs[i].analyzer.Name < fs[j].analyzer.Name
		}
		return fs[i].diag.Message < fs[j].diag.Message
	})
}

// writeJSON prints go vet -json's tree: {package: {analyzer: [...]}}.
// As go vet, it names a package by its path: a package with tests is
// analysed as its test variant, and named as the package.
func writeJSON(w io.Writer, fset *token.FileSet, enabled []*analysis.Analyzer, result []*driver.Package) error {
	tree := make(map[string]map[string]any)
	for _, p := range result {
		for _, a := range enabled {
			act := p.Actions[a.Name]
			if act == nil {
				continue
			}
			if v := jsonEntry(fset, p, act); v != nil {
				if tree[p.PkgPath] == nil {
					tree[p.PkgPath] = make(map[string]any)
				}
				tree[p.PkgPath][a.Name] = v
			}
		}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// jsonEntry renders an action's result as go vet -json does.
func jsonEntry(fset *token.FileSet, p *driver.Package, act *driver.Action) any {
	if act.Err != nil {
		if ignorableErr(p) {
			return nil
		}
		return struct {
			Err string `json:"error"`
		}{act.Err.Error()}
	}
	if len(act.Diagnostics) == 0 {
		return nil
	}
	type related struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	type diagnostic struct {
		Category string    `json:"category,omitempty"`
		Posn     string    `json:"posn"`
		End      string    `json:"end"`
		Message  string    `json:"message"`
		Related  []related `json:"related,omitempty"`
	}
	var out []diagnostic
	for _, d := range act.Diagnostics {
		jd := diagnostic{Category: d.Category, Posn: fset.Position(d.Pos).String(), End: fset.Position(d.End).String(), Message: d.Message}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, related{fset.Position(r.Pos).String(), fset.Position(r.End).String(), r.Message})
		}
		out = append(out, jd)
	}
	return out
}

// writeText prints findings as go vet does: file:line:col: message, then
// the trail as go vet prints related information, with steps inside
// dependencies named module@version/file.
func writeText(w io.Writer, fset *token.FileSet, names fileNames, diags []finding) {
	for _, f := range diags {
		shown := f.posn
		shown.Filename = relative(f.posn.Filename)
		fmt.Fprintf(w, "%s: %s\n", shown, f.diag.Message)
		for _, r := range f.diag.Related {
			rp := fset.Position(r.Pos)
			rp.Filename = names.text(rp.Filename)
			fmt.Fprintf(w, "%s: \t%s\n", rp, r.Message)
		}
	}
}

// collect returns the findings of the reported packages, each once per
// position and rule whatever variants of a package carry it (a file of a
// package is in the package and in its test variant): the first found,
// where a plain package comes before the test variants, so a finding
// keeps the non-test variant's trail when the variants' trails differ.
func collect(fset *token.FileSet, enabled []*analysis.Analyzer, result []*driver.Package) []finding {
	pkgs := slices.Clone(result)
	slices.SortStableFunc(pkgs, func(a, b *driver.Package) int {
		if (a.ForTest == "") != (b.ForTest == "") {
			if a.ForTest == "" {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	var diags []finding
	seen := make(map[string]bool)
	for _, p := range pkgs {
		for _, a := range enabled {
			act := p.Actions[a.Name]
			if act == nil {
				continue
			}
			for _, d := range act.Diagnostics {
				f := finding{analyzer: a, diag: d, posn: fset.Position(d.Pos), end: fset.Position(d.End)}
				key := fmt.Sprintf("%s %s", f.posn, a.Name)
				if !seen[key] {
					seen[key] = true
					diags = append(diags, f)
				}
			}
		}
	}
	return diags
}
