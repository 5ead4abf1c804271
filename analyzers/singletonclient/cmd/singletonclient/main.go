// The singletonclient command runs the singletonclient analyzer alone, as x/tools'
// singlechecker:
//
//	singletonclient ./...
//	go vet -vettool=$(command -v singletonclient) ./...
//
// Prefer "tokenlint -singletonclient ./...", which runs the same analyzer alone:
// standalone, this command loads and type-checks every package from
// source, the AWS SDK included (seconds to minutes, hundreds of MB),
// where tokenlint type-checks only the packages that can carry AWS
// credentials. Under go vet both cost about the same. "singletonclient -help" says
// so too.
package main

import (
	"github.com/tokenlint/tokenlint/analyzers/singletonclient"
	"github.com/tokenlint/tokenlint/internal/singlecmd"
)

func main() { singlecmd.Main(singletonclient.Analyzer) }
