// Package singlecmd is the main of the singlechecker commands
// (analyzers/NAME/cmd/NAME): x/tools' singlechecker, with a note in the
// help that says when to use the tokenlint command instead.
package singlecmd

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/tokenlint/tokenlint/internal/version"
)

// Note is what the help of the command for analyzer name says first.
func Note(name string) string {
	return fmt.Sprintf(`Prefer the tokenlint command: "tokenlint -%[1]s ./..." runs this analyzer alone
with tokenlint's selective loading, which type-checks from source only the
packages that can carry AWS credentials. This command is x/tools'
singlechecker: standalone, it loads and type-checks every package from source,
the AWS SDK included (on tokenlint's examples/ module, warm cache: 15 s and
570 MB, where tokenlint takes 1 s and 40 MB). Under go vet
("go vet -vettool=$(command -v %[1]s)") both cost about the same.
Install tokenlint: go install github.com/tokenlint/tokenlint/cmd/tokenlint@%[2]s

`, name, version.String())
}

// Main runs a as a singlechecker command, printing Note before the help.
func Main(a *analysis.Analyzer) {
	if wantsHelp(os.Args[1:]) {
		printNote(os.Stderr, a.Name)
	}
	singlechecker.Main(a)
}

func printNote(w io.Writer, name string) { fmt.Fprint(w, Note(name)) }

// wantsHelp reports whether the flags ask for the usage (as the flag
// package reads them: before the first non-flag argument).
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			return false
		}
		switch strings.TrimLeft(a, "-") {
		case "h", "help":
			return true
		}
	}
	return false
}
