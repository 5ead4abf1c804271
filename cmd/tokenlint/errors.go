package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// How load, type and analyzer errors reach the user.

// packageErrors returns a package's errors; when type-checking explains
// the failure, only those (the build's own report of them says the same).
func packageErrors(p *packages.Package) []packages.Error {
	var typeErrs []packages.Error
	for _, e := range p.Errors {
		if e.Kind == packages.TypeError {
			typeErrs = append(typeErrs, e)
		}
	}
	if len(typeErrs) > 0 {
		return typeErrs
	}
	return p.Errors
}

// formatError renders a package's load or type error as a compiler
// would: position first when there is one, else the package.
func formatError(p *packages.Package, e packages.Error) string {
	if e.Pos != "" && e.Pos != "-" {
		return relative(strings.TrimSuffix(e.Pos, ":")) + ": " + e.Msg
	}
	return p.PkgPath + ": " + e.Msg
}

// relative shortens a file name to a path relative to the working
// directory when that is shorter, as go vet prints them.
func relative(name string) string {
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

// ignorableErr reports whether an action failed only because its package
// had errors, which are already reported.
func ignorableErr(act *checker.Action) bool {
	return len(act.Package.Errors) > 0 || act.Package.IllTyped
}

// loadError renders an error of packages.Load as the go command's own
// message: go/packages wraps a failed "go list" as
// "err: exit status 1: stderr: go: <message>", which says nothing more
// to the user than "<message>" does.
func loadError(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "err: "); ok {
		if _, stderr, ok := strings.Cut(rest, "stderr: "); ok {
			msg = stderr
		}
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		lines = append(lines, strings.TrimPrefix(strings.TrimRight(l, " \t\r"), "go: "))
	}
	return strings.Join(lines, "\n")
}

// brokenImports returns the errors of p's imports that come from export
// data rather than from source, once each (seen): a dependency that
// does not compile leaves p ill-typed, and its own error says why, where
// the analyzers would only say that their prerequisites failed.
func brokenImports(p *packages.Package, fromSource map[string]*packages.Package, seen map[string]bool) []string {
	var out []string
	for _, imp := range p.Imports {
		if _, ok := fromSource[imp.ID]; ok {
			continue
		}
		for _, e := range packageErrors(imp) {
			msg := formatError(imp, e)
			if !seen[msg] {
				seen[msg] = true
				out = append(out, msg)
			}
		}
	}
	slices.Sort(out)
	return out
}
