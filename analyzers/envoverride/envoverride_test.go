package envoverride_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzers/envoverride"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

func TestEnvOverride(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, fixtures.Dir(), envoverride.Analyzer, "example.com/fixtures/envoverride/...")
}
