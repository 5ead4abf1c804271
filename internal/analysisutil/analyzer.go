package analysisutil

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/engine"
)

// DocsURL is where the rule pages live; an analyzer's URL is
// DocsURL + name + ".md".
const DocsURL = "https://github.com/tokenlint/tokenlint/blob/main/docs/"

// NewAnalyzer builds one of tokenlint's analyzers from the "# Analyzer
// name" section of its doc.go and a function that phrases the engine's
// findings it is responsible for ("" for the others). Every analyzer
// shares the same skeleton: it requires the engine, returns the engine's
// internal errors as its own, never reports the standard library or the
// SDK, honours suppression directives (and reports bad or unused ones,
// behind its -unused-directives flag), and never panics.
func NewAnalyzer(name, doc string, message func(engine.Finding) string) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     name,
		Doc:      MustExtractDoc(doc, name),
		URL:      DocsURL + name + ".md",
		Requires: []*analysis.Analyzer{engine.Analyzer},
	}
	reportUnused := true
	UnusedDirectivesFlag(a, &reportUnused)
	a.Run = Guard(func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[engine.Analyzer].(*engine.Result)
		if res.Err != nil {
			return nil, res.Err
		}
		if res.Foreign {
			return nil, nil // the standard library or the SDK
		}
		r := NewReporter(pass)
		for _, f := range res.Findings {
			if hidden(f) {
				continue
			}
			if msg := message(f); msg != "" {
				r.Report(analysis.Diagnostic{Pos: f.Pos, End: f.End, Category: category(name, f), Message: msg, URL: a.URL, Related: Related(pass, f.Trail), SuggestedFixes: f.Fixes})
			}
		}
		r.Finish(reportUnused)
		return nil, nil
	})
	return a
}
