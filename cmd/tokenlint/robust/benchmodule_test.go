package robust_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// TestDotlessModule runs tokenlint on bench/module, a module whose path
// ("benchmod") has no dot, like the standard library's: its packages must
// still be the user's (summaries and facts between them), in both modes.
// bench/module/EXPECTED lists its findings.
func TestDotlessModule(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads bench/module's dependencies")
	}
	bin := clitest.Tokenlint(t)
	dir, err := filepath.Abs(filepath.Join(clitest.RepoRoot(), "bench", "module"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "-C", dir, "mod", "download").CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "EXPECTED"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			want = append(want, l)
		}
	}
	slices.Sort(want)
	// A line whose message starts with a tab is a finding's trail.
	at := regexp.MustCompile(`^(\S+\.go:\d+):\d+: [^\t]`)
	lines := func(out string) []string {
		var got []string
		for _, l := range strings.Split(out, "\n") {
			if m := at.FindStringSubmatch(l); m != nil {
				got = append(got, strings.TrimPrefix(m[1], "./"))
			}
		}
		slices.Sort(got)
		return got
	}
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	if got := lines(string(out)); !slices.Equal(got, want) {
		t.Errorf("standalone on bench/module: got\n%s\nwant (EXPECTED)\n%s\noutput:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
	cmd = exec.Command("go", "vet", "-vettool="+clitest.FreshCopy(t, bin), "./...")
	cmd.Dir = dir
	out, _ = cmd.CombinedOutput()
	if got := lines(string(out)); !slices.Equal(got, want) {
		t.Errorf("go vet on bench/module: got\n%s\nwant (EXPECTED)\n%s\noutput:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
}
