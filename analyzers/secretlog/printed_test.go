package secretlog_test

import (
	"context"
	"go/ast"
	"go/constant"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzers/secretlog"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestPrinted is secretlog's specification: testdata/src/secretlog/printed
// is a program whose case functions print values built from temporary
// credentials that a local STS endpoint issues. Each case runs in a
// process of its own; secretlog must report a case if and only if the
// issued secret access key or session token appears in what the case
// printed (stdout and stderr), and name exactly the parts that appear.
// (The want comments check the messages; this checks that they are true.)
func TestPrinted(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "printed")
	build := exec.Command("go", "build", "-o", bin, "./secretlog/printed")
	build.Dir = fixtures.Dir()
	build.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	results := analysistest.Run(t, fixtures.Dir(), secretlog.Analyzer, "example.com/fixtures/secretlog/printed")
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1", len(results))
	}
	pass := results[0].Pass
	secret := stringConst(t, pass.Pkg, "issuedSecret")
	token := stringConst(t, pass.Pkg, "issuedToken")

	// The case functions, and the parts secretlog reported in each.
	var names []string
	bodies := make(map[string]*ast.FuncDecl)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "case") {
				names = append(names, fd.Name.Name)
				bodies[fd.Name.Name] = fd
			}
		}
	}
	if len(names) < 10 {
		t.Fatalf("found %d case functions, want at least 10", len(names))
	}
	reported := make(map[string]parts)
	trails := make(map[string][]string) // case → its findings' related messages
	for _, d := range results[0].Diagnostics {
		in := ""
		for name, fd := range bodies {
			if fd.Pos() <= d.Pos && d.Pos < fd.End() {
				in = name
			}
		}
		if in == "" {
			t.Errorf("%s: finding outside every case function: %s", pass.Fset.Position(d.Pos), d.Message)
			continue
		}
		reported[in] |= partsIn(d.Message)
		for _, r := range d.Related {
			trails[in] = append(trails[in], r.Message)
		}
	}
	// A channel the code does not show is a hop of the trail: the URL
	// that net/http's client keeps in its error.
	if !slices.ContainsFunc(trails["caseHTTPQuery"], func(m string) bool { return strings.Contains(m, "quoted in the error http.Client.Do returns") }) {
		t.Errorf("caseHTTPQuery: the trail %q lacks the http.Client.Do hop", trails["caseHTTPQuery"])
	}

	for _, name := range names {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		out, err := exec.CommandContext(ctx, bin, name).CombinedOutput()
		cancel()
		if err != nil {
			t.Errorf("%s: %v\n%s", name, err, out)
			continue
		}
		var printed parts
		if strings.Contains(string(out), secret) {
			printed |= secretKey
		}
		if strings.Contains(string(out), token) {
			printed |= sessionToken
		}
		if printed != reported[name] {
			t.Errorf("%s (%s): prints %s, secretlog reports %s; the output:\n%s",
				name, pass.Fset.Position(bodies[name].Pos()), printed, reported[name], out)
		}
	}
}

type parts uint8

const (
	secretKey parts = 1 << iota
	sessionToken
)

func (p parts) String() string {
	switch p {
	case 0:
		return "no secret"
	case secretKey:
		return "the secret access key"
	case sessionToken:
		return "the session token"
	}
	return "the secret access key and the session token"
}

// partsIn returns the parts a secretlog message says are logged.
func partsIn(msg string) parts {
	var p parts
	logged, _, _ := strings.Cut(msg, ":")
	if strings.Contains(logged, "a secret access key") {
		p |= secretKey
	}
	if strings.Contains(logged, "a session token") {
		p |= sessionToken
	}
	return p
}

func stringConst(t *testing.T, pkg *types.Package, name string) string {
	t.Helper()
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		t.Fatalf("the fixture has no string constant %s", name)
	}
	return constant.StringVal(c.Val())
}
