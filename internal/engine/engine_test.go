package engine_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/internal/engine"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestFacts checks the summaries the engine exports for other packages.
func TestFacts(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, fixtures.Dir(), engine.Analyzer, "example.com/fixtures/engine/facts", "example.com/fixtures/engine/heapfacts/...", "example.com/fixtures/engine/recursive")
}
