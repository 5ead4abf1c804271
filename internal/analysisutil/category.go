package analysisutil

import "github.com/tokenlint/tokenlint/internal/engine"

// A finding's Diagnostic.Category is its analyzer's name, or one of these
// for findings the outputs report at a lower level than an error (SARIF
// level, GitHub annotation): cmd/tokenlint's level.

// OneShotCategory is the Diagnostic.Category of a static provider used
// only by calls in the function that built it (engine.Finding.OneShot):
// reported as a warning, not an error.
const OneShotCategory = "one-shot"

// category returns the Diagnostic.Category of a finding of analyzer name.
func category(name string, f engine.Finding) string {
	switch {
	case f.Export && Exports == ExportsNote:
		return ExportCategory
	case f.OneShot:
		return OneShotCategory
	}
	return name
}
