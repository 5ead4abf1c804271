// The secretlog command runs the secretlog analyzer alone, as x/tools'
// singlechecker:
//
//	secretlog ./...
//	go vet -vettool=$(command -v secretlog) ./...
//
// Prefer "tokenlint -secretlog ./...", which runs the same analyzer alone:
// standalone, this command loads and type-checks every package from
// source, the AWS SDK included (seconds to minutes, hundreds of MB),
// where tokenlint type-checks only the packages that can carry AWS
// credentials. Under go vet both cost about the same. "secretlog -help" says
// so too.
package main

import (
	"github.com/tokenlint/tokenlint/analyzers/secretlog"
	"github.com/tokenlint/tokenlint/internal/singlecmd"
)

func main() { singlecmd.Main(secretlog.Analyzer) }
