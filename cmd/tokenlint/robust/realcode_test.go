package robust_test

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// realCodePatterns is a cheap smoke run over code no one here wrote, run
// in testdata/realcode, which pins the modules: the SDK packages that
// mint, cache and export credentials (v2 and v1), a few standard-library
// packages they build on, and the x/tools analysis framework tokenlint is
// built with. The engine skips the standard library and the SDK by design
// and x/tools imports no AWS package, so this run checks that the tool
// gets through such code (no panic, no error, no finding, both modes
// agree); the weight of real-code coverage is on code that uses the SDK:
// the consumer modules of internal/consumers. Every package here is one
// that the fixtures compile anyway, so a cold run pays little extra.
var realCodePatterns = []string{
	"net/http",
	"os/exec",
	"encoding/json",
	"github.com/aws/aws-sdk-go-v2/aws/...",
	"github.com/aws/aws-sdk-go-v2/config",
	"github.com/aws/aws-sdk-go-v2/credentials/...",
	"github.com/aws/aws-sdk-go-v2/service/sts",
	"github.com/aws/aws-sdk-go-v2/service/sso",
	"github.com/aws/aws-sdk-go/aws/credentials/...",
	"github.com/aws/aws-sdk-go/aws/session",
	"github.com/aws/aws-sdk-go/service/sts",
	"golang.org/x/tools/go/analysis",
	"golang.org/x/tools/go/ssa",
}

// TestRealCode runs tokenlint standalone and through go vet over
// realCodePatterns: no panic, no analyzer error, no timeout, the same
// findings in both modes, and every finding listed (with its
// justification) in testdata/realcode/realcode.golden.
func TestRealCode(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs tokenlint and go vet over SDK, std and x/tools packages")
	}
	bin := clitest.Tokenlint(t)
	dir, err := filepath.Abs(filepath.Join(clitest.RepoRoot(), "testdata", "realcode"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "-C", dir, "mod", "download").CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	normalize := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			l = strings.TrimPrefix(l, strings.TrimSpace(string(modcache))+"/")
			l = strings.TrimPrefix(l, filepath.Join(strings.TrimSpace(string(goroot)), "src")+"/")
			out = append(out, l)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}

	// A fresh copy of the tool for go vet: vet caches results by the
	// tool's content, and this test must see tokenlint really run.
	vetBin := filepath.Join(t.TempDir(), "tokenlint")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(vetBin, append(data, []byte(time.Now().String())...), 0o755); err != nil {
		t.Fatal(err)
	}

	runMode := func(name string, args ...string) []string {
		ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if ctx.Err() != nil {
			t.Fatalf("%s timed out", name)
		}
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		for _, bad := range []string{"panic:", "goroutine ", "internal error", "failed prerequisites"} {
			if strings.Contains(text, bad) {
				t.Fatalf("%s printed %q:\n%s", name, bad, clipOutput(text))
			}
		}
		found := clitest.Findings(text)
		// Anything else on the output is an error (a package that does
		// not load, an analyzer error).
		for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
			if l != "" && !clitest.FindingLine.MatchString(l) && !strings.HasPrefix(l, "#") {
				t.Errorf("%s: unexpected output line %q", name, l)
			}
		}
		if (len(found) > 0) != (code != 0) {
			t.Errorf("%s: exit code %d with %d findings", name, code, len(found))
		}
		return normalize(found)
	}
	standalone := runMode(bin, realCodePatterns...)
	vet := runMode("go", append([]string{"vet", "-vettool=" + vetBin}, realCodePatterns...)...)
	if !slices.Equal(standalone, vet) {
		t.Errorf("standalone and go vet disagree on real code\nstandalone:\n%s\ngo vet:\n%s", strings.Join(standalone, "\n"), strings.Join(vet, "\n"))
	}

	golden := readGolden(t, filepath.Join(dir, "realcode.golden"))
	for _, f := range standalone {
		if !slices.Contains(golden, f) {
			t.Errorf("new finding on real code (review it, then add it to realcode.golden with a justification):\n%s", f)
		}
	}
	for _, g := range golden {
		if !slices.Contains(standalone, g) {
			t.Errorf("finding listed in realcode.golden is gone (remove it if that is right):\n%s", g)
		}
	}
}

// readGolden returns the findings of a golden file: one per non-comment
// line, without the " -- justification" part, which is required.
func readGolden(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		finding, why, ok := strings.Cut(line, " -- ")
		if !ok || strings.TrimSpace(why) == "" {
			t.Errorf("%s: %q has no justification after ' -- '", name, line)
		}
		out = append(out, finding)
	}
	slices.Sort(out)
	return out
}

func clipOutput(s string) string {
	if len(s) > 4000 {
		return s[:4000] + "\n..."
	}
	return s
}
