package golangci_test

import (
	"flag"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/version"
	"github.com/tokenlint/tokenlint/plugin/golangci"
)

// build runs the plugin as golangci-lint does: GetPlugin, New with the
// settings decoded from .golangci.yml, BuildAnalyzers. It restores the
// analyzers' flags to their defaults when the test ends.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	t.Cleanup(func() {
		for _, a := range analyzers.All() {
			a.Flags.VisitAll(func(f *flag.Flag) {
				if err := a.Flags.Set(f.Name, f.DefValue); err != nil {
					t.Errorf("restoring %s.%s: %v", a.Name, f.Name, err)
				}
			})
		}
	})
	newPlugin, err := register.GetPlugin("tokenlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", mode, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) string {
	var s []string
	for _, a := range as {
		s = append(s, a.Name)
	}
	return strings.Join(s, " ")
}

func flagValue(t *testing.T, a *analysis.Analyzer, name string) string {
	t.Helper()
	f := a.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("%s has no flag %q", a.Name, name)
	}
	return f.Value.String()
}

func TestBuildAnalyzers(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     string
	}{
		{"nil settings", nil, "staticcreds envoverride singletonclient secretlog"},
		{"empty settings", map[string]any{}, "staticcreds envoverride singletonclient secretlog"},
		{"disable one", map[string]any{"disable": []any{"staticcreds"}}, "envoverride singletonclient secretlog"},
		{"disable three", map[string]any{"disable": []any{"singletonclient", "envoverride", "secretlog"}}, "staticcreds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			as, err := build(t, tc.settings)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(as); got != tc.want {
				t.Errorf("analyzers = %q, want %q", got, tc.want)
			}
			if err := analysis.Validate(as); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	var envoverride, singletonclient *analysis.Analyzer
	for _, a := range analyzers.All() {
		switch a.Name {
		case "envoverride":
			envoverride = a
		case "singletonclient":
			singletonclient = a
		}
	}
	if _, err := build(t, map[string]any{
		"envoverride":     map[string]any{"exec": false},
		"singletonclient": map[string]any{"services": "all"},
	}); err != nil {
		t.Fatal(err)
	}
	if got := flagValue(t, envoverride, "exec"); got != "false" {
		t.Errorf("envoverride exec = %s, want false", got)
	}
	if got := flagValue(t, singletonclient, "services"); got != "all" {
		t.Errorf("singletonclient services = %s, want all", got)
	}

	// Unset options get the defaults back, whatever an earlier build set.
	if _, err := build(t, nil); err != nil {
		t.Fatal(err)
	}
	if got := flagValue(t, envoverride, "exec"); got != "true" {
		t.Errorf("envoverride exec = %s, want the default true", got)
	}
	if got := flagValue(t, singletonclient, "services"); got != "s3" {
		t.Errorf("singletonclient services = %s, want the default s3", got)
	}
}

// TestExports: the exports setting is the -exports switch, validated, and
// back to its default when unset.
func TestExports(t *testing.T) {
	if _, err := build(t, map[string]any{"exports": "off"}); err != nil {
		t.Fatal(err)
	}
	if analysisutil.Exports != analysisutil.ExportsOff {
		t.Errorf("exports = %s, want off", analysisutil.Exports)
	}
	if _, err := build(t, nil); err != nil {
		t.Fatal(err)
	}
	if analysisutil.Exports != analysisutil.ExportsNote {
		t.Errorf("exports = %s, want the default note", analysisutil.Exports)
	}
	_, err := build(t, map[string]any{"exports": "sometimes"})
	if err == nil || !strings.Contains(err.Error(), "exports: want note, error or off") {
		t.Errorf("exports: sometimes: got %v, want an error naming the valid values", err)
	}
}

// TestVersion: the plugin reports the release that "tokenlint -version"
// and SARIF report, and accepts a configuration that names it.
func TestVersion(t *testing.T) {
	if golangci.Version() != version.Version {
		t.Errorf("Version() = %q, want %q", golangci.Version(), version.Version)
	}
	if _, err := build(t, map[string]any{"version": version.Version}); err != nil {
		t.Errorf("settings naming the compiled-in version: %v", err)
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     []string // substrings of the error
	}{
		{"unknown key", map[string]any{"bogus": 1}, []string{`unknown field "bogus"`, "tokenlint " + version.Version}},
		{"other version", map[string]any{"version": "v9.9.9"}, []string{"settings: version", "built with tokenlint " + version.Version, "wants v9.9.9"}},
		{"unknown nested key", map[string]any{"envoverride": map[string]any{"execs": true}}, []string{`unknown field "execs"`}},
		{"wrong type", map[string]any{"envoverride": map[string]any{"exec": "no"}}, []string{"exec"}},
		{"unknown analyzer", map[string]any{"disable": []any{"envtoken"}}, []string{`"envtoken"`, "staticcreds, envoverride, singletonclient"}},
		{"bad services", map[string]any{"singletonclient": map[string]any{"services": "ec2"}}, []string{"singletonclient", "services", `"ec2"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := build(t, tc.settings)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %s", err, w)
				}
			}
		})
	}
}
