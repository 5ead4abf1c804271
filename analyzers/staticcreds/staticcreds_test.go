package staticcreds_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzers/staticcreds"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

func TestStaticCreds(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, fixtures.Dir(), staticcreds.Analyzer,
		"example.com/fixtures/staticcreds/...")
}

// TestTrail checks the trail of findings: the source's place in the
// message (want) and every hop as related information (related).
func TestTrail(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, fixtures.Dir(), staticcreds.Analyzer, "example.com/fixtures/staticcreds/trail")
	fixtures.CheckRelated(t, results, "staticcreds/trail", "staticcreds/trailbroker")
}

// TestFixes checks the suggested fixes against fixes.go.golden: applied,
// the file compiles and uses the refreshing providers; where no fix is
// offered, the line stays as it is.
func TestFixes(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(), staticcreds.Analyzer, "example.com/fixtures/staticcreds/fixes")
}
