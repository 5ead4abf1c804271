// Package integration holds tokenlint's end-to-end tests of its delivery
// channels (golangci-lint, pre-commit, the GitHub Action), each run with
// the real tool. They are slow and skipped under "go test -short"; .ci/run
// runs them.
package integration

import (
	"os"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// RepoRoot returns the absolute path of the tokenlint repository.
func RepoRoot() string { return clitest.RepoRoot() }

// Result is what a command printed and its exit code.
type Result struct {
	Stdout, Stderr string
	Code           int
}

// Run runs a command in dir with extra environment variables and returns
// its output and exit code; it fails the test only if the command could
// not be started.
func Run(t testing.TB, dir string, env []string, name string, args ...string) Result {
	t.Helper()
	stdout, stderr, code := clitest.Exec(t, dir, env, name, args...)
	return Result{Stdout: stdout, Stderr: stderr, Code: code}
}

// SkipShort skips slow integration tests under -short.
func SkipShort(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: skipped with -short")
	}
}

// RequireTool is called when a tool the test needs is not on PATH: it
// skips the test and says how to get the tool, except under CI=true, where
// a missing tool fails the test (.ci/run installs every tool the
// integration tests need, so a skip there would hide a broken install).
func RequireTool(t testing.TB, tool, how string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not on PATH (CI=true, so this is a failure, not a skip): %s", tool, how)
	}
	t.Skipf("%s is not on PATH: %s; skipped (under CI=true this fails)", tool, how)
}
