// Package golangci is tokenlint's golangci-lint module plugin: importing
// it registers the linter "tokenlint", which runs tokenlint's analyzers
// (staticcreds, envoverride, singletonclient, secretlog) inside golangci-lint v2.
//
// Build a golangci-lint binary with the plugin compiled in, either with
// "golangci-lint custom" and a .custom-gcl.yml that names this package as
// the plugin's import, or offline with a small main package that calls
// golangci-lint's commands.Execute and blank-imports this package. Then
// enable the linter in .golangci.yml:
//
//	linters:
//	  enable: [tokenlint]
//	  settings:
//	    custom:
//	      tokenlint:
//	        type: module
//	        settings:
//	          disable: [singletonclient]
//	          envoverride: {exec: false}
//	          singletonclient: {services: all}
//	          sources:
//	            - {package: example.com/corp/broker, receiver: Client, function: Fetch}
//
// golangci-lint does not expose analyzer flags, so the settings carry the
// analyzers' options (see [Settings]); they are applied through the
// analyzers' own flags, so an analyzer behaves exactly as it does with the
// same command-line flag. The catalogue keys (sources, static_sinks,
// refreshing_providers, clients, log_sinks) are those of tokenlint's
// -config file, validated the same way (docs/configuration.md).
// Unknown settings are an error. Findings read
// "<analyzer>: <message>" and are suppressed with //nolint:tokenlint (or
// with tokenlint's own //tokenlint:ignore <analyzer> <reason>).
// See docs/golangci-lint.md.
package golangci

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/engine"
	"github.com/tokenlint/tokenlint/internal/version"
)

func init() {
	register.Plugin("tokenlint", New)
}

// Settings are the plugin's settings, from
// linters.settings.custom.tokenlint.settings in .golangci.yml.
type Settings struct {
	// Version, when set, is the tokenlint release the configuration
	// expects (for instance "v0.1.0"): a golangci-lint built with another
	// one stops with an error that names both, instead of linting with a
	// stale tokenlint.
	Version string `json:"version"`
	// Disable lists analyzers to leave out, by name.
	Disable []string `json:"disable"`
	// EnvOverride holds envoverride's options.
	EnvOverride struct {
		// Exec is the -exec flag: report credentials put into a child
		// process's environment. Default true.
		Exec *bool `json:"exec"`
	} `json:"envoverride"`
	// Exports is the -exports switch for intentional exports (credentials
	// printed for another program, or put into a child's environment):
	// "note" (the default), "error" or "off".
	Exports string `json:"exports"`
	// SingletonClient holds singletonclient's options.
	SingletonClient struct {
		// Services is the -services flag: "s3" (the default) or "all".
		Services string `json:"services"`
	} `json:"singletonclient"`
}

type plugin struct {
	settings Settings
	catalog  *catalog.Catalog
}

// splitCatalog takes the catalogue keys (sources, static_sinks,
// refreshing_providers, clients, log_sinks: docs/configuration.md) out of
// the raw settings and validates them as -config validates a file.
func splitCatalog(settings any) (rest any, cat *catalog.Catalog, err error) {
	m, ok := settings.(map[string]any)
	if !ok {
		return settings, nil, nil // DecodeSettings says what is wrong
	}
	entries := make(map[string]any)
	rest = make(map[string]any)
	for k, v := range m {
		if slices.Contains(config.Keys, k) {
			entries[k] = v
		} else {
			rest.(map[string]any)[k] = v
		}
	}
	if len(entries) == 0 {
		return rest, nil, nil
	}
	cfg, err := config.FromSettings("settings", entries)
	if err != nil {
		return nil, nil, err
	}
	return rest, catalog.Extend(cfg), nil
}

// New returns the plugin for settings (as golangci-lint decoded them from
// its configuration), or an error if they are not valid.
func New(settings any) (register.LinterPlugin, error) {
	settings, cat, err := splitCatalog(settings)
	if err != nil {
		return nil, err
	}
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("tokenlint %s: %w", Version(), err)
	}
	if s.Version != "" && s.Version != Version() {
		return nil, fmt.Errorf("settings: version: this golangci-lint was built with tokenlint %s, the configuration wants %s: rebuild it (docs/golangci-lint.md)", Version(), s.Version)
	}
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	for _, name := range s.Disable {
		if !slices.Contains(names, name) {
			return nil, fmt.Errorf("tokenlint %s: settings: disable: unknown analyzer %q (valid: %s)", Version(), name, strings.Join(names, ", "))
		}
	}
	return &plugin{settings: s, catalog: cat}, nil
}

// BuildAnalyzers sets the analyzers' flags from the settings (unset
// options get the flag's default) and returns the enabled analyzers.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	options := map[string]map[string]string{ // analyzer → flag → value; "" means the default
		"envoverride":     {"exec": ""},
		"singletonclient": {"services": p.settings.SingletonClient.Services},
	}
	if exec := p.settings.EnvOverride.Exec; exec != nil {
		options["envoverride"]["exec"] = strconv.FormatBool(*exec)
	}
	exports := string(analysisutil.ExportsNote)
	if p.settings.Exports != "" {
		exports = p.settings.Exports
	}
	if err := analysisutil.Exports.Set(exports); err != nil {
		return nil, fmt.Errorf("settings: exports: %v", err)
	}
	engine.SetCatalog(p.catalog) // nil when the settings declare no entries
	var enabled []*analysis.Analyzer
	for _, a := range analyzers.All() {
		for name, value := range options[a.Name] {
			f := a.Flags.Lookup(name)
			if f == nil {
				return nil, fmt.Errorf("%s has no flag %q", a.Name, name)
			}
			if value == "" {
				value = f.DefValue
			}
			if err := a.Flags.Set(name, value); err != nil {
				return nil, fmt.Errorf("settings: %s: %s: %v", a.Name, name, err)
			}
		}
		if !slices.Contains(p.settings.Disable, a.Name) {
			enabled = append(enabled, withoutRelated(a))
		}
	}
	return enabled, nil
}

// Version returns the tokenlint release compiled into golangci-lint, the
// same string as "tokenlint -version" and SARIF's tool.driver.version.
func Version() string { return version.String() }

// GetLoadMode reports that the analyzers need type information.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// withoutRelated returns a copy of a whose diagnostics carry no related
// information. golangci-lint turns each related entry into an issue of its
// own ("staticcreds(related information): ..."), which //nolint on the
// finding's line does not suppress; the finding's message already names
// the credentials' source and its place, so in golangci-lint the trail is
// left out. The copy shares a's flags, requirements and fact types.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &c
}
