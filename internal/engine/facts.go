package engine

import (
	"fmt"
	"go/types"
	"strings"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"golang.org/x/tools/go/analysis"
)

// relevantFact marks a package that can carry AWS credentials: an SDK
// package, or a package that imports one (directly or through packages
// with this fact). Packages without it cost nothing.
type relevantFact struct{}

func (*relevantFact) AFact() {}

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
	// Fetches is set when the function asks for credentials (calls a
	// source, or a function that does): a provider whose Retrieve
	// fetches is not one that returns what it was built with.
	Fetches bool
	// CachesForever is set on a Retrieve method that keeps its first
	// answer in its receiver and returns it forever.
	CachesForever bool
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
	// (by its key: catalog.SourceByKey has the rest).
	Source string
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
	// ParamPaths lists the fields of parameters whose values flow to the
	// value when the parameter itself does not (a getter), each as the
	// parameter's index and the path: "0.profile" (see ParamPath.String;
	// strings keep the facts small).
	ParamPaths []string
	// Calls lists the (func-typed) parameters whose results the value is.
	Calls []int
	// EntryIf lists the parameters that name, at the caller, the
	// credential variable or key the value puts a value under.
	EntryIf []int
	// Trail is where Source came from, for messages: the source and the
	// hops between, as an index (from 1) into the TrailTable of the
	// package that exports the fact. trail is the same within the package
	// being analysed.
	Trail int
	trail *trail
	// TokenTrail says that Trail is the session token's own: the
	// session token took those steps (the other parts may have taken
	// others), so a finding about the token shows them (lattice.go).
	TokenTrail bool
	// FrozenTrail is where Frozen was made, likewise.
	FrozenTrail int
	frozenAt    *trail
	// from is the package whose TrailTable Trail indexes (set on import).
	from *types.Package
	// Funcs are the named functions and methods a value of func type may
	// be (a method value: the method, without its receiver).
	Funcs []FuncRef
	// Secret and SecretFrom: the secret parts the value is by what it was
	// read from, and its name (secretlog).
	Secret     uint8
	SecretFrom string
}

// A FuncRef names a function (Recv "") or a method of a package.
type FuncRef struct {
	Pkg, Recv, Name string
}

func (f FuncRef) String() string {
	if f.Recv != "" {
		return f.Pkg + "." + f.Recv + "." + f.Name
	}
	return f.Pkg + "." + f.Name
}

func (t *TaintSummary) empty() bool {
	return t.Source == "" && t.Entry == "" && t.Frozen == "" && t.Client == "" && len(t.FrozenIf) == 0 &&
		len(t.FrozenSrcIf) == 0 && len(t.Params) == 0 && len(t.ParamPaths) == 0 && len(t.Calls) == 0 && len(t.EntryIf) == 0 && len(t.Funcs) == 0 && t.Secret == 0
}

func (t *TaintSummary) describe(what string) []string {
	var parts []string
	if t.Source != "" {
		parts = append(parts, fmt.Sprintf("%s from %s", what, catalog.SourceByKey(t.Source).Label))
	}
	if len(t.Params) > 0 {
		parts = append(parts, fmt.Sprintf("%s from params %v", what, t.Params))
	}
	if len(t.ParamPaths) > 0 {
		parts = append(parts, fmt.Sprintf("%s from param fields %v", what, t.ParamPaths))
	}
	if len(t.Calls) > 0 {
		parts = append(parts, fmt.Sprintf("%s from calling params %v", what, t.Calls))
	}
	if len(t.EntryIf) > 0 {
		parts = append(parts, fmt.Sprintf("%s entry named by params %v", what, t.EntryIf))
	}
	for _, f := range t.Funcs {
		parts = append(parts, fmt.Sprintf("%s func %s", what, f))
	}
	if t.Secret != 0 {
		parts = append(parts, fmt.Sprintf("%s secret %s", what, t.SecretFrom))
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

// FieldSummary says what one field of a struct result (or of what a
// pointer result points to) carries, by path (".Token", ".Inner.Key").
type FieldSummary struct {
	Path string
	TaintSummary
}

// ParamSink records that a parameter is frozen into a static provider.
type ParamSink struct {
	Param int
	// Path, if set, is the field path below the parameter that reaches
	// the sink (".log" for a logger read from the receiver): the caller's
	// argument counts at that path, not as a whole (parampaths.go).
	Path string
	// Call is set when the construction is reached by what calling the
	// (func-typed) parameter returns.
	Call bool
	Kind Kind
	Sink string
	Name string
	Via  string
	// NameParam, if not 0, is 1 + the parameter whose (constant) value at
	// the caller names the variable set (func setEnv(k, v string)).
	NameParam int
	// Client and IfSource (singletonclient): the client type stored, and
	// whether the parameter makes it frozen by carrying temporary
	// credentials (rather than by being a frozen client or config).
	Client   string
	IfSource bool
	// Export (secretlog): the parameter is printed to standard output in
	// a form meant for another program.
	Export bool
	// OneShot and Escape (staticcreds): the lifetime of the provider the
	// function builds from the parameter (engine.Finding's).
	OneShot bool
	Escape  string
}

func (*FuncSummary) AFact() {}

func (s *FuncSummary) String() string {
	var parts []string
	for i, r := range s.Results {
		parts = append(parts, r.describe(fmt.Sprintf("result %d", i))...)
		for _, f := range r.Fields {
			parts = append(parts, f.describe(fmt.Sprintf("result %d field %s", i, f.Path))...)
		}
	}
	for _, w := range s.WriterSinks {
		parts = append(parts, w.describe(fmt.Sprintf("%s to param %d", w.Sink, w.Writer))...)
	}
	for _, w := range s.Writes {
		parts = append(parts, w.describe(fmt.Sprintf("param %d%s written", w.Param, w.Path))...)
	}
	for _, p := range s.Sinks {
		if p.Call {
			parts = append(parts, fmt.Sprintf("result of calling param %d to %s", p.Param, p.Sink))
		} else if p.Name != "" {
			parts = append(parts, fmt.Sprintf("param %d%s to %s %s", p.Param, p.Path, p.Sink, p.Name))
		} else {
			parts = append(parts, fmt.Sprintf("param %d%s to %s", p.Param, p.Path, p.Sink))
		}
	}
	if s.Fetches {
		parts = append(parts, "fetches")
	}
	if s.CachesForever {
		parts = append(parts, "caches forever")
	}
	return "summary(" + strings.Join(parts, "; ") + ")"
}

func (s *FuncSummary) empty() bool {
	if len(s.Sinks) > 0 || len(s.Writes) > 0 || len(s.WriterSinks) > 0 || s.Fetches || s.CachesForever {
		return false
	}
	for _, r := range s.Results {
		if !r.TaintSummary.empty() || len(r.Fields) > 0 {
			return false
		}
	}
	return true
}

// TrailTable is a package fact: the trails that the package's other
// facts refer to by index, each stored once.
type TrailTable struct {
	Trails [][]Hop
}

func (*TrailTable) AFact() {}

func (t *TrailTable) String() string { return fmt.Sprintf("trails(%d)", len(t.Trails)) }

// taintSummaries calls f on every TaintSummary of a fact.
func taintSummaries(fact analysis.Fact, f func(*TaintSummary)) {
	switch fact := fact.(type) {
	case *FuncSummary:
		for i := range fact.Results {
			f(&fact.Results[i].TaintSummary)
			for j := range fact.Results[i].Fields {
				f(&fact.Results[i].Fields[j].TaintSummary)
			}
		}
		for i := range fact.Writes {
			f(&fact.Writes[i].TaintSummary)
		}
		for i := range fact.WriterSinks {
			f(&fact.WriterSinks[i].TaintSummary)
		}
	case *HeapFact:
		for i := range fact.Entries {
			f(&fact.Entries[i].TaintSummary)
		}
	case *ForeignStores:
		for i := range fact.Entries {
			f(&fact.Entries[i].TaintSummary)
		}
	}
}

// setFrom records, on an imported fact, the package whose TrailTable its
// trails index.
func setFrom(fact analysis.Fact, pkg *types.Package) {
	taintSummaries(fact, func(ts *TaintSummary) { ts.from = pkg })
}
