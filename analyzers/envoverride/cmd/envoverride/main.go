// The envoverride command runs the envoverride analyzer alone, as x/tools'
// singlechecker:
//
//	envoverride ./...
//	go vet -vettool=$(command -v envoverride) ./...
//
// Prefer "tokenlint -envoverride ./...", which runs the same analyzer alone:
// standalone, this command loads and type-checks every package from
// source, the AWS SDK included (seconds to minutes, hundreds of MB),
// where tokenlint type-checks only the packages that can carry AWS
// credentials. Under go vet both cost about the same. "envoverride -help" says
// so too.
package main

import (
	"github.com/tokenlint/tokenlint/analyzers/envoverride"
	"github.com/tokenlint/tokenlint/internal/singlecmd"
)

func main() { singlecmd.Main(envoverride.Analyzer) }
