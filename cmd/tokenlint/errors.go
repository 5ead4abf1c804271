package main

import (
	"strings"

	"github.com/tokenlint/tokenlint/internal/driver"
)

// How load, type and analyzer errors reach the user.

// relative shortens a file name as go vet prints it.
func relative(name string) string { return driver.Relative(name) }

// ignorableErr reports whether an analyzer failed only because its
// package had errors, which are already reported.
func ignorableErr(p *driver.Package) bool { return p.IllTyped }

// loadError renders an error of packages.Load as the go command's own
// message: go/packages wraps a failed "go list" as
// "err: exit status 1: stderr: go: <message>", which says nothing more
// to the user than "<message>" does.
func loadError(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "err: "); ok {
		if _, stderr, ok := strings.Cut(rest, "stderr: "); ok {
			msg = stderr
		}
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		lines = append(lines, strings.TrimPrefix(strings.TrimRight(l, " \t\r"), "go: "))
	}
	return strings.Join(lines, "\n")
}
