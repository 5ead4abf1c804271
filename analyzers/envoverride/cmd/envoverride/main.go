// The envoverride command runs the envoverride analyzer alone.
//
//	envoverride ./...
//	go vet -vettool=$(command -v envoverride) ./...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/tokenlint/tokenlint/analyzers/envoverride"
)

func main() { singlechecker.Main(envoverride.Analyzer) }
