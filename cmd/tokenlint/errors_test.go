package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

func runIn(t *testing.T, bin, dir string, args ...string) (string, string, int) {
	t.Helper()
	return clitest.RunIn(t, bin, dir, args...)
}

// TestLoadErrorUnwrapped: when go list fails as a whole, the user reads
// the go command's message, not go/packages' wrapper around it
// ("err: exit status 1: stderr: go: ...").
func TestLoadErrorUnwrapped(t *testing.T) {
	bin := tokenlint(t)
	noMod := t.TempDir()
	if out, err := exec.Command("go", "-C", noMod, "env", "GOMOD").Output(); err != nil || strings.TrimSpace(string(out)) != os.DevNull {
		t.Skipf("%s is inside a module (go env GOMOD: %q, %v)", noMod, out, err)
	}
	badMod := t.TempDir()
	if err := os.WriteFile(filepath.Join(badMod, "go.mod"), []byte("module example.com/bad\n\ngo 1.26\n\nrequire nosuchversion\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, dir string
		want      string // stderr's prefix
	}{
		{"no go.mod", noMod, "tokenlint: go.mod file not found in current directory or any parent directory"},
		{"bad go.mod", badMod, "tokenlint: errors parsing go.mod:\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runIn(t, bin, tc.dir, ".")
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			if !strings.HasPrefix(stderr, tc.want) {
				t.Errorf("stderr = %q, want it to start with %q", stderr, tc.want)
			}
			for _, wrapper := range []string{"err: ", "exit status", "stderr: ", "go: "} {
				if strings.Contains(stderr, wrapper) {
					t.Errorf("stderr keeps go/packages' wrapper %q: %q", wrapper, stderr)
				}
			}
		})
	}
}
