package singletonclient_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzers/singletonclient"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

func TestSingletonClient(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, fixtures.Dir(), singletonclient.Analyzer,
		"example.com/fixtures/singletonclient/v2",
		"example.com/fixtures/singletonclient/v1",
		"example.com/fixtures/singletonclient/once",
		"example.com/fixtures/singletonclient/useconfig",
		"example.com/fixtures/singletonclient/order",
		"example.com/fixtures/singletonclient/v1manager",
		"example.com/fixtures/singletonclient/optfns")
}

// TestAllServices: every service client with -singletonclient.services=all.
func TestAllServices(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	f := singletonclient.Analyzer.Flags.Lookup("services")
	if err := f.Value.Set("all"); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set("s3")
	analysistest.Run(t, fixtures.Dir(), singletonclient.Analyzer, "example.com/fixtures/singletonclient/allsvc")
	if err := f.Value.Set("bogus"); err == nil {
		t.Error("services=bogus was accepted")
	}
}
