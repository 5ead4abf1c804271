// Package engine is tokenlint's shared provenance engine: one helper
// analyzer that builds SSA for the packages that can matter, tracks where
// credential values come from, summarises functions as facts for the
// packages that import them, and hands every analyzer the constructions it
// found, with the provenance of their inputs.
//
// The analyzers (staticcreds, envoverride, singletonclient) require
// Analyzer and only decide what to report; the rules themselves are data
// in package catalog.
package engine

import (
	"fmt"
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// Analyzer computes the provenance of credential values in a package.
// It has no diagnostics of its own; its Result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name: "tokenlint_engine",
	Doc:  "compute the provenance of AWS credential values (shared by the tokenlint analyzers)",
	URL:  "https://github.com/tokenlint/tokenlint",
	Run:  run,
	// Facts: "this package can carry AWS credentials" and per-function
	// summaries ("result N carries temporary credentials", "parameter N
	// is frozen into a static provider").
	FactTypes:  []analysis.Fact{new(relevantFact), new(FuncSummary), new(HeapFact), new(ForeignStores), new(TrailTable)},
	ResultType: reflect.TypeFor[*Result](),
}

// A Kind classifies a finding.
type Kind int

const (
	// StaticProvider: a static provider constructed from temporary credentials.
	StaticProvider Kind = iota + 1
	// CapturedProviderFunc: an aws.CredentialsProviderFunc that returns
	// temporary credentials it captured once.
	CapturedProviderFunc
	// EnvSet: credentials written to the process environment.
	EnvSet
	// EnvChild: credentials in a child process's environment.
	EnvChild
	// DiskWrite: a session token written to disk.
	DiskWrite
	// Singleton: a client whose credentials cannot refresh, held in
	// package-level state or a sync.OnceValue.
	Singleton
	// CachedForever: a provider type's Retrieve that keeps the first
	// credentials it fetched and returns them forever.
	CachedForever
	// SecretLog: a secret access key or session token written to a log
	// or the console.
	SecretLog
)

// isEnv reports whether the kind persists credentials (envoverride).
func (k Kind) isEnv() bool { return k == EnvSet || k == EnvChild || k == DiskWrite }

// A Finding is a construction whose inputs carry temporary credentials.
type Finding struct {
	Kind     Kind
	Pos, End token.Pos
	// Sink names the construction as the user wrote it,
	// e.g. "credentials.NewStaticCredentialsProvider".
	Sink string
	// Name is the environment variable or credential key written, for
	// envoverride findings ("AWS_SESSION_TOKEN"); "" when unknown.
	Name string
	// Via names the helper function that performs the construction when
	// the finding is reported at a call of that helper; "" otherwise.
	Via string
	// Source says where the temporary credentials came from.
	Source catalog.Source
	// Frozen describes the provider that cannot refresh, and Client the
	// client type that holds it (singletonclient).
	Frozen, Client string
	// UserClient is set when Client is a client type the user declared
	// (singletonclient reports those whatever its -services flag says).
	UserClient bool
	// Trail is where the credentials came from and how they got here:
	// the source first, then each hop (a helper's return, a store into a
	// field, the construction of a frozen provider), in order.
	Trail []Hop
	// Secret is the secret parts a SecretLog finding logs
	// (catalog.PartSecret, PartToken).
	Secret uint8
	// Export is set for a SecretLog finding whose print goes to standard
	// output in a form meant for another program: export lines, KEY=value
	// lines, credential_process JSON (an intentional export, see
	// exports.go).
	Export bool
	// OneShot is set for a StaticProvider finding at the construction
	// whose provider, and every config and client built from it, is used
	// only by calls in the function that built it; Escape says how it
	// outlives that function otherwise ("returned", "stored in the field
	// creds", ...), "" when unknown (lifetime.go).
	OneShot bool
	Escape  string
	// Fixes are the rewrites that replace the frozen construction with a
	// refreshing provider, where that is mechanical and compiles.
	Fixes []analysis.SuggestedFix
	// tokenTrail says Trail is the session token's own (lattice.go): of
	// two hits at one construction, the token's trail is reported.
	tokenTrail bool
}

// Result is the engine's result for one package.
type Result struct {
	// Analyzed reports whether the package was analysed at all: false for
	// the standard library, the SDK, and packages that import neither.
	Analyzed bool
	// Foreign is set for the standard library and the SDK: code that is
	// never reported on.
	Foreign bool
	// Findings in position order.
	Findings []Finding
	// Err is set if the engine failed on this package (an internal
	// error); the analyzers return it as theirs.
	Err error
}

func run(pass *analysis.Pass) (res any, err error) {
	result := &Result{}
	var a *analysisState
	defer func() {
		if r := recover(); r != nil {
			// Never crash the driver: the analyzers report this as their
			// error for this package, and the other packages go on.
			where := ""
			if a != nil && a.current != nil {
				where = fmt.Sprintf(", function %s at %s", a.current.Name(), pass.Fset.Position(a.current.Pos()))
			}
			result.Findings = nil
			result.Err = fmt.Errorf("internal error in the tokenlint engine analysing package %s%s: %v (please report it)", pass.Pkg.Path(), where, r)
			res, err = result, nil
		}
	}()
	path := pass.Pkg.Path()
	if catalog.IsSDK(path) {
		// The SDK carries credentials, so its importers are relevant,
		// but its own code is never analysed.
		pass.ExportPackageFact(new(relevantFact))
		result.Foreign = true
		return result, nil
	}
	if isStandard(pass) {
		result.Foreign = true
		return result, nil
	}
	if !(importsRelevant(pass) || catalogOf(pass).Mentions(path) || MentionsTokenName(pass.Files)) {
		return result, nil
	}
	pass.ExportPackageFact(new(relevantFact))
	result.Analyzed = true

	a = newAnalysis(pass)
	a.solve()
	result.Findings = a.findings()
	a.exportFacts()
	return result, nil
}
