package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// A cold first run compiles the standard library and the AWS SDK for
// minutes before anything is printed. When a load takes longer than
// slowLoad, tokenlint says why on standard error, once, if a person is
// watching: standard error is a terminal, the output is text or github
// (never json or sarif, whose consumers are programs) and CI is not
// "true" (TOKENLINT_PROGRESS=1 asks for the notice even there).

const slowLoad = 2 * time.Second

const slowLoadNotice = "tokenlint: loading packages: the first run compiles dependencies (the standard library, the AWS SDK), which can take a few minutes; later runs use the build cache\n"

var notice struct {
	once sync.Once
	w    io.Writer // nil: no notice
}

// enableSlowNotice decides, for the run's format and standard error,
// whether a slow load prints the notice.
func enableSlowNotice(format string, stderr io.Writer) {
	if wantsNotice(format, stderr, os.Getenv) {
		notice.w = stderr
	}
}

func wantsNotice(format string, stderr io.Writer, getenv func(string) string) bool {
	if format == "json" || format == "sarif" {
		return false
	}
	if getenv("TOKENLINT_PROGRESS") == "1" {
		return true
	}
	if getenv("CI") == "true" {
		return false
	}
	f, ok := stderr.(*os.File)
	return ok && isTerminal(f)
}

// whileLoading prints the notice if load has not returned after slowLoad.
func whileLoading(load func()) {
	if notice.w == nil {
		load()
		return
	}
	timer := time.AfterFunc(slowLoad, func() {
		notice.once.Do(func() { fmt.Fprint(notice.w, slowLoadNotice) })
	})
	defer timer.Stop()
	load()
}
