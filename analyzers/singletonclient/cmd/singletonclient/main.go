// The singletonclient command runs the singletonclient analyzer alone.
//
//	singletonclient ./...
//	go vet -vettool=$(command -v singletonclient) ./...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/tokenlint/tokenlint/analyzers/singletonclient"
)

func main() { singlechecker.Main(singletonclient.Analyzer) }
