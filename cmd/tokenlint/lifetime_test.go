package main_test

import (
	"strings"
	"testing"
)

// TestOneShot: a static provider used only by calls in the function that
// built it is a warning (SARIF level warning, GitHub ::warning) that
// -staticcreds.one-shot=false hides; one that outlives its function stays
// an error (testdata/src/staticcreds/lifetime).
func TestOneShot(t *testing.T) {
	bin := tokenlint(t)
	const pkg = "./staticcreds/lifetime"
	const once, outlive = "used once here", "they outlive this function"

	stdout, stderr, code := run(t, bin, "-staticcreds", pkg)
	if code != 3 || strings.Count(stdout, once) != 3 || strings.Count(stdout, outlive) != 7 {
		t.Errorf("default: exit %d, want 3 with 3 one-shot and 7 escaping findings\n%s%s", code, stdout, stderr)
	}
	stdout, stderr, code = run(t, bin, "-staticcreds", "-staticcreds.one-shot=false", pkg)
	if code != 3 || strings.Contains(stdout, once) || strings.Count(stdout, outlive) != 7 {
		t.Errorf("-staticcreds.one-shot=false: exit %d, want the 7 escaping findings only\n%s%s", code, stdout, stderr)
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
	if warnings != 3 {
		t.Errorf("%d SARIF warnings, want 3", warnings)
	}
	stdout, _, _ = run(t, bin, "-staticcreds", "-format=github", pkg)
	if n := strings.Count(stdout, "::warning "); n != 3 {
		t.Errorf("-format=github: %d ::warning annotations, want 3\n%s", n, stdout)
	}
}
