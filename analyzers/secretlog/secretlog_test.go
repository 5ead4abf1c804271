package secretlog_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzers/secretlog"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

func TestSecretLog(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(), secretlog.Analyzer, "example.com/fixtures/secretlog/...")
}
