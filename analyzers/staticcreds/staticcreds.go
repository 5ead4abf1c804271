package staticcreds

import (
	_ "embed"
	"fmt"

	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/engine"
)

//go:embed doc.go
var doc string

// Analyzer reports static credentials providers built from temporary
// credentials.
var Analyzer = analysisutil.NewAnalyzer("staticcreds", doc, message)

func message(f engine.Finding) string {
	switch f.Kind {
	case engine.StaticProvider:
		if f.Via != "" {
			return fmt.Sprintf("%s builds %s from %s: the credentials never refresh and fail with ExpiredToken when the session ends; %s",
				f.Via, f.Sink, f.Source.Label, f.Source.Fix)
		}
		return fmt.Sprintf("static credentials built from %s never refresh and fail with ExpiredToken when the session ends; %s",
			f.Source.Label, f.Source.Fix)
	case engine.CachedForever:
		return fmt.Sprintf("%s keeps the first credentials it gets (%s) in %s and returns them forever: they never refresh and fail with ExpiredToken when the session ends; return the cached value only while it has not expired (check Expired() or Expires), or let aws.NewCredentialsCache do the caching",
			f.Sink, f.Source.Label, f.Name)
	case engine.CapturedProviderFunc:
		return fmt.Sprintf("aws.CredentialsProviderFunc returns credentials from %s captured once: they never refresh and fail with ExpiredToken when the session ends; %s",
			f.Source.Label, f.Source.Fix)
	}
	return ""
}
