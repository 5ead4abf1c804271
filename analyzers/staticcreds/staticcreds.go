package staticcreds

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/engine"
)

//go:embed doc.go
var doc string

// URL is the rule's page.
const URL = "https://github.com/tokenlint/tokenlint/blob/main/docs/staticcreds.md"

// Analyzer reports static credentials providers built from temporary
// credentials.
var Analyzer = &analysis.Analyzer{
	Name:     "staticcreds",
	Doc:      analysisutil.MustExtractDoc(doc, "staticcreds"),
	URL:      URL,
	Requires: []*analysis.Analyzer{engine.Analyzer},
	Run:      analysisutil.Guard(run),
}

// reportUnused enables reports of directives that suppress nothing.
var reportUnused = true

func init() { analysisutil.UnusedDirectivesFlag(Analyzer, &reportUnused) }

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[engine.Analyzer].(*engine.Result)
	if res.Err != nil {
		return nil, res.Err
	}
	if res.Foreign {
		return nil, nil // the standard library or the SDK
	}
	r := analysisutil.NewReporter(pass)
	defer r.Finish(reportUnused)
	for _, f := range res.Findings {
		var msg string
		switch f.Kind {
		case engine.StaticProvider:
			msg = fmt.Sprintf("static credentials built from %s never refresh and fail with ExpiredToken when the session ends; %s",
				f.Source.Label, f.Source.Fix)
			if f.Via != "" {
				msg = fmt.Sprintf("%s builds %s from %s: the credentials never refresh and fail with ExpiredToken when the session ends; %s",
					f.Via, f.Sink, f.Source.Label, f.Source.Fix)
			}
		case engine.CapturedProviderFunc:
			msg = fmt.Sprintf("aws.CredentialsProviderFunc returns credentials from %s captured once: they never refresh and fail with ExpiredToken when the session ends; %s",
				f.Source.Label, f.Source.Fix)
		default:
			continue
		}
		r.Report(analysis.Diagnostic{
			Pos:      f.Pos,
			End:      f.End,
			Category: "staticcreds",
			Message:  msg,
			URL:      URL,
		})
	}
	return nil, nil
}
