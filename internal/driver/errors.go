package driver

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Which load and type errors reach the user, and how they are worded.
//
// go list -export reports a package that does not compile as a list
// error whose message is the compiler's output ("# path\n..."). Such an
// error matters only where an analysed package needs the package's
// types: for a package analysed from source, the driver's own type
// errors say the same, position first; for a package that cannot carry
// AWS credentials it is left to the compiler (README: type errors).

// An errorList keeps errors once each, in the order found.
type errorList struct {
	list []string
	seen map[string]bool
}

func newErrorList() *errorList { return &errorList{seen: make(map[string]bool)} }

func (l *errorList) add(msg string) {
	if !l.seen[msg] {
		l.seen[msg] = true
		l.list = append(l.list, msg)
	}
}

// isBuildError reports whether e is the compiler's report of a package
// that does not compile, as go list -export gives it.
func isBuildError(e packages.Error) bool {
	return e.Kind == packages.ListError && (e.Pos == "" || e.Pos == "-") && strings.HasPrefix(e.Msg, "# ")
}

// listErrors adds the errors of the packages asked for (a missing
// package, a bad pattern) and, once each, the list errors of their
// dependencies (a missing go.sum entry, a module that cannot be
// downloaded), which explain their importers' failures.
func (g *graph) listErrors(errs *errorList) {
	for _, p := range g.roots {
		for _, e := range p.Errors {
			if !isBuildError(e) {
				errs.add(formatError(p, e))
			}
		}
	}
	packages.Visit(g.roots, nil, func(p *packages.Package) {
		if slices.Contains(g.roots, p) {
			return
		}
		for _, e := range p.Errors {
			if e.Kind == packages.ListError && !isBuildError(e) {
				errs.add(formatError(p, e))
			}
		}
	})
}

// importErrors returns the errors of the imports of p that left it
// without their types: imports with no export data.
func importErrors(p *packages.Package) []string {
	var out []string
	for _, imp := range p.Imports {
		if imp.ExportFile != "" {
			continue
		}
		for _, e := range imp.Errors {
			if isBuildError(e) {
				// The compiler's lines, without its "# path" header.
				_, body, _ := strings.Cut(e.Msg, "\n")
				for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
					out = append(out, Relative(l))
				}
				continue
			}
			out = append(out, formatError(imp, e))
		}
	}
	slices.Sort(out)
	return out
}

// formatError renders a package's load or type error as a compiler
// would: position first when there is one, else the package.
func formatError(p *packages.Package, e packages.Error) string {
	if e.Pos != "" && e.Pos != "-" {
		return Relative(strings.TrimSuffix(e.Pos, ":")) + ": " + e.Msg
	}
	return p.PkgPath + ": " + e.Msg
}

// Relative shortens a file name to a path relative to the working
// directory when that is shorter, as go vet prints them.
func Relative(name string) string {
	wd, err := os.Getwd()
	if err != nil {
		return name
	}
	rel, err := filepath.Rel(wd, name)
	if err != nil || len(rel) >= len(name) {
		return name
	}
	return rel
}
