package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// The helpers shared with cmd/tokenlint/robust live in internal/clitest.

func TestMain(m *testing.M) { clitest.Main(m) }

func tokenlint(t *testing.T) string { return clitest.Tokenlint(t) }

func run(t *testing.T, name string, args ...string) (string, string, int) {
	t.Helper()
	return clitest.Run(t, name, args...)
}

func fixturesDir(t *testing.T) string { return fixtures.Dir() }

var findingLine = clitest.FindingLine

func findings(out string) []string { return clitest.Findings(out) }

// TestStandaloneAndVet runs the binary both ways on the fixtures and
// requires the same findings and the documented exit codes.
func TestStandaloneAndVet(t *testing.T) {
	bin := tokenlint(t)
	stdout, stderr, code := run(t, bin, "./staticcreds/...", "./envoverride/...", "./singletonclient/...")
	if code != 3 {
		t.Fatalf("standalone exit code = %d, want 3\nstderr:\n%s", code, stderr)
	}
	standalone := findings(stdout)
	if len(standalone) < 10 {
		t.Fatalf("standalone found %d findings, want at least 10:\n%s", len(standalone), stdout)
	}
	for _, want := range []string{
		"staticcreds/app/app.go:21:20: static credentials built from sts.AssumeRole output",
		"staticcreds/v1/v1.go:22:11: static credentials built from sts.AssumeRole output",
		"envoverride/nosdk/nosdk.go:8:2: os.Setenv(\"AWS_SESSION_TOKEN\")",
		"envoverride/caller/caller.go:21:9: os.WriteFile writes a session token",
		"singletonclient/useconfig/useconfig.go:17:5: package-level variable frozen holds a *s3.Client",
	} {
		if !slices.ContainsFunc(standalone, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("standalone output lacks %q", want)
		}
	}

	_, vetErr, vetCode := run(t, "go", "vet", "-vettool="+bin, "./staticcreds/...", "./envoverride/...", "./singletonclient/...")
	if vetCode != 1 {
		t.Fatalf("go vet exit code = %d, want 1\n%s", vetCode, vetErr)
	}
	vet := findings(vetErr)
	if !slices.Equal(standalone, vet) {
		t.Errorf("standalone and go vet disagree\nstandalone:\n%s\ngo vet:\n%s", strings.Join(standalone, "\n"), strings.Join(vet, "\n"))
	}
}

// TestClean: a package without AWS code is clean in both modes.
func TestClean(t *testing.T) {
	bin := tokenlint(t)
	stdout, stderr, code := run(t, bin, "./clean/...")
	if code != 0 || stdout != "" {
		t.Errorf("standalone on clean code: exit %d, stdout %q, stderr %q; want 0 and no output", code, stdout, stderr)
	}
	_, stderr, code = run(t, "go", "vet", "-vettool="+bin, "./clean/...")
	if code != 0 {
		t.Errorf("go vet on clean code: exit %d\n%s", code, stderr)
	}
}

// TestJSON checks the go vet -json tree.
func TestJSON(t *testing.T) {
	bin := tokenlint(t)
	stdout, stderr, code := run(t, bin, "-json", "./staticcreds/app")
	if code != 3 {
		t.Fatalf("exit code = %d, want 3\n%s", code, stderr)
	}
	var tree map[string]map[string][]struct {
		Category, Posn, End, Message string
	}
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("output is not the JSON tree: %v\n%s", err, stdout)
	}
	diags := tree["example.com/fixtures/staticcreds/app"]["staticcreds"]
	if len(diags) != 4 {
		t.Fatalf("got %d diagnostics for app, want 4:\n%s", len(diags), stdout)
	}
	for _, d := range diags {
		if d.Category != "staticcreds" || !strings.Contains(d.Posn, "app.go:") || d.Message == "" {
			t.Errorf("malformed diagnostic %+v", d)
		}
	}
}

// TestErrors: bad input gets a clear message and exit 1, never a stack trace.
func TestErrors(t *testing.T) {
	bin := tokenlint(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-bogus", "./..."}, "flag provided but not defined: -bogus"},
		{"missing package", []string{"./nonexistent"}, "nonexistent"},
		{"type error", []string{"./broken/typeerr"}, "cannot use 1"},
		{"empty pattern", []string{""}, "empty package pattern"},
		{"unknown analyzer", []string{"help", "nosuch"}, `no analyzer named "nosuch"`},
		{"bad exports", []string{"-exports=maybe", "./..."}, `invalid value "maybe" for flag -exports: want note, error or off, not "maybe"`},
		{"all disabled", []string{"-staticcreds=false", "-envoverride=false", "-singletonclient=false", "-secretlog=false", "./..."}, "every analyzer is disabled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := run(t, bin, tc.args...)
			checkCleanError(t, stderr, code, tc.want)
		})
	}
}

// TestHelp: help lists the analyzers and explains each.
func TestHelp(t *testing.T) {
	bin := tokenlint(t)
	stdout, _, code := run(t, bin, "help")
	if code != 0 || !strings.Contains(stdout, "staticcreds") {
		t.Errorf("help: exit %d\n%s", code, stdout)
	}
	stdout, _, code = run(t, bin, "help", "staticcreds")
	if code != 0 || !strings.Contains(stdout, "NewStaticCredentialsProvider") || !strings.Contains(stdout, "docs/staticcreds.md") {
		t.Errorf("help staticcreds: exit %d\n%s", code, stdout)
	}
	_, stderr, code := run(t, bin, "-help")
	if code != 0 || !strings.Contains(stderr, "-json") || !strings.Contains(stderr, "-staticcreds") {
		t.Errorf("-help: exit %d\n%s", code, stderr)
	}
}

// TestVetProtocol: the vet handshake answers as go vet expects.
func TestVetProtocol(t *testing.T) {
	bin := tokenlint(t)
	stdout, _, code := run(t, bin, "-V=full")
	if code != 0 || !regexp.MustCompile(`tokenlint version .*buildID=[0-9a-f]+`).MatchString(stdout) {
		t.Errorf("-V=full: exit %d, %q", code, stdout)
	}
	stdout, _, code = run(t, bin, "-flags")
	var flags []struct{ Name string }
	if err := json.Unmarshal([]byte(stdout), &flags); code != 0 || err != nil {
		t.Fatalf("-flags: exit %d, %v\n%s", code, err, stdout)
	}
	if !slices.ContainsFunc(flags, func(f struct{ Name string }) bool { return f.Name == "staticcreds" }) {
		t.Errorf("-flags lacks the staticcreds switch: %s", stdout)
	}
	// An analyzer switched off through go vet.
	_, stderr, code := run(t, "go", "vet", "-vettool="+bin, "-staticcreds=false", "./staticcreds/app")
	if code != 0 {
		t.Errorf("go vet -staticcreds=false: exit %d, want 0\n%s", code, stderr)
	}
	// An analyzer's own flag passed through go vet, and standalone.
	_, stderr, code = run(t, "go", "vet", "-vettool="+bin, "./envoverride/exec")
	if code != 1 || !strings.Contains(stderr, "exec.Cmd.Env puts") {
		t.Errorf("go vet on envoverride/exec: exit %d, want 1 with findings\n%s", code, stderr)
	}
	_, stderr, code = run(t, "go", "vet", "-vettool="+bin, "-envoverride.exec=false", "./envoverride/exec")
	if code != 0 {
		t.Errorf("go vet -envoverride.exec=false: exit %d, want 0\n%s", code, stderr)
	}
	stdout, _, code = run(t, bin, "-envoverride.exec=false", "./envoverride/exec")
	if code != 0 || stdout != "" {
		t.Errorf("tokenlint -envoverride.exec=false: exit %d, want 0\n%s", code, stdout)
	}
}

// TestQuickStart runs the README's first command on the example module
// shipped in the repository and requires the output the README shows,
// line for line.
func TestQuickStart(t *testing.T) {
	bin := tokenlint(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, bin, "-C", filepath.Join(root, "examples"), "./...")
	if code != 3 {
		t.Fatalf("exit code = %d, want 3\n%s", code, stderr)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The block after "The first command prints:", without the line
	// "exit status 3" that go run adds.
	_, after, ok := strings.Cut(string(readme), "The first command\nprints:\n\n```\n")
	block, _, ok2 := strings.Cut(after, "```\n")
	if !ok || !ok2 {
		t.Fatal("README.md has no block after \"The first command prints:\"")
	}
	want := strings.TrimSuffix(block, "exit status 3\n")
	if stdout != want {
		t.Errorf("README.md's quick-start output is not what the command prints\nREADME:\n%s\ngot:\n%s", want, stdout)
	}
	if n := len(findings(stdout)); n != 5 {
		t.Errorf("%d findings, want the five the README's command line says", n)
	}
}

// checkCleanError checks a run that must fail as bad input does: exit
// code 1 and the error on stderr, without a stack trace.
func checkCleanError(t *testing.T, stderr string, code int, want string) {
	t.Helper()
	if code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic:") {
		t.Errorf("stack trace on stderr:\n%s", stderr)
	}
}
