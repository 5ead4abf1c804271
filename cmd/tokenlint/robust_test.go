package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPanicBecomesError: a panic inside the engine (forced by a test
// build) is reported as an error naming the analyzer, the package and the
// position; the other packages are still analysed; the exit code is 1.
func TestPanicBecomesError(t *testing.T) {
	tokenlint(t) // downloads the fixtures' modules
	bin := filepath.Join(binDir, "tokenlint-panictest")
	if _, err := os.Stat(bin); err != nil {
		cmd := exec.Command("go", "build", "-tags", "tokenlint_panictest", "-o", bin, ".")
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
			stdout, stderr, code := run(t, mode.cmd[0], args...)
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
	bin := tokenlint(t)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		var first string
		for i, procs := range []string{"1", "2", "4", "1"} {
			cmd := exec.Command(bin, "-format="+format, "./staticcreds/...", "./envoverride/...", "./singletonclient/...")
			cmd.Dir = fixturesDir(t)
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
