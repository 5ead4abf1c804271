package main_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestExportsSwitch checks the one switch for intentional exports
// (internal/analysisutil/exports.go) in both modes and every output:
// credentials printed for another program are notes by default, leaks
// with -exports=error and absent with -exports=off, which also hides
// envoverride's child environments; a leak stays an error throughout.
func TestExportsSwitch(t *testing.T) {
	bin := tokenlint(t)
	const pkg = "./secretlog/exports"

	count := func(out, substr string) int {
		n := 0
		for _, l := range findings(out) {
			if strings.Contains(l, substr) {
				n++
			}
		}
		return n
	}
	const export, leak = "in a form meant for another program", "logs a"

	stdout, stderr, code := run(t, bin, pkg)
	if code != 3 || count(stdout, export) != 4 || count(stdout, leak) != 3 || !strings.Contains(stdout, "-exports=off") {
		t.Errorf("default: exit %d, want 3 with 4 exports naming -exports=off and 3 leaks\n%s%s", code, stdout, stderr)
	}
	stdout, stderr, code = run(t, bin, "-exports=error", pkg)
	if code != 3 || count(stdout, export) != 0 || count(stdout, leak) != 7 {
		t.Errorf("-exports=error: exit %d, want 3 with 7 leaks\n%s%s", code, stdout, stderr)
	}
	stdout, stderr, code = run(t, bin, "-exports=off", pkg)
	if code != 3 || count(stdout, export) != 0 || count(stdout, leak) != 3 {
		t.Errorf("-exports=off: exit %d, want 3 with the 3 leaks only\n%s%s", code, stdout, stderr)
	}
	stdout, stderr, code = run(t, bin, "-exports=off", "./envoverride/exec")
	if code != 0 || stdout != "" {
		t.Errorf("-exports=off on envoverride/exec: exit %d, want 0 and nothing\n%s%s", code, stdout, stderr)
	}

	// SARIF: notes for the exports, errors for the leaks.
	results := sarifResults(t, bin, "-format=sarif", pkg)
	levels := map[string]int{}
	for _, r := range results {
		isExport := strings.Contains(r.Message.Text, export)
		if want := map[bool]string{true: "note", false: "error"}[isExport]; r.Level != want {
			t.Errorf("SARIF level %q, want %q: %s", r.Level, want, r.Message.Text)
		}
		levels[r.Level]++
	}
	if levels["note"] != 4 || levels["error"] != 3 {
		t.Errorf("SARIF levels %v, want 4 notes and 3 errors", levels)
	}
	// GitHub annotations: ::notice for the exports.
	stdout, _, _ = run(t, bin, "-format=github", pkg)
	if n := strings.Count(stdout, "::notice "); n != 4 || strings.Count(stdout, "::error ") != 3 {
		t.Errorf("-format=github: %d notices, want 4 (and 3 errors)\n%s", n, stdout)
	}

	// Through go vet, the switch is the tool's flag too.
	_, stderr, code = run(t, "go", "vet", "-vettool="+bin, "-exports=off", pkg)
	if code != 1 || strings.Contains(stderr, export) || strings.Count(stderr, leak) != 3 {
		t.Errorf("go vet -exports=off: exit %d, want 1 with the 3 leaks only\n%s", code, stderr)
	}
	_, stderr, code = run(t, "go", "vet", "-vettool="+bin, pkg)
	if code != 1 || strings.Count(stderr, export) != 4 {
		t.Errorf("go vet: exit %d, want 1 with the 4 exports\n%s", code, stderr)
	}
	_, stderr, code = run(t, "go", "vet", "-vettool="+bin, "-exports=off", "./envoverride/exec")
	if code != 0 {
		t.Errorf("go vet -exports=off on envoverride/exec: exit %d, want 0\n%s", code, stderr)
	}
}

// sarifResult is what the level tests read of a SARIF result.
type sarifResult struct {
	Level   string
	Message struct{ Text string }
}

// sarifResults runs the tool with args (which ask for -format=sarif) and
// returns its one run's results; the run must find something (exit 3).
func sarifResults(t *testing.T, bin string, args ...string) []sarifResult {
	t.Helper()
	stdout, stderr, code := run(t, bin, args...)
	var doc struct {
		Runs []struct{ Results []sarifResult }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || code != 3 || len(doc.Runs) != 1 {
		t.Fatalf("%v: exit %d, %v\n%s%s", args, code, err, stdout, stderr)
	}
	return doc.Runs[0].Results
}
