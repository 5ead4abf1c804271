package golangci_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/internal/engine"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// fixtureEntries are testdata/src/config/tokenlint.yml's entries, as
// golangci-lint hands them over from .golangci.yml.
func fixtureEntries() map[string]any {
	const pkg = "example.com/fixtures/config/"
	return map[string]any{
		"sources": []any{
			map[string]any{"package": pkg + "broker", "receiver": "*Client", "function": "Fetch"},
			map[string]any{"package": pkg + "broker", "function": "Renew", "field": "Creds", "label": "a broker lease", "fix": "use broker.Provider, which renews the lease before it ends"},
			map[string]any{"package": pkg + "broker", "receiver": "Issuer", "function": "Issue"},
		},
		"static_sinks": []any{
			map[string]any{"package": pkg + "vault", "function": "NewStaticAuth", "key": 0, "secret": 1, "token": 2},
			map[string]any{"package": pkg + "vault", "receiver": "Auth", "function": "WithKeys", "key": 0, "secret": 1},
		},
		"refreshing_providers": []any{map[string]any{"package": pkg + "staticapp", "type": "Renewing"}},
		"clients":              []any{map[string]any{"package": pkg + "blob", "type": "Client"}},
		"log_sinks":            []any{map[string]any{"package": pkg + "audit", "receiver": "Logger", "function": "Record", "arg": 1}},
		"disable":              []any{"envoverride"},
	}
}

// TestCatalogSettings: the catalogue keys in the plugin's settings make
// the same findings as the -config file (the fixtures' want comments).
func TestCatalogSettings(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	as, err := build(t, fixtureEntries())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { engine.SetCatalog(nil) })
	if got := names(as); got != "staticcreds singletonclient secretlog" {
		t.Fatalf("analyzers = %q", got)
	}
	pkgs := map[string]string{"staticcreds": "staticapp", "singletonclient": "singletonapp", "secretlog": "logapp"}
	for _, a := range as {
		t.Run(a.Name, func(t *testing.T) {
			analysistest.Run(t, fixtures.Dir(), a, "example.com/fixtures/config/"+pkgs[a.Name])
		})
	}

	// A later build without entries takes them away again.
	as, err = build(t, map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Name != "secretlog" {
			continue
		}
		for _, r := range analysistest.Run(&quiet{t}, fixtures.Dir(), a, "example.com/fixtures/config/logapp") {
			if len(r.Diagnostics) != 0 {
				t.Errorf("without entries, logapp has %d secretlog findings, want 0", len(r.Diagnostics))
			}
		}
	}
}

type quiet struct{ *testing.T }

func (q *quiet) Errorf(string, ...any) {}

// TestBadCatalogSettings: the same validation and messages as -config,
// without a line (golangci-lint does not keep them).
func TestBadCatalogSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings map[string]any
		want     string
	}{
		{"unknown key", map[string]any{"sources": []any{map[string]any{"package": "example.com/b", "function": "F", "recv": "C"}}},
			"settings: sources[0].recv: unknown key (valid: package, receiver, function, result, field, label, fix)"},
		{"missing key", map[string]any{"static_sinks": []any{map[string]any{"package": "example.com/b", "function": "New", "key": 0}}},
			`settings: static_sinks[0]: missing key "secret" (the index of the secret access key argument)`},
		{"not a list", map[string]any{"clients": map[string]any{"package": "example.com/b"}},
			"settings: clients: want a list of entries, got a mapping"},
		{"bad index", map[string]any{"log_sinks": []any{map[string]any{"package": "example.com/b", "function": "Log", "arg": "first"}}},
			`settings: log_sinks[0].arg: want an index from 0 to 63, got "first"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := build(t, tc.settings)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error = %v\nwant %s", err, tc.want)
			}
		})
	}
}
