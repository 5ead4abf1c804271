package secretlog_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzers/secretlog"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestSecretLog runs secretlog on its fixtures, with their suggested
// fixes; the printed program is TestPrinted's (printed_test.go).
func TestSecretLog(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(fixtures.Dir(), "secretlog"))
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "printed" {
			pkgs = append(pkgs, "example.com/fixtures/secretlog/"+e.Name()+"/...")
		}
	}
	if len(pkgs) < 5 {
		t.Fatalf("found %d fixture packages, want at least 5", len(pkgs))
	}
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(), secretlog.Analyzer, pkgs...)
}
