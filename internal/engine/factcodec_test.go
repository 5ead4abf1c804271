package engine_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"reflect"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tokenlint/tokenlint/internal/engine"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// factBudget bounds the encoded size of the facts the engine exports on
// the fixtures, per package that exports any, on average (most of it is
// gob's type descriptors, one set per package, as go vet's units write
// them): facts travel between go vet's units and stay in memory in
// standalone runs. Per package, so that adding a fixture does not spend
// it (it was 128 KiB for all the fixtures until they passed 50 packages,
// 2.6 KiB each). Raise it only with a reason.
const factBudget = 3 << 10

// TestFactCodecs checks the engine's facts as go vet's units exchange
// them (nilaway's RequireFactCodecs is the model): every fact exported on
// the fixtures gob-encodes to the same bytes twice, decodes to an equal
// value, and all of them together stay within a size budget.
func TestFactCodecs(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	// The fixtures from source, their dependencies (the SDK, which the
	// engine never analyses) from export data: facts flow between the
	// fixtures only, as in tokenlint's standalone driver.
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: fixtures.Dir(), Env: append(os.Environ(), "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg,
		"example.com/fixtures/staticcreds/...", "example.com/fixtures/envoverride/...",
		"example.com/fixtures/singletonclient/...", "example.com/fixtures/engine/...")
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]*packages.Package)
	for _, p := range pkgs {
		byID[p.ID] = p
	}
	for _, p := range pkgs {
		for path, imp := range p.Imports {
			if q, ok := byID[imp.ID]; ok {
				p.Imports[path] = q
			} else {
				delete(p.Imports, path)
			}
		}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{engine.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var facts []analysis.Fact
	var names []string
	streamed := 0  // bytes, each package's facts in one gob stream as go vet's units write them
	exporting := 0 // packages that export facts
	for act := range graph.All() {
		if act.Analyzer != engine.Analyzer || act.Err != nil {
			continue
		}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				facts = append(facts, f.Fact)
				names = append(names, fmt.Sprintf("%s.%s", act.Package.PkgPath, f.Object.Name()))
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				facts = append(facts, f.Fact)
				names = append(names, act.Package.PkgPath)
			}
		}
		var buf bytes.Buffer
		enc := gob.NewEncoder(&buf)
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				if err := enc.Encode(&f.Fact); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				if err := enc.Encode(&f.Fact); err != nil {
					t.Fatal(err)
				}
			}
		}
		if testing.Verbose() && buf.Len() > 2000 {
			t.Logf("%s: %d bytes", act.Package.PkgPath, buf.Len())
		}
		streamed += buf.Len()
		if buf.Len() > 0 {
			exporting++
		}
	}
	if len(facts) < 150 {
		t.Fatalf("only %d facts exported on the fixtures; the test would prove little", len(facts))
	}
	kinds := make(map[string]int)
	total := 0
	for i, f := range facts {
		kinds[reflect.TypeOf(f).Elem().Name()]++
		var first, second bytes.Buffer
		if err := gob.NewEncoder(&first).Encode(f); err != nil {
			t.Fatalf("%s: encoding %T: %v", names[i], f, err)
		}
		if err := gob.NewEncoder(&second).Encode(f); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("%s: %T encodes differently twice", names[i], f)
		}
		total += first.Len()
		back := reflect.New(reflect.TypeOf(f).Elem()).Interface()
		if err := gob.NewDecoder(bytes.NewReader(first.Bytes())).Decode(back); err != nil {
			t.Fatalf("%s: decoding %T: %v", names[i], f, err)
		}
		if fmt.Sprint(back) != fmt.Sprint(f) {
			t.Errorf("%s: %T does not survive a round trip:\n got %v\nwant %v", names[i], f, back, f)
		}
	}
	for _, k := range []string{"FuncSummary", "HeapFact", "ForeignStores", "relevantFact"} {
		if kinds[k] == 0 {
			t.Errorf("no %s among the facts: the fixtures no longer exercise it", k)
		}
	}
	var ks []string
	for k, n := range kinds {
		ks = append(ks, fmt.Sprintf("%s=%d", k, n))
	}
	sort.Strings(ks)
	t.Logf("%d facts (%v): %d bytes encoded one by one, %d bytes in one stream per package", len(facts), ks, total, streamed)
	if exporting == 0 || streamed/exporting > factBudget {
		t.Errorf("facts take %d bytes encoded in %d packages, over the budget of %d a package", streamed, exporting, factBudget)
	}
}

func init() {
	// As unitchecker does, so that facts can be encoded as interfaces.
	for _, f := range engine.Analyzer.FactTypes {
		gob.Register(f)
	}
}
