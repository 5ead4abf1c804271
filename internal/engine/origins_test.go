package engine_test

import (
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/engine"
)

// TestConditionalPackages: of the relevant packages, those relevant only
// through a package that names a token variable, neither naming one nor
// reaching the SDK themselves.
func TestConditionalPackages(t *testing.T) {
	nodes := []engine.Node{
		{ID: "github.com/aws/aws-sdk-go-v2/aws", PkgPath: "github.com/aws/aws-sdk-go-v2/aws"},
		{ID: "ext", PkgPath: "example.com/ext", Mentions: true, Imports: []string{"strings"}},
		{ID: "strings", PkgPath: "strings", Standard: true},
		{ID: "oauth", PkgPath: "example.com/oauth", Imports: []string{"ext"}},
		{ID: "api", PkgPath: "example.com/api", Imports: []string{"oauth", "strings"}},
		{ID: "svc", PkgPath: "example.com/svc", Imports: []string{"api", "github.com/aws/aws-sdk-go-v2/aws"}},
		{ID: "mixed", PkgPath: "example.com/mixed", Imports: []string{"api", "svc"}},
		{ID: "own", PkgPath: "example.com/own", Mentions: true, Imports: []string{"api"}},
	}
	relevant := engine.RelevantPackages(nodes)
	got := slices.Sorted(maps.Keys(engine.ConditionalPackages(nodes, relevant)))
	if want := []string{"api", "oauth"}; !slices.Equal(got, want) {
		t.Errorf("ConditionalPackages = %v, want %v (relevant: %v)", got, want, slices.Sorted(maps.Keys(relevant)))
	}
}

// TestHasOrigin: conduits (results and stores from parameters, a
// parameter to an unnamed sink) have no origin; a source, a secret, a
// named variable written, a frozen provider, a func value, a fetch do.
func TestHasOrigin(t *testing.T) {
	conduit := engine.TaintSummary{Params: []int{0}, Calls: []int{1}}
	for _, c := range []struct {
		name string
		fact analysis.Fact
		want bool
	}{
		{"result from params", &engine.FuncSummary{Results: []engine.ResultSummary{{TaintSummary: conduit}}}, false},
		{"param to an unnamed sink", &engine.FuncSummary{Sinks: []engine.ParamSink{{Param: 0, Sink: "exec.Cmd.Env"}}}, false},
		{"store from params", &engine.HeapFact{Entries: []engine.HeapEntry{{Path: ".x", TaintSummary: conduit}}}, false},
		{"trails", &engine.TrailTable{}, false},
		{"result from a source", &engine.FuncSummary{Results: []engine.ResultSummary{{TaintSummary: engine.TaintSummary{Source: "v2.sts.AssumeRole"}}}}, true},
		{"field from a source", &engine.FuncSummary{Results: []engine.ResultSummary{{Fields: []engine.FieldSummary{{Path: ".T", TaintSummary: engine.TaintSummary{Source: "v2.snapshot"}}}}}}, true},
		{"a secret", &engine.HeapFact{Entries: []engine.HeapEntry{{Path: ".s", TaintSummary: engine.TaintSummary{Secret: 1}}}}, true},
		{"a func value", &engine.ForeignStores{Entries: []engine.ForeignEntry{{Base: "p.V", HeapEntry: engine.HeapEntry{TaintSummary: engine.TaintSummary{Funcs: []engine.FuncRef{{Pkg: "p", Name: "F"}}}}}}}, true},
		{"a named variable written", &engine.FuncSummary{Sinks: []engine.ParamSink{{Param: 0, Sink: "os.Setenv", Name: "AWS_SESSION_TOKEN"}}}, true},
		{"a variable named by the caller", &engine.FuncSummary{Sinks: []engine.ParamSink{{Param: 1, Sink: "os.Setenv", NameParam: 1}}}, true},
		{"fetches", &engine.FuncSummary{Fetches: true}, true},
		{"a fact of another analyzer", new(otherFact), true},
	} {
		if got := engine.HasOrigin(c.fact); got != c.want {
			t.Errorf("%s: HasOrigin = %v, want %v", c.name, got, c.want)
		}
	}
}

type otherFact struct{}

func (*otherFact) AFact() {}

// TestExportsTokenName: an exported string constant naming the token
// variable; not an unexported one, not another name.
func TestExportsTokenName(t *testing.T) {
	for _, c := range []struct {
		name, value string
		want        bool
	}{
		{"TokenVar", "AWS_SESSION_TOKEN", true},
		{"tokenVar", "AWS_SESSION_TOKEN", false},
		{"KeyVar", "AWS_ACCESS_KEY_ID", false},
	} {
		pkg := types.NewPackage("example.com/p", "p")
		pkg.Scope().Insert(types.NewConst(token.NoPos, pkg, c.name, types.Typ[types.UntypedString], constant.MakeString(c.value)))
		if got := engine.ExportsTokenName(pkg); got != c.want {
			t.Errorf("const %s = %q: ExportsTokenName = %v, want %v", c.name, c.value, got, c.want)
		}
	}
}
