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

// FileDirectivePrefix starts a suppression comment for a whole file,
// anywhere in it:
//
//	//tokenlint:file-ignore secretlog this file is a debugging tool
const FileDirectivePrefix = "//tokenlint:file-ignore"

// Names are the analyzers a directive may name (the analyzers package
// checks that they are its analyzers).
var Names = []string{"staticcreds", "envoverride", "singletonclient", "secretlog"}

// A Directive is one parsed suppression comment.
type Directive struct {
	Pos       token.Pos
	Line      int
	File      bool // file-ignore: the whole file
	Analyzers []string
	Reason    string
}

func (d Directive) prefix() string {
	if d.File {
		return FileDirectivePrefix
	}
	return DirectivePrefix
}

// Reporter reports an analyzer's diagnostics, dropping those in generated
// or vendored files and those suppressed by a directive.
type Reporter struct {
	pass *analysis.Pass
	// per file name: line directives by line, and all directives
	directives map[string]map[int][]Directive
	all        map[string][]Directive
	skip       map[string]bool // generated or vendored files
	used       map[token.Pos]bool
}

// NewReporter prepares a reporter for pass.
func NewReporter(pass *analysis.Pass) *Reporter {
	r := &Reporter{
		pass:       pass,
		directives: make(map[string]map[int][]Directive),
		all:        make(map[string][]Directive),
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
			r.all[name] = append(r.all[name], d)
			if d.File {
				continue
			}
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

// ParseDirectives returns the suppression directives of a file, line and
// file directives, in the order of the file.
func ParseDirectives(fset *token.FileSet, f *ast.File) []Directive {
	var out []Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			d := Directive{Pos: c.Pos(), Line: fset.Position(c.Pos()).Line}
			rest, ok := strings.CutPrefix(c.Text, DirectivePrefix)
			if !ok {
				rest, ok = strings.CutPrefix(c.Text, FileDirectivePrefix)
				d.File = true
			}
			if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
				continue
			}
			fields := strings.Fields(rest)
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
	return slices.Contains(d.Analyzers, analyzer)
}

// unknown returns the names in d that are no analyzer's, each with the
// analyzer that reports it: the nearest by edit distance (a typo of
// staticcreds is staticcreds' to report), so that one analyzer, not
// every one, reports it. A directive that names nothing is the first
// analyzer's.
func (d Directive) unknown() map[string]string {
	out := make(map[string]string)
	if len(d.Analyzers) == 0 {
		out[""] = Names[0]
	}
	for _, a := range d.Analyzers {
		if !slices.Contains(Names, a) {
			out[a] = nearest(a)
		}
	}
	return out
}

// nearest returns the analyzer name closest to s (the first on a tie).
func nearest(s string) string {
	best, dist := Names[0], -1
	for _, n := range Names {
		if d := levenshtein(s, n); dist < 0 || d < dist {
			best, dist = n, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// Finish reports the directives naming this analyzer that are wrong: one
// without a reason (it suppresses nothing), and, if reportUnused is set,
// one that suppressed no finding (stale, or on the wrong line); and the
// names in any directive that are no analyzer's, when this analyzer is
// the nearest name (see unknown).
func (r *Reporter) Finish(reportUnused bool) {
	name := r.pass.Analyzer.Name
	var files []string
	for f := range r.all {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		for _, d := range r.all[f] {
			names := strings.Join(d.Analyzers, ",")
			unknown := d.unknown()
			var mine []string
			for u, reporter := range unknown {
				if reporter == name {
					mine = append(mine, u)
				}
			}
			slices.Sort(mine)
			for _, u := range mine {
				msg := fmt.Sprintf("%s names no analyzer: want %s NAME[,NAME] <why>, NAME one of %s", d.prefix(), d.prefix(), strings.Join(Names, ", "))
				if u != "" {
					msg = fmt.Sprintf("%s %s: no analyzer is named %q (did you mean %s?); it suppresses nothing for that name. Analyzers: %s",
						d.prefix(), names, u, nearest(u), strings.Join(Names, ", "))
				}
				r.pass.Report(analysis.Diagnostic{Pos: d.Pos, Category: "directive", Message: msg})
			}
			if !d.names(name) {
				continue
			}
			where := "on this line or the next"
			if d.File {
				where = "in this file"
			}
			switch {
			case d.Reason == "":
				r.pass.Report(analysis.Diagnostic{
					Pos: d.Pos, Category: "directive",
					Message: fmt.Sprintf("%s %s needs a reason after the analyzer names (%s %s <why>); without one it suppresses nothing",
						d.prefix(), names, d.prefix(), names),
				})
			case reportUnused && !r.used[d.Pos]:
				r.pass.Report(analysis.Diagnostic{
					Pos: d.Pos, Category: "directive",
					Message: fmt.Sprintf("%s %s suppresses nothing: no %s finding %s; remove it",
						d.prefix(), names, name, where),
				})
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
// reason, stands on the line of posn or on the line above, or is a
// file-ignore directive of its file.
func (r *Reporter) Suppressed(posn token.Position) bool {
	for _, d := range r.all[posn.Filename] {
		if d.File && d.Reason != "" && d.names(r.pass.Analyzer.Name) {
			r.used[d.Pos] = true
			return true
		}
	}
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
		"report "+DirectivePrefix+" and "+FileDirectivePrefix+" directives naming "+a.Name+" that suppress no finding")
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
