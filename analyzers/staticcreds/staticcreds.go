package staticcreds

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/engine"
)

//go:embed doc.go
var doc string

// Analyzer reports static credentials providers built from temporary
// credentials.
var Analyzer = analysisutil.NewAnalyzer("staticcreds", doc, message)

const consequence = "never refresh and fail with ExpiredToken when the session ends"

// reportOneShot reports static providers used only by calls in the
// function that built them.
var reportOneShot = true

func init() {
	Analyzer.Flags.BoolVar(&reportOneShot, "one-shot", true,
		"report static providers used only by calls in the function that built them (as warnings); escaping ones are always reported")
}

// lifetime says how long the frozen credentials live: what the message
// adds after the consequence.
func lifetime(f engine.Finding) string {
	switch {
	case f.OneShot:
		return "; they are used once here, only by calls in this function, which fail only if they run after the session ends (a one-shot use, reported as a warning: -staticcreds.one-shot=false hides these)"
	case f.Escape != "":
		return "; they outlive this function (" + f.Escape + ")"
	}
	return ""
}

func message(f engine.Finding) string {
	from := analysisutil.From(f)
	fix := f.Source.Fix
	if sf := catalog.SinkFixes[f.Sink]; sf != "" {
		// The provider is another library's: the fix is in its terms.
		fix = sf
	}
	switch f.Kind {
	case engine.StaticProvider:
		if f.OneShot && !reportOneShot {
			return ""
		}
		if f.Via != "" {
			return fmt.Sprintf("%s builds %s from %s: the credentials %s; %s%s", f.Via, f.Sink, from, consequence, fix, lifetime(f))
		}
		if why, ok := strings.CutPrefix(f.Sink, "*"); ok {
			// A provider type of the user's: say why it counts as static.
			typ, reason, _ := strings.Cut(why, " (")
			return fmt.Sprintf("static credentials built from %s %s: %s is a static provider (%s; %s", from, consequence, typ, reason, fix)
		}
		return fmt.Sprintf("static credentials built from %s %s; %s%s", from, consequence, fix, lifetime(f))
	case engine.CachedForever:
		return fmt.Sprintf("%s keeps the first credentials it gets (%s) in %s and returns them forever: they %s; return the cached value only while it has not expired (check Expired() or Expires), or let aws.NewCredentialsCache do the caching",
			f.Sink, from, f.Name, consequence)
	case engine.CapturedProviderFunc:
		return fmt.Sprintf("aws.CredentialsProviderFunc returns credentials from %s captured once: they %s; %s", from, consequence, fix)
	}
	return ""
}
