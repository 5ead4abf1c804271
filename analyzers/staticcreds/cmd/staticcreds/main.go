// The staticcreds command runs the staticcreds analyzer alone.
//
//	staticcreds ./...
//	go vet -vettool=$(command -v staticcreds) ./...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/tokenlint/tokenlint/analyzers/staticcreds"
)

func main() { singlechecker.Main(staticcreds.Analyzer) }
