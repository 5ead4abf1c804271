package analysisutil

import (
	"flag"
	"fmt"

	"github.com/tokenlint/tokenlint/internal/engine"
)

// Intentional exports are credentials a program hands to another program
// on purpose: printed to standard output as export lines for eval,
// KEY=value lines or credential_process JSON (secretlog), or put into a
// child process's environment (envoverride). In a credential tool
// (aws-vault exec, a credential_process helper) that is the product; in a
// service it is a leak or an outage. One switch, -exports, governs the
// category across analyzers:
//
//   - note (the default): printed exports are reported as notes (SARIF
//     level note, GitHub ::notice) that name the switch; child
//     environments stay errors, since a long-running child that cannot
//     refresh is the outage tokenlint exists for;
//   - error: printed exports are reported as leaks, like any other print;
//   - off: neither is reported (a credential tool).
//
// -envoverride.exec=false still hides child environments alone.

// ExportCategory is the Diagnostic.Category of a finding reported as an
// intentional export note.
const ExportCategory = "intentional-export"

// ExportsFlag is the name of the switch.
const ExportsFlag = "exports"

// ExportsUsage documents the switch.
const ExportsUsage = "intentional exports (credentials printed to stdout as export lines, KEY=value lines or credential_process JSON; credentials in a child's environment): note (report printed exports as notes), error (report them as leaks) or off (report neither: for credential tools)"

// ExportsMode is the value of the -exports switch.
type ExportsMode string

// The switch's values.
const (
	ExportsNote  ExportsMode = "note"
	ExportsError ExportsMode = "error"
	ExportsOff   ExportsMode = "off"
)

// Exports is the process's setting, shared by every analyzer.
var Exports = ExportsNote

// String implements flag.Value.
func (m *ExportsMode) String() string { return string(*m) }

// Set implements flag.Value.
func (m *ExportsMode) Set(s string) error {
	switch ExportsMode(s) {
	case ExportsNote, ExportsError, ExportsOff:
		*m = ExportsMode(s)
		return nil
	}
	return fmt.Errorf("want note, error or off, not %q", s)
}

// RegisterExports adds the -exports switch to a flag set.
func RegisterExports(fs *flag.FlagSet) { fs.Var(&Exports, ExportsFlag, ExportsUsage) }

// intentionalExport reports whether a finding is of the category: a print
// for another program (secretlog) or a child's environment (envoverride).
func intentionalExport(f engine.Finding) bool {
	return f.Export || f.Kind == engine.EnvChild
}

// hidden reports whether the switch hides a finding: -exports=off.
func hidden(f engine.Finding) bool {
	return Exports == ExportsOff && intentionalExport(f)
}

// ExportNote is how an intentional export's message ends: that it is
// one, and how to hide the category.
const ExportNote = "if this program is a credential tool whose output is meant for another program, this is an intentional export: hide intentional exports with -exports=off"
