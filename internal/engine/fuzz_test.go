package engine_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/internal/engine"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// importable are the packages fuzzed sources may import: the SDK surface
// the analyzers know, and the standard library they use. Their types come
// from export data, once per process.
var importable = []string{
	"context", "fmt", "io", "os", "os/exec", "syscall", "strings", "sync", "time", "bufio",
	"encoding/json", "log", "net/http", "flag", "testing",
	"github.com/aws/aws-sdk-go-v2/aws",
	"github.com/aws/aws-sdk-go-v2/aws/signer/v4",
	"github.com/aws/aws-sdk-go-v2/config",
	"github.com/aws/aws-sdk-go-v2/credentials",
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds",
	"github.com/aws/aws-sdk-go-v2/service/sts",
	"github.com/aws/aws-sdk-go-v2/service/sts/types",
	"github.com/aws/aws-sdk-go-v2/service/sso",
	"github.com/aws/aws-sdk-go-v2/service/s3",
	"github.com/aws/aws-sdk-go-v2/service/iam",
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager",
	"github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager",
	"github.com/aws/aws-sdk-go/aws",
	"github.com/aws/aws-sdk-go/aws/credentials",
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds",
	"github.com/aws/aws-sdk-go/aws/session",
	"github.com/aws/aws-sdk-go/service/s3",
	"github.com/aws/aws-sdk-go/service/s3/s3manager",
	"github.com/aws/aws-sdk-go/service/sts",
	"github.com/aws/aws-sdk-go/service/sso",
	"github.com/joho/godotenv",
	"gopkg.in/ini.v1",
	"gopkg.in/yaml.v3",
}

var (
	loadOnce sync.Once
	loaded   map[string]*types.Package
	loadErr  error
)

func importer(t testing.TB) types.ImporterFrom {
	t.Helper()
	loadOnce.Do(func() {
		if loadErr = fixtures.Download(); loadErr != nil {
			return
		}
		cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: fixtures.Dir(), Env: append(os.Environ(), "GOFLAGS=-mod=mod")}
		var pkgs []*packages.Package
		pkgs, loadErr = packages.Load(cfg, importable...)
		loaded = make(map[string]*types.Package)
		for _, p := range pkgs {
			if p.Types != nil {
				loaded[p.PkgPath] = p.Types
			}
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return mapImporter(loaded)
}

type mapImporter map[string]*types.Package

func (m mapImporter) Import(path string) (*types.Package, error) { return m.ImportFrom(path, "", 0) }

func (m mapImporter) ImportFrom(path, _ string, _ types.ImportMode) (*types.Package, error) {
	if p, ok := m[path]; ok {
		return p, nil
	}
	return nil, os.ErrNotExist
}

// analyse type-checks src as one package and runs the engine and every
// analyzer on it, as a driver would. It returns nil if src does not
// type-check (drivers do not analyse such packages).
func analyse(t *testing.T, imp types.ImporterFrom, src string) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Instances:    make(map[*ast.Ident]types.Instance),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	var typeErr error
	conf := types.Config{Importer: imp, Error: func(err error) { typeErr = err }}
	pkg, _ := conf.Check("example.com/fuzz", fset, []*ast.File{f}, info)
	if typeErr != nil {
		return nil
	}
	var diags []string
	newPass := func(a *analysis.Analyzer, results map[*analysis.Analyzer]any) *analysis.Pass {
		return &analysis.Pass{
			Analyzer: a, Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info,
			TypesSizes: types.SizesFor("gc", "amd64"), ResultOf: results,
			Module: &analysis.Module{Path: "example.com/fuzz"},
			Report: func(d analysis.Diagnostic) {
				diags = append(diags, a.Name+": "+fset.Position(d.Pos).String()+": "+d.Message)
			},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
			ReadFile:          func(string) ([]byte, error) { return nil, os.ErrNotExist },
		}
	}
	res, err := engine.Analyzer.Run(newPass(engine.Analyzer, nil))
	if err != nil {
		t.Fatalf("engine error: %v\n%s", err, src)
	}
	if r := res.(*engine.Result); r.Err != nil {
		t.Fatalf("engine: %v\n%s", r.Err, src)
	}
	for _, a := range analyzers.All() {
		if _, err := a.Run(newPass(a, map[*analysis.Analyzer]any{engine.Analyzer: res})); err != nil {
			t.Fatalf("%s: %v\n%s", a.Name, err, src)
		}
	}
	return diags
}

// seeds are the self-contained fixtures: real code against the real SDK.
var seeds = []string{
	"staticcreds/v2/v2.go", "staticcreds/v1/v1.go", "staticcreds/typeparams/typeparams.go",
	"envoverride/v2/v2.go", "envoverride/v1/v1.go", "envoverride/exec/exec.go", "envoverride/disk/disk.go", "envoverride/nosdk/nosdk.go", "envoverride/loops/loops.go",
	"singletonclient/v2/v2.go", "singletonclient/v1/v1.go", "singletonclient/once/once.go",
}

// FuzzAnalyzers feeds arbitrary Go source through the engine and all
// analyzers: whatever type-checks must be analysed without a panic, an
// error, or a result that changes from one run to the next.
func FuzzAnalyzers(f *testing.F) {
	for _, s := range seeds {
		data, err := os.ReadFile(filepath.Join(fixtures.Dir(), s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		imp := importer(t)
		first := analyse(t, imp, src)
		if again := analyse(t, imp, src); !reflect.DeepEqual(first, again) {
			t.Fatalf("results differ between two runs:\n%v\n%v", first, again)
		}
	})
}

// TestSeedsAnalysed guards the fuzz test itself: its seeds must
// type-check and produce findings, or the fuzzer would only ever see code
// the analyzers skip.
func TestSeedsAnalysed(t *testing.T) {
	imp := importer(t)
	for _, s := range seeds {
		data, err := os.ReadFile(filepath.Join(fixtures.Dir(), s))
		if err != nil {
			t.Fatal(err)
		}
		if diags := analyse(t, imp, string(data)); len(diags) == 0 {
			t.Errorf("%s: no findings (does it type-check with the fuzz importer?)", s)
		}
	}
}
