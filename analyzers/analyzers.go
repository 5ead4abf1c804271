// Package analyzers lists tokenlint's analyzers, for the drivers (the
// tokenlint command, the golangci-lint plugin) that run them together.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/analyzers/envoverride"
	"github.com/tokenlint/tokenlint/analyzers/secretlog"
	"github.com/tokenlint/tokenlint/analyzers/singletonclient"
	"github.com/tokenlint/tokenlint/analyzers/staticcreds"
)

// All returns tokenlint's analyzers, in the order their findings are
// documented.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		staticcreds.Analyzer,
		envoverride.Analyzer,
		singletonclient.Analyzer,
		secretlog.Analyzer,
	}
}
