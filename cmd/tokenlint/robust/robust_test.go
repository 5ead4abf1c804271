package robust_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tokenlint/tokenlint/internal/clitest"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestPanicBecomesError: a panic inside the engine (forced by a test
// build) is reported as an error naming the analyzer, the package and the
// position; the other packages are still analysed; the exit code is 1.
func TestPanicBecomesError(t *testing.T) {
	clitest.Tokenlint(t) // downloads the fixtures' modules
	bin := filepath.Join(t.TempDir(), "tokenlint-panictest")
	{
		cmd := exec.Command("go", "build", "-tags", "tokenlint_panictest", "-o", bin, "github.com/tokenlint/tokenlint/cmd/tokenlint")
		cmd.Dir = clitest.RepoRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
	}
	// go vet caches a package's result by the tool's content, even when
	// the tool reported an error: give go vet a copy it has never seen.
	vetBin := filepath.Join(t.TempDir(), "tokenlint-panictest")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, []byte(time.Now().String())...)
	if err := os.WriteFile(vetBin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		cmd  []string
		out  func(stdout, stderr string) string
	}{
		{"standalone", []string{bin}, func(o, e string) string { return o + e }},
		{"go vet", []string{"go", "vet", "-vettool=" + vetBin}, func(o, e string) string { return o + e }},
	} {
		t.Run(mode.name, func(t *testing.T) {
			args := append(mode.cmd[1:], "./broken/panics", "./staticcreds/app")
			stdout, stderr, code := clitest.Run(t, mode.cmd[0], args...)
			all := mode.out(stdout, stderr)
			if code != 1 {
				t.Errorf("exit code = %d, want 1", code)
			}
			for _, want := range []string{
				"internal error in the tokenlint engine analysing package example.com/fixtures/broken/panics",
				"function TokenlintPanicTest at ",
				"panics.go:13:6",
				"app.go:21:20: static credentials built from sts.AssumeRole output", // the other package
			} {
				if !strings.Contains(all, want) {
					t.Errorf("output lacks %q:\n%s", want, all)
				}
			}
			if mode.name == "standalone" && !strings.Contains(stderr, "staticcreds: internal error") {
				t.Errorf("the error does not name the analyzer:\n%s", stderr)
			}
			if strings.Contains(all, "goroutine ") {
				t.Errorf("stack trace printed:\n%s", all)
			}
		})
	}
}

// TestDeterministic: the output is byte-for-byte the same across runs and
// GOMAXPROCS values, in every format.
func TestDeterministic(t *testing.T) {
	bin := clitest.Tokenlint(t)
	// The analysis is what could vary with scheduling: text runs under
	// four GOMAXPROCS settings; the other formats render the same sorted
	// findings, so two settings each suffice.
	for _, format := range []string{"text", "json", "sarif", "github"} {
		settings := []string{"1", "4"}
		if format == "text" {
			settings = []string{"1", "2", "4", "1"}
		}
		var first string
		for i, procs := range settings {
			cmd := exec.Command(bin, "-format="+format, "./staticcreds/...", "./envoverride/...", "./singletonclient/...")
			cmd.Dir = fixtures.Dir()
			cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs, "GOFLAGS=-mod=mod")
			out, _ := cmd.Output()
			if len(out) == 0 {
				t.Fatalf("-format=%s: no output", format)
			}
			if i == 0 {
				first = string(out)
			} else if string(out) != first {
				t.Errorf("-format=%s: output with GOMAXPROCS=%s differs from the first run", format, procs)
			}
		}
	}
}

const frozenSrc = `package p

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func Frozen(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
}
`

// TestBadInput: inputs that are wrong or unusual give a clear error or a
// correct result, never a stack trace.
func TestBadInput(t *testing.T) {
	bin := clitest.Tokenlint(t)
	runIn := func(dir string, args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if e, ok := err.(*exec.ExitError); ok {
			code = e.ExitCode()
		}
		if strings.Contains(errb.String(), "goroutine ") {
			t.Errorf("stack trace:\n%s", errb.String())
		}
		return out.String(), errb.String(), code
	}

	t.Run("module without go.sum entries", func(t *testing.T) {
		dir := clitest.NewModule(t, false, map[string]string{"p/p.go": frozenSrc})
		_, stderr, code := runIn(dir, "./...")
		if code != 1 || !strings.Contains(stderr, "missing go.sum entry") {
			t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and a missing go.sum entry error", code, stderr)
		}
	})

	t.Run("cgo", func(t *testing.T) {
		stdout, stderr, code := clitest.Run(t, bin, "./cgo/...")
		if code != 3 || !strings.Contains(stdout, "cgo/cgopkg/cgopkg.go:24:9: static credentials built from sts.AssumeRole output") {
			t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})

	t.Run("huge generated file", func(t *testing.T) {
		// 5,000 functions with findings in a generated file: skipped, and
		// the hand-written file beside it is still reported.
		var b strings.Builder
		b.WriteString("// Code generated by gen. DO NOT EDIT.\n\n")
		b.WriteString(strings.Replace(frozenSrc, "func Frozen(", "func frozen0(", 1))
		body := frozenSrc[strings.Index(frozenSrc, "func Frozen("):]
		for i := 1; i < 5000; i++ {
			b.WriteString(strings.Replace(body, "func Frozen(", "func frozen"+strconv.Itoa(i)+"(", 1))
		}
		dir := clitest.NewModule(t, true, map[string]string{
			"p/gen.go":  b.String(),
			"p/hand.go": "package p\n\n" + frozenSrc[strings.Index(frozenSrc, "import"):],
		})
		start := time.Now()
		stdout, stderr, code := runIn(dir, "./...")
		if code != 3 || len(clitest.Findings(stdout)) != 1 || !strings.HasPrefix(stdout, "p/hand.go:") {
			t.Errorf("exit %d, want 3 and one finding in hand.go\nstdout:\n%.2000s\nstderr:\n%.2000s", code, stdout, stderr)
		}
		t.Logf("5,000 generated functions analysed in %v", time.Since(start))
	})
}
