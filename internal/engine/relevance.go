package engine

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// isStandard reports whether pass is analysing a standard-library package.
// Drivers give std packages no module; the first path element of a std
// package has no dot.
func isStandard(pass *analysis.Pass) bool {
	if pass.Module != nil && pass.Module.Path != "" {
		return false
	}
	return catalog.IsStdPath(pass.Pkg.Path())
}

// importsRelevant reports whether the package imports an SDK package or a
// package that carries relevantFact.
func importsRelevant(pass *analysis.Pass) bool {
	cat := catalogOf(pass)
	for _, imp := range pass.Pkg.Imports() {
		if relevantImport(cat, imp.Path(), func() bool { return pass.ImportPackageFact(imp, new(relevantFact)) }) {
			return true
		}
	}
	return false
}

// relevantImport is the rule's test of one import: an SDK package, one
// the user's catalogue names, or one marked relevant (asked last).
func relevantImport(cat *catalog.Catalog, path string, marked func() bool) bool {
	return catalog.IsSDK(path) || cat.Mentions(path) || marked()
}

// MentionsTokenName reports whether a string literal of the files names a
// session-token variable or key ("AWS_SESSION_TOKEN", "aws_session_token"):
// a package that sets one is analysed even if it imports no SDK.
func MentionsTokenName(files []*ast.File) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && catalog.MentionsTokenName(lit.Value) {
				found = true
			}
			return true
		})
		if found {
			break
		}
	}
	return found
}

// A Node is a package in an import graph listed without type-checking.
type Node struct {
	ID, PkgPath string
	Standard    bool
	// Mentions is MentionsTokenName of the package's files.
	Mentions bool
	Imports  []string // IDs
}

// RelevantPackages is the standalone driver's version of the relevance
// rule that run applies with facts: it returns the IDs of the packages,
// neither standard nor SDK, that import an SDK package directly or
// through other such packages.
func RelevantPackages(nodes []Node) map[string]bool {
	cat := installedCatalog()
	relevant := reaches(nodes, func(n *Node) bool {
		return catalog.IsSDK(n.PkgPath) || cat.Mentions(n.PkgPath) || (n.Mentions && !n.Standard)
	})
	out := make(map[string]bool)
	for i := range nodes {
		n := &nodes[i]
		if !n.Standard && !catalog.IsSDK(n.PkgPath) && relevant(n) {
			out[n.ID] = true
		}
	}
	return out
}

// reaches returns a memoised test of whether a node is one that base
// accepts or imports one, directly or through packages that are not
// standard (the standard library imports nothing of the user's).
func reaches(nodes []Node, base func(n *Node) bool) func(n *Node) bool {
	byID := make(map[string]*Node, len(nodes))
	for i := range nodes {
		byID[nodes[i].ID] = &nodes[i]
	}
	memo := make(map[string]bool)
	var visit func(n *Node) bool
	visit = func(n *Node) bool {
		if ok, done := memo[n.ID]; done {
			return ok
		}
		memo[n.ID] = false // cycles (impossible in Go) end here
		ok := base(n)
		if !ok && !n.Standard {
			for _, id := range n.Imports {
				if m := byID[id]; m != nil && visit(m) {
					ok = true
					break
				}
			}
		}
		memo[n.ID] = ok
		return ok
	}
	return visit
}

// A Unit is a package as go vet describes it to its tool (a .cfg file),
// before anything is parsed or type-checked.
type Unit struct {
	Path string
	// Standard: the standard library's (go vet gives the tool no module).
	Standard bool
	// Mentions is MentionsTokenName of the files' raw text, which
	// contains every string literal of the files: a superset of what
	// run looks at.
	Mentions bool
	Imports  []UnitImport
}

// A UnitImport is a direct import of a Unit.
type UnitImport struct {
	Path string
	// HasFacts: the import's facts (its vetx file's facts section) are
	// not empty. A package run marks relevant always has a fact.
	HasFacts bool
}

// UnitExportsFacts is the rule that run applies with facts, decided for a
// go vet unit before type-checking it: false means that run would export
// no fact for the unit and that the unit's facts, once its imports'
// (all empty then) are re-encoded, are empty. go vet wants only facts
// from the units that are dependencies (VetxOnly), so for those the
// driver can skip the analysis and write the types alone
// (internal/vetunit).
//
// The standard library gets no facts from run. The SDK gets relevantFact,
// but no one reads it: importsRelevant tests an import's path with
// catalog.IsSDK before the fact, and namedTypes skips foreign packages
// (the standalone driver never analyses the SDK at all, so the two modes
// agree).
func UnitExportsFacts(u Unit) bool {
	cat := installedCatalog()
	if u.Standard || catalog.IsSDK(u.Path) {
		return false
	}
	if u.Mentions || cat.Mentions(u.Path) {
		return true
	}
	for _, imp := range u.Imports {
		if relevantImport(cat, imp.Path, func() bool { return imp.HasFacts }) {
			return true
		}
	}
	return false
}
