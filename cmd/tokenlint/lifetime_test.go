package main_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// TestOneShot: a static provider used only by calls in the function that
// built it is a warning (SARIF level warning, GitHub ::warning) that
// -staticcreds.one-shot=false hides; one that outlives its function stays
// an error (testdata/src/staticcreds/lifetime).
func TestOneShot(t *testing.T) {
	bin := tokenlint(t)
	const pkg = "./staticcreds/lifetime"
	const once, outlive = "used once here", "they outlive this function"
	// The fixture's want comments say which findings are which.
	src := clitest.ReadFile(t, filepath.Join(fixturesDir(t), "staticcreds", "lifetime", "lifetime.go"))
	wantOnce, wantOutlive := countWants(src, once), countWants(src, "outlive this function")
	if wantOnce == 0 || wantOutlive == 0 {
		t.Fatalf("the fixture wants %d one-shot and %d escaping findings", wantOnce, wantOutlive)
	}

	stdout, stderr, code := run(t, bin, "-staticcreds", pkg)
	if code != 3 || strings.Count(stdout, once) != wantOnce || strings.Count(stdout, outlive) != wantOutlive {
		t.Errorf("default: exit %d, want 3 with %d one-shot and %d escaping findings\n%s%s", code, wantOnce, wantOutlive, stdout, stderr)
	}
	stdout, stderr, code = run(t, bin, "-staticcreds", "-staticcreds.one-shot=false", pkg)
	if code != 3 || strings.Contains(stdout, once) || strings.Count(stdout, outlive) != wantOutlive {
		t.Errorf("-staticcreds.one-shot=false: exit %d, want the %d escaping findings only\n%s%s", code, wantOutlive, stdout, stderr)
	}

	results := sarifResults(t, bin, "-staticcreds", "-format=sarif", pkg)
	warnings := 0
	for _, r := range results {
		want := "error"
		if strings.Contains(r.Message.Text, once) {
			want = "warning"
			warnings++
		}
		if r.Level != want {
			t.Errorf("SARIF level %q, want %q: %s", r.Level, want, r.Message.Text)
		}
	}
	if warnings != wantOnce {
		t.Errorf("%d SARIF warnings, want %d", warnings, wantOnce)
	}
	stdout, _, _ = run(t, bin, "-staticcreds", "-format=github", pkg)
	if n := strings.Count(stdout, "::warning "); n != wantOnce {
		t.Errorf("-format=github: %d ::warning annotations, want %d\n%s", n, wantOnce, stdout)
	}
}

// countWants counts the want comments of src that mention text.
func countWants(src, text string) int {
	n := 0
	for _, l := range strings.Split(src, "\n") {
		if _, want, ok := strings.Cut(l, "// want "); ok && strings.Contains(want, text) {
			n++
		}
	}
	return n
}
