package engine

import (
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// Conditional relevance: a package that neither reaches an SDK (or a
// package the user's catalogue names) through its imports nor mentions a
// session-token name is relevant only because it imports a package that
// mentions one (golang.org/x/oauth2/google/externalaccount reads
// AWS_SESSION_TOKEN to sign a GCP request; every Google API client
// imports it). Such a package holds no SDK type, calls no source, names
// no token variable: credentials can reach it only through what its
// dependencies' facts say they produce (origins: a source, a frozen
// provider, a secret, a named variable written). When none of its
// dependencies' facts has one, it can carry nothing of its own, as a
// package that imports nothing relevant cannot, and the driver skips it;
// a package that needs it is one that reaches the SDK or mentions a token
// name itself, and is analysed whatever its dependencies carry.

// ConditionalPackages returns the IDs of the relevant packages that are
// relevant only through packages that mention a token name: neither
// mentioning one themselves nor reaching an SDK package or one the
// user's catalogue names through their imports.
func ConditionalPackages(nodes []Node, relevant map[string]bool) map[string]bool {
	cat := installedCatalog()
	anchored := reaches(nodes, func(n *Node) bool { return catalog.IsSDK(n.PkgPath) || cat.Mentions(n.PkgPath) })
	out := make(map[string]bool)
	for i := range nodes {
		if n := &nodes[i]; relevant[n.ID] && !n.Mentions && !anchored(n) {
			out[n.ID] = true
		}
	}
	return out
}

// HasOrigin reports whether a fact says that its object produces
// credentials or acts on them whatever their origin: anything but the
// conduits (a result or store from parameters, a parameter to an
// unnamed sink). A fact of a type this package does not know counts as
// one.
func HasOrigin(fact analysis.Fact) bool {
	switch fact := fact.(type) {
	case *relevantFact, *TrailTable:
		return false
	case *FuncSummary:
		if fact.Fetches || fact.CachesForever {
			return true
		}
		for _, s := range fact.Sinks {
			if s.Name != "" || s.NameParam != 0 || s.Client != "" {
				return true
			}
		}
	case *HeapFact, *ForeignStores:
	default:
		return true
	}
	found := false
	taintSummaries(fact, func(ts *TaintSummary) { found = found || ts.origin() })
	return found
}

// origin: the summary says the value is or holds credentials of its own,
// not only what the caller's arguments carry.
func (t *TaintSummary) origin() bool {
	return t.Source != "" || t.Entry != "" || t.Frozen != "" || t.Client != "" || t.Secret != 0 ||
		len(t.FrozenIf) > 0 || len(t.FrozenSrcIf) > 0 || len(t.EntryIf) > 0 || len(t.Funcs) > 0
}

// ExportsTokenName reports whether the package exports a string constant
// that names a session-token variable or key: an importer that writes
// under it names the variable without a literal of its own.
func ExportsTokenName(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if ok && c.Exported() && c.Val().Kind() == constant.String && catalog.MentionsTokenName(constant.StringVal(c.Val())) {
			return true
		}
	}
	return false
}
