package analyzers_test

import (
	"maps"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzers/secretlog"
	"github.com/tokenlint/tokenlint/analyzers/singletonclient"
	"github.com/tokenlint/tokenlint/analyzers/staticcreds"
	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/engine"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// installFixtureConfig installs testdata/src/config/tokenlint.yml's
// entries for the test, as the drivers do from -config.
func installFixtureConfig(t *testing.T) {
	t.Helper()
	name := filepath.Join(fixtures.Dir(), "config", "tokenlint.yml")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	engine.SetCatalog(catalog.Extend(cfg))
	t.Cleanup(func() { engine.SetCatalog(nil) })
}

// TestConfigEntries checks each kind of user entry, with a negative
// beside each positive: sources (a method, a field of a result, through
// another package's facts), static sinks (a function, a method), a
// refreshing provider, a client type and a log sink.
func TestConfigEntries(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	installFixtureConfig(t)
	for _, tc := range []struct {
		a   *analysis.Analyzer
		pkg string
	}{
		{staticcreds.Analyzer, "staticapp"},
		{singletonclient.Analyzer, "singletonapp"},
		{secretlog.Analyzer, "logapp"},
	} {
		t.Run(tc.a.Name, func(t *testing.T) {
			analysistest.Run(t, fixtures.Dir(), tc.a, "example.com/fixtures/config/"+tc.pkg)
		})
	}
}

// TestConfigAbsent checks that without the configuration the user's
// entries mean nothing: the same fixtures give only the built-in
// findings.
func TestConfigAbsent(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	engine.SetCatalog(nil)
	got := map[string]int{}
	for _, tc := range []struct {
		a   *analysis.Analyzer
		pkg string
	}{
		{staticcreds.Analyzer, "staticapp"},
		{singletonclient.Analyzer, "singletonapp"},
		{secretlog.Analyzer, "logapp"},
	} {
		for _, r := range analysistest.Run(&quiet{T: t}, fixtures.Dir(), tc.a, "example.com/fixtures/config/"+tc.pkg) {
			got[tc.pkg] += len(r.Diagnostics)
		}
	}
	// staticapp: the Retrieve snapshot into &Pinned{} and into &Renewing{}
	// (no longer declared refreshing); nothing else is built in.
	want := map[string]int{"staticapp": 2, "singletonapp": 0, "logapp": 0}
	if !maps.Equal(got, want) {
		t.Errorf("findings without the configuration = %v, want %v", got, want)
	}
}

// quiet is a testing.T for analysistest.Run that ignores the fixtures'
// want comments (they describe the configured run).
type quiet struct{ *testing.T }

func (q *quiet) Errorf(format string, args ...any) {}
