package analysisutil

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// DirectivePrefix starts a suppression comment:
//
//	//tokenlint:ignore staticcreds,envoverride the reason, required
//
// on the finding's line or the line above.
const DirectivePrefix = "//tokenlint:ignore"

// A Directive is one parsed suppression comment.
type Directive struct {
	Pos       token.Pos
	Line      int
	Analyzers []string
	Reason    string
}

// Reporter reports an analyzer's diagnostics, dropping those in generated
// or vendored files and those suppressed by a directive.
type Reporter struct {
	pass *analysis.Pass
	// per file name: directives by line
	directives map[string]map[int][]Directive
	skip       map[string]bool // generated or vendored files
	used       map[token.Pos]bool
}

// NewReporter prepares a reporter for pass.
func NewReporter(pass *analysis.Pass) *Reporter {
	r := &Reporter{
		pass:       pass,
		directives: make(map[string]map[int][]Directive),
		skip:       make(map[string]bool),
		used:       make(map[token.Pos]bool),
	}
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		if ast.IsGenerated(f) || isVendored(name) {
			r.skip[name] = true
			continue
		}
		for _, d := range ParseDirectives(pass.Fset, f) {
			if r.directives[name] == nil {
				r.directives[name] = make(map[int][]Directive)
			}
			r.directives[name][d.Line] = append(r.directives[name][d.Line], d)
		}
	}
	return r
}

func isVendored(name string) bool {
	return strings.Contains(filepath.ToSlash(name), "/vendor/")
}

// ParseDirectives returns the suppression directives of a file.
func ParseDirectives(fset *token.FileSet, f *ast.File) []Directive {
	var out []Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			rest, ok := strings.CutPrefix(c.Text, DirectivePrefix)
			if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
				continue
			}
			fields := strings.Fields(rest)
			d := Directive{Pos: c.Pos(), Line: fset.Position(c.Pos()).Line}
			if len(fields) > 0 {
				d.Analyzers = strings.Split(fields[0], ",")
				d.Reason = strings.Join(fields[1:], " ")
			}
			out = append(out, d)
		}
	}
	return out
}

func (d Directive) names(analyzer string) bool {
	for _, a := range d.Analyzers {
		if a == analyzer {
			return true
		}
	}
	return false
}

// Finish reports the directives naming this analyzer that are wrong: one
// without a reason (it suppresses nothing), and, if reportUnused is set,
// one that suppressed no finding (stale, or on the wrong line).
func (r *Reporter) Finish(reportUnused bool) {
	name := r.pass.Analyzer.Name
	var files []string
	for f := range r.directives {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		lines := r.directives[f]
		var nums []int
		for n := range lines {
			nums = append(nums, n)
		}
		slices.Sort(nums)
		for _, n := range nums {
			for _, d := range lines[n] {
				if !d.names(name) {
					continue
				}
				switch {
				case d.Reason == "":
					r.pass.Report(analysis.Diagnostic{
						Pos: d.Pos, Category: "directive",
						Message: fmt.Sprintf("%s %s needs a reason after the analyzer names (%s %s <why>); without one it suppresses nothing",
							DirectivePrefix, strings.Join(d.Analyzers, ","), DirectivePrefix, strings.Join(d.Analyzers, ",")),
					})
				case reportUnused && !r.used[d.Pos]:
					r.pass.Report(analysis.Diagnostic{
						Pos: d.Pos, Category: "directive",
						Message: fmt.Sprintf("%s %s suppresses nothing: no %s finding on this line or the next; remove it",
							DirectivePrefix, strings.Join(d.Analyzers, ","), name),
					})
				}
			}
		}
	}
}

// Report reports d unless it is suppressed or in a file tokenlint skips.
func (r *Reporter) Report(d analysis.Diagnostic) {
	posn := r.pass.Fset.Position(d.Pos)
	if r.skip[posn.Filename] || r.Suppressed(posn) {
		return
	}
	r.pass.Report(d)
}

// Suppressed reports whether a directive naming this analyzer, with a
// reason, stands on the line of posn or on the line above.
func (r *Reporter) Suppressed(posn token.Position) bool {
	lines := r.directives[posn.Filename]
	for _, line := range []int{posn.Line, posn.Line - 1} {
		for _, d := range lines[line] {
			if d.Reason == "" {
				continue // a directive must say why
			}
			if d.names(r.pass.Analyzer.Name) {
				r.used[d.Pos] = true
				return true
			}
		}
	}
	return false
}

// UnusedDirectivesFlag registers an analyzer's switch for reporting
// directives that suppress nothing, on by default.
func UnusedDirectivesFlag(a *analysis.Analyzer, v *bool) {
	a.Flags.BoolVar(v, "unused-directives", true,
		"report "+DirectivePrefix+" directives naming "+a.Name+" that suppress no finding")
}

// Guard wraps an analyzer's Run so that a panic becomes an error naming
// the analyzer and the package: drivers then report it and go on with the
// other packages, instead of crashing with a stack trace.
func Guard(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				res, err = nil, fmt.Errorf("internal error in %s analysing package %s: %v (please report it)", pass.Analyzer.Name, pass.Pkg.Path(), r)
			}
		}()
		return run(pass)
	}
}
