package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// TestCacheReplay: in every output format, a run answered from the
// result cache prints byte for byte what the run that filled it printed,
// with the same exit code; the cache is in the user's cache directory,
// TOKENLINT_CACHE=off writes nothing there, and a
// cache that cannot be used is said once, on standard error, and the
// run goes on without it.
func TestCacheReplay(t *testing.T) {
	bin := tokenlint(t)
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{}, {"-json"}, {"-format=sarif"}, {"-format=github"}, {"-diff"}} {
		t.Run(strings.Join(append([]string{"flags"}, args...), " "), func(t *testing.T) {
			env := []string{"TOKENLINT_CACHE=" + t.TempDir(), "GOFLAGS=-mod=mod"}
			args := append(append([]string{"-C", examples}, args...), "./...")
			out1, err1, code1 := clitest.Exec(t, examples, env, bin, args...)
			out2, err2, code2 := clitest.Exec(t, examples, env, bin, args...)
			if out1 == "" || code1 == 1 {
				t.Fatalf("first run: exit %d, stdout:\n%s\nstderr:\n%s", code1, out1, err1)
			}
			if out1 != out2 || err1 != err2 || code1 != code2 {
				t.Errorf("the cached run differs:\nfirst (exit %d):\n%s%s\nsecond (exit %d):\n%s%s", code1, out1, err1, code2, out2, err2)
			}
		})
	}

	// The user's cache directory, with go's own build cache kept where
	// it is.
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	user := t.TempDir()
	env := []string{"TOKENLINT_CACHE=off", "XDG_CACHE_HOME=" + user, "GOCACHE=" + strings.TrimSpace(string(gocache)), "GOFLAGS=-mod=mod"}
	if _, stderr, code := clitest.Exec(t, examples, env, bin, "./..."); code != 3 || stderr != "" {
		t.Errorf("TOKENLINT_CACHE=off: exit %d, want 3; stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(user, "tokenlint")); err == nil {
		t.Errorf("TOKENLINT_CACHE=off wrote to the user's cache directory")
	}
	env[0] = "TOKENLINT_CACHE="
	clitest.Exec(t, examples, env, bin, "./...")
	if entries, err := os.ReadDir(filepath.Join(user, "tokenlint")); err != nil || len(entries) == 0 {
		t.Errorf("by default, the cache is not in the user's cache directory: %v %v", entries, err)
	}

	env = []string{"TOKENLINT_CACHE=relative/dir", "GOFLAGS=-mod=mod"}
	stdout, stderr, code := clitest.Exec(t, examples, env, bin, "./...")
	if code != 3 || len(clitest.Findings(stdout)) != 5 {
		t.Errorf("with an unusable cache: exit %d, want 3 and the five findings\n%s", code, stdout)
	}
	if !strings.Contains(stderr, "running without the result cache") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("an unusable cache is not said once:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(examples, "relative")); err == nil {
		t.Errorf("a relative cache directory was created in the module")
	}
}
