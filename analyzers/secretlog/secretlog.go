package secretlog

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

// Analyzer reports secret access keys and session tokens written to logs.
var Analyzer = analysisutil.NewAnalyzer("secretlog", doc, message)

func message(f engine.Finding) string {
	if f.Kind != engine.SecretLog {
		return ""
	}
	what := "a secret"
	switch {
	case f.Secret&catalog.PartSecret != 0 && f.Secret&catalog.PartToken != 0:
		what = "a secret access key and a session token"
	case f.Secret&catalog.PartSecret != 0:
		what = "a secret access key"
	case f.Secret&catalog.PartToken != 0:
		what = "a session token"
	}
	from := f.Name
	if f.Source.Label != "" && from == f.Source.Label {
		from = analysisutil.From(f)
	}
	if from != "" {
		what += " (" + from + ")"
	}
	via := ""
	if f.Via != "" {
		via = " (through " + f.Via + ")"
	}
	if f.Export && analysisutil.Exports == analysisutil.ExportsNote {
		return fmt.Sprintf("%s prints %s%s to standard output in a form meant for another program (export lines, KEY=value lines, credential_process JSON): whatever captures this output holds a credential until it expires; %s",
			strings.TrimSuffix(f.Sink, " to os.Stdout"), what, via, analysisutil.ExportNote)
	}
	return fmt.Sprintf("%s logs %s%s: a secret in logs is a credential leak, valid wherever the logs go until it expires; log the credentials' Source and Expires instead",
		f.Sink, what, via)
}
