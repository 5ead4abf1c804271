// The staticcreds command runs the staticcreds analyzer alone, as x/tools'
// singlechecker:
//
//	staticcreds ./...
//	go vet -vettool=$(command -v staticcreds) ./...
//
// Prefer "tokenlint -staticcreds ./...", which runs the same analyzer alone:
// standalone, this command loads and type-checks every package from
// source, the AWS SDK included (seconds to minutes, hundreds of MB),
// where tokenlint type-checks only the packages that can carry AWS
// credentials. Under go vet both cost about the same. "staticcreds -help" says
// so too.
package main

import (
	"github.com/tokenlint/tokenlint/analyzers/staticcreds"
	"github.com/tokenlint/tokenlint/internal/singlecmd"
)

func main() { singlecmd.Main(staticcreds.Analyzer) }
