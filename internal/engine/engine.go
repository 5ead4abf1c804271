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
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

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
	FactTypes:  []analysis.Fact{new(relevantFact), new(FuncSummary)},
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

// relevantFact marks a package that can carry AWS credentials: an SDK
// package, or a package that imports one (directly or through packages
// with this fact). Packages without it cost nothing.
type relevantFact struct{}

func (*relevantFact) AFact()         {}
func (*relevantFact) String() string { return "awsRelevant" }

// FuncSummary summarises a function for its callers in other packages.
// Parameter indices follow go/ssa: the receiver, if any, is parameter 0.
type FuncSummary struct {
	Results []ResultSummary
	Sinks   []ParamSink
	// Writes are what the function stores through its pointer
	// parameters (fill(&s, out)), by parameter and field path.
	Writes []ParamWrite
	// WriterSinks are disk writes to a writer parameter: findings where
	// a caller passes a file.
	WriterSinks []WriterSink
}

// A WriterSink says that the function writes data (of the summarised
// taint) to its writer parameter with the named API.
type WriterSink struct {
	Writer int
	Sink   string
	TaintSummary
}

// A ParamWrite says what a function stores at a path below what its
// pointer parameter points to.
type ParamWrite struct {
	Param int
	Path  string
	TaintSummary
}

// A TaintSummary says what a result (or a field of it) carries, for
// callers in other packages.
type TaintSummary struct {
	// Source is set when the value carries temporary credentials from
	// a source inside the function (or its callees).
	Source catalog.Source
	// Parts are the parts of the credentials (catalog.PartKeyID, ...)
	// the value carries from Source.
	Parts uint8
	// Entry names the credential variable or key the value puts a
	// value under ("AWS_SESSION_TOKEN=..."), if any.
	Entry string
	// Frozen and Client describe a provider that cannot refresh and a
	// client type the value is or holds.
	Frozen, Client string
	// FrozenIf lists the parameters that make the value a frozen
	// provider when the caller's argument is not provably empty.
	FrozenIf []int
	// FrozenSrcIf lists the parameters that make the value a frozen
	// provider when the caller's argument carries temporary credentials.
	FrozenSrcIf []int
	// Params lists the parameters whose values flow to the value.
	Params []int
}

func (t *TaintSummary) empty() bool {
	return t.Source.Label == "" && t.Entry == "" && t.Frozen == "" && t.Client == "" && len(t.FrozenIf) == 0 && len(t.FrozenSrcIf) == 0 && len(t.Params) == 0
}

func (t *TaintSummary) describe(what string) []string {
	var parts []string
	if t.Source.Label != "" {
		parts = append(parts, fmt.Sprintf("%s from %s", what, t.Source.Label))
	}
	if len(t.Params) > 0 {
		parts = append(parts, fmt.Sprintf("%s from params %v", what, t.Params))
	}
	if t.Entry != "" {
		parts = append(parts, fmt.Sprintf("%s entry %s", what, t.Entry))
	}
	if t.Client != "" || t.Frozen != "" {
		parts = append(parts, fmt.Sprintf("%s client %q frozen %q", what, t.Client, t.Frozen))
	}
	if len(t.FrozenIf) > 0 {
		parts = append(parts, fmt.Sprintf("%s frozen if params %v", what, t.FrozenIf))
	}
	if len(t.FrozenSrcIf) > 0 {
		parts = append(parts, fmt.Sprintf("%s frozen from params %v", what, t.FrozenSrcIf))
	}
	return parts
}

// ResultSummary says what result N of a function carries: as a whole,
// and, for a struct built in the function, field by field.
type ResultSummary struct {
	TaintSummary
	Fields []FieldSummary
}

// FieldSummary says what one field of a struct result carries.
type FieldSummary struct {
	Field int
	TaintSummary
}

// ParamSink records that a parameter is frozen into a static provider.
type ParamSink struct {
	Param int
	Kind  Kind
	Sink  string
	Name  string
	Via   string
	// Client and IfSource (singletonclient): the client type stored, and
	// whether the parameter makes it frozen by carrying temporary
	// credentials (rather than by being a frozen client or config).
	Client   string
	IfSource bool
}

func (*FuncSummary) AFact() {}

func (s *FuncSummary) String() string {
	var parts []string
	for i, r := range s.Results {
		parts = append(parts, r.describe(fmt.Sprintf("result %d", i))...)
		for _, f := range r.Fields {
			parts = append(parts, f.describe(fmt.Sprintf("result %d field %d", i, f.Field))...)
		}
	}
	for _, w := range s.WriterSinks {
		parts = append(parts, w.describe(fmt.Sprintf("%s to param %d", w.Sink, w.Writer))...)
	}
	for _, w := range s.Writes {
		parts = append(parts, w.describe(fmt.Sprintf("param %d%s written", w.Param, w.Path))...)
	}
	for _, p := range s.Sinks {
		if p.Name != "" {
			parts = append(parts, fmt.Sprintf("param %d to %s %s", p.Param, p.Sink, p.Name))
		} else {
			parts = append(parts, fmt.Sprintf("param %d to %s", p.Param, p.Sink))
		}
	}
	return "summary(" + strings.Join(parts, "; ") + ")"
}

func (s *FuncSummary) empty() bool {
	if len(s.Sinks) > 0 || len(s.Writes) > 0 || len(s.WriterSinks) > 0 {
		return false
	}
	for _, r := range s.Results {
		if !r.TaintSummary.empty() || len(r.Fields) > 0 {
			return false
		}
	}
	return true
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
	if !(importsRelevant(pass) || MentionsTokenName(pass.Files)) {
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
	for _, imp := range pass.Pkg.Imports() {
		if catalog.IsSDK(imp.Path()) || pass.ImportPackageFact(imp, new(relevantFact)) {
			return true
		}
	}
	return false
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
		ok := false
		if catalog.IsSDK(n.PkgPath) || (n.Mentions && !n.Standard) {
			ok = true
		} else if !n.Standard {
			for _, id := range n.Imports {
				if m := byID[id]; m != nil && visit(m) {
					ok = true
				}
			}
		}
		memo[n.ID] = ok
		return ok
	}
	out := make(map[string]bool)
	for i := range nodes {
		n := &nodes[i]
		if !n.Standard && !catalog.IsSDK(n.PkgPath) && visit(n) {
			out[n.ID] = true
		}
	}
	return out
}

// buildSSA builds SSA for the package alone, as buildssa does, but only
// for packages that can matter: buildssa as a requirement would build SSA
// for every dependency, the standard library included.
func buildSSA(pass *analysis.Pass) *ssa.Package {
	prog := ssa.NewProgram(pass.Fset, 0)
	created := make(map[*types.Package]bool)
	var createAll func(pkgs []*types.Package)
	createAll = func(pkgs []*types.Package) {
		for _, p := range pkgs {
			if !created[p] {
				created[p] = true
				prog.CreatePackage(p, nil, nil, true)
				createAll(p.Imports())
			}
		}
	}
	createAll(pass.Pkg.Imports())
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	return pkg
}

// srcFuncs returns the package's functions in source order: declared
// functions and methods, the package initializer, and all their closures.
func srcFuncs(pass *analysis.Pass, pkg *ssa.Package) []*ssa.Function {
	var out []*ssa.Function
	seen := make(map[*ssa.Function]bool)
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || seen[fn] {
			return
		}
		seen[fn] = true
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	if init, ok := pkg.Members["init"].(*ssa.Function); ok {
		add(init)
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			add(pkg.Prog.FuncValue(obj))
		}
	}
	// init#1, init#2, ...: the user's init functions.
	var inits []string
	for name, m := range pkg.Members {
		if _, ok := m.(*ssa.Function); ok && strings.HasPrefix(name, "init#") {
			inits = append(inits, name)
		}
	}
	slices.Sort(inits)
	for _, name := range inits {
		add(pkg.Members[name].(*ssa.Function))
	}
	return out
}
