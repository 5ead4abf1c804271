// The secretlog command runs the secretlog analyzer alone.
//
//	secretlog ./...
//	go vet -vettool=$(command -v secretlog) ./...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/tokenlint/tokenlint/analyzers/secretlog"
)

func main() { singlechecker.Main(secretlog.Analyzer) }
