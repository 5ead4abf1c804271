package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// copyFixtures copies the fixture module's go.mod, go.sum and the named
// package directories into a new module directory.
func copyFixtures(t *testing.T, pkgs ...string) string {
	t.Helper()
	src := fixturesDir(t)
	dst := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(src, f), filepath.Join(dst, f))
	}
	for _, p := range pkgs {
		files, err := filepath.Glob(filepath.Join(src, p, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v", p, err)
		}
		for _, f := range files {
			copyFile(t, f, filepath.Join(dst, p, filepath.Base(f)))
		}
	}
	return dst
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

type baselineJSON struct {
	Version  int
	Tool     string
	Findings []struct {
		Rule, File, Fingerprint, Message string
		Line                             int
	}
}

// TestBaseline: -write-baseline records the findings; -baseline then
// reports none of them, still none after lines are added above them, and
// exactly the finding that is new; the baseline's fingerprints are
// SARIF's; files are relative to the module root, wherever tokenlint runs.
func TestBaseline(t *testing.T) {
	bin := tokenlint(t)
	mod := copyFixtures(t, "staticcreds/app", "staticcreds/broker")
	base := filepath.Join(t.TempDir(), "tokenlint-baseline.json")

	before, _, code := clitest.RunMod(t, mod, bin, "./...")
	if code != 3 || len(findings(before)) < 3 {
		t.Fatalf("plain run: exit %d, want 3 and at least 3 findings:\n%s", code, before)
	}
	stdout, stderr, code := clitest.RunMod(t, mod, bin, "-write-baseline="+base, "./...")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "wrote") {
		t.Fatalf("-write-baseline: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var b baselineJSON
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	if b.Version != 1 || len(b.Findings) != len(findings(before)) {
		t.Fatalf("baseline: version %d, %d findings, want 1 and %d:\n%s", b.Version, len(b.Findings), len(findings(before)), data)
	}
	var fps []string
	for _, f := range b.Findings {
		if f.Rule != "staticcreds" || !strings.HasPrefix(f.File, "staticcreds/") || len(f.Fingerprint) != 32 {
			t.Errorf("baseline entry %+v", f)
		}
		fps = append(fps, f.Fingerprint)
	}

	// SARIF carries the same fingerprints.
	sarif, _, _ := clitest.RunMod(t, mod, bin, "-format=sarif", "./...")
	var log struct {
		Runs []struct {
			Results []struct{ PartialFingerprints map[string]string }
		}
	}
	if err := json.Unmarshal([]byte(sarif), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v", err)
	}
	var sarifFPs []string
	for _, r := range log.Runs[0].Results {
		sarifFPs = append(sarifFPs, r.PartialFingerprints["primaryLocationLineHash"])
	}
	slices.Sort(fps)
	slices.Sort(sarifFPs)
	if !slices.Equal(fps, sarifFPs) {
		t.Errorf("SARIF partialFingerprints %v, baseline %v", sarifFPs, fps)
	}

	// Nothing new; from the module root and from a package directory.
	for _, tc := range []struct{ dir, pattern string }{{mod, "./..."}, {filepath.Join(mod, "staticcreds", "app"), "."}} {
		stdout, stderr, code = clitest.RunMod(t, tc.dir, bin, "-baseline="+base, tc.pattern)
		if code != 0 || stdout != "" || !strings.Contains(stderr, "in the baseline") {
			t.Errorf("-baseline in %s: exit %d, stdout %q, stderr %q; want 0 and no findings", tc.dir, code, stdout, stderr)
		}
	}

	// Edits above the findings: lines added at the top of both files (the
	// broker's moves the positions quoted in app's messages), and a new
	// finding in app.go.
	app := filepath.Join(mod, "staticcreds", "app", "app.go")
	broker := filepath.Join(mod, "staticcreds", "broker", "broker.go")
	for _, f := range []string{app, broker} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(string(src), "\nimport (", "\n// An unrelated edit,\n// three lines long,\n// above every finding.\n\nimport (", 1)
		if f == app {
			edited += `
func addedLater(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	fresh, _ := broker.Fetch(ctx, sts.NewFromConfig(cfg), "arn")
	return credentials.NewStaticCredentialsProvider(fresh.Key, fresh.Secret, fresh.Token)
}
`
		}
		if err := os.WriteFile(f, []byte(edited), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	after, _, code := clitest.RunMod(t, mod, bin, "./...")
	if code != 3 || len(findings(after)) != len(findings(before))+1 {
		t.Fatalf("after the edits, plain run: exit %d, %d findings, want %d:\n%s", code, len(findings(after)), len(findings(before))+1, after)
	}
	stdout, stderr, code = clitest.RunMod(t, mod, bin, "-baseline="+base, "./...")
	got := findings(stdout)
	if code != 3 || len(got) != 1 {
		t.Fatalf("-baseline after the edits: exit %d, findings %q, want only the new one\nstderr: %s", code, got, stderr)
	}
	// The new finding is the added function's: its line, in the edited file.
	lines := strings.Split(clitest.ReadFile(t, app), "\n")
	var want int
	for i, l := range lines {
		if strings.Contains(l, "fresh.Key, fresh.Secret") {
			want = i + 1
		}
	}
	if !strings.HasPrefix(got[0], "staticcreds/app/app.go:"+strconv.Itoa(want)+":") {
		t.Errorf("new finding %q, want it on app.go:%d", got[0], want)
	}
	// JSON output leaves the baselined findings out too.
	js, _, code := clitest.RunMod(t, mod, bin, "-baseline="+base, "-json", "./...")
	var tree map[string]map[string][]json.RawMessage
	if err := json.Unmarshal([]byte(js), &tree); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			n += len(diags)
		}
	}
	if code != 3 || n != 1 {
		t.Errorf("-json -baseline: exit %d, %d findings, want 3 and one:\n%s", code, n, js)
	}
}

// TestBaselineErrors: a baseline that cannot be read is an error, and so
// are both flags together.
func TestBaselineErrors(t *testing.T) {
	bin := tokenlint(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"version": 1, "findings": [{"rule": "staticcreds"}]}`), 0o666); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte(`{"version": 2, "findings": []}`), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-baseline=" + filepath.Join(dir, "missing.json")}, "tokenlint: -baseline: open "},
		{[]string{"-baseline=" + bad}, "lacks its rule, file or fingerprint"},
		{[]string{"-baseline=" + other}, "baseline format version 2"},
		{[]string{"-baseline=" + bad, "-write-baseline=" + other}, "exclude each other"},
	} {
		stdout, stderr, code := run(t, bin, append(tc.args, "./staticcreds/app")...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1 and %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
}
