package consumers_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// goldenEnv names a file to which a failing TestConsumers writes a
// candidate golden file.
const goldenEnv = "TOKENLINT_CONSUMERS_GOLDEN"

// A line whose message starts with a tab is related information (a
// finding's trail), as go vet prints it, not a finding.
var findingLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): ([^\t].*)$`)

var relatedLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): \t`)

// TestConsumers downloads the consumer modules pinned in
// testdata/consumers through the Go module proxy and runs tokenlint on
// their packages that use AWS credentials (testdata/consumers/packages.txt),
// standalone twice (the second from the result cache the first filled)
// and through go vet once. It requires: no panic and no error, the same
// findings in both modes, byte-identical standalone runs,
// and every finding listed with a reviewed verdict in consumers.golden.
func TestConsumers(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: downloads and analyses public modules that use the AWS SDKs")
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(repo, "testdata", "consumers")
	ctx, cancel := testContext(t)
	defer cancel()

	pkgs := readPackages(t, filepath.Join(dir, "packages.txt"))
	checkPackages(ctx, t, dir, pkgs)

	bin := filepath.Join(t.TempDir(), "tokenlint")
	if out, err := command(ctx, repo, "go", "build", "-o", bin, "./cmd/tokenlint").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// A fresh copy of the tool for go vet: vet caches results by the
	// tool's content, and this test must see tokenlint really run.
	vetBin := filepath.Join(t.TempDir(), "tokenlint")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(vetBin, append(data, time.Now().String()...), 0o755); err != nil {
		t.Fatal(err)
	}

	modcache := goEnv(ctx, t, dir, "GOMODCACHE")
	// The first run fills an empty result cache, the second answers from
	// it: the cache replays exactly what the analysis found.
	t.Setenv("TOKENLINT_CACHE", t.TempDir())
	first := run(ctx, t, dir, bin, pkgs...)
	second := run(ctx, t, dir, bin, pkgs...)
	if !bytes.Equal(first.stdout, second.stdout) {
		t.Errorf("a run answered from the cache differs from the run that filled it:\nfirst:\n%s\nsecond:\n%s", first.stdout, second.stdout)
	}
	vet := run(ctx, t, dir, "go", append([]string{"vet", "-vettool=" + vetBin}, pkgs...)...)

	standalone := normalize(dir, modcache, findings(first.stdout))
	vetted := normalize(dir, modcache, findings(vet.stderr))
	checkRun(t, "tokenlint", first, standalone, 3)
	checkTrailNames(t, first.stdout)
	checkRun(t, "go vet", vet, vetted, 1)
	if len(first.stderr) > 0 {
		t.Errorf("tokenlint wrote to standard error:\n%s", clip(first.stderr))
	}
	if !slices.Equal(standalone, vetted) {
		t.Errorf("standalone and go vet disagree\nstandalone:\n%s\ngo vet:\n%s", strings.Join(standalone, "\n"), strings.Join(vetted, "\n"))
	}
	checkGolden(t, repo, filepath.Join(dir, "consumers.golden"), standalone)
}

// testContext bounds the child processes by the test's deadline, with
// time left to report.
func testContext(t *testing.T) (context.Context, context.CancelFunc) {
	if d, ok := t.Deadline(); ok {
		return context.WithDeadline(context.Background(), d.Add(-30*time.Second))
	}
	return context.WithCancel(context.Background())
}

func command(ctx context.Context, dir, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

// readPackages returns the package paths listed in name.
func readPackages(t *testing.T, name string) []string {
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			pkgs = append(pkgs, line)
		}
	}
	if len(pkgs) == 0 {
		t.Fatalf("%s lists no packages", name)
	}
	return pkgs
}

// checkPackages downloads what the packages need (and only that) and
// requires each to use AWS credentials: to depend on an AWS SDK, or to
// name the session-token variable, as the engine's relevance rule says.
func checkPackages(ctx context.Context, t *testing.T, dir string, pkgs []string) {
	format := `{{.ImportPath}}{{range .Deps}}{{if or (eq . "github.com/aws/aws-sdk-go/aws") (eq . "github.com/aws/aws-sdk-go-v2/aws")}} sdk{{end}}{{end}}{{range .GoFiles}} {{$.Dir}}/{{.}}{{end}}`
	out, err := command(ctx, dir, "go", append([]string{"list", "-f", format}, pkgs...)...).Output()
	if err != nil {
		t.Fatalf("go list (download through the proxy): %v\n%s", err, stderrOf(err))
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if slices.Contains(fields, "sdk") || namesToken(fields[1:]) {
			continue
		}
		t.Errorf("%s neither depends on an AWS SDK nor names AWS_SESSION_TOKEN: remove it from packages.txt", fields[0])
	}
}

func namesToken(files []string) bool {
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil && bytes.Contains(data, []byte("AWS_SESSION_TOKEN")) {
			return true
		}
	}
	return false
}

func goEnv(ctx context.Context, t *testing.T, dir, name string) string {
	out, err := command(ctx, dir, "go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

type result struct {
	stdout, stderr []byte
	code           int
}

func run(ctx context.Context, t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := command(ctx, dir, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s timed out\n%s", name, clip(stderr.Bytes()))
	}
	r := result{stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		r.code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r
}

// checkRun requires a run without panics or errors and with the exit code
// its findings call for.
func checkRun(t *testing.T, name string, r result, found []string, findingsCode int) {
	t.Helper()
	text := string(r.stdout) + string(r.stderr)
	for _, bad := range []string{"panic:", "goroutine ", "internal error", "failed prerequisites"} {
		if strings.Contains(text, bad) {
			t.Fatalf("%s printed %q:\n%s", name, bad, clip([]byte(text)))
		}
	}
	// Anything but findings and go vet's package headers is an error (a
	// package that does not load, an analyzer error).
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		if l != "" && !findingLine.MatchString(l) && !relatedLine.MatchString(l) && !strings.HasPrefix(l, "#") {
			t.Errorf("%s: unexpected output line %q", name, l)
		}
	}
	want := 0
	if len(found) > 0 {
		want = findingsCode
	}
	if r.code != want {
		t.Errorf("%s: exit code %d with %d findings, want %d", name, r.code, len(found), want)
	}
}

// checkTrailNames requires the standalone trail lines of steps inside
// the consumer modules (all in the module cache) to name their files
// module@version/file, never by a path into this machine's cache.
func checkTrailNames(t *testing.T, out []byte) {
	t.Helper()
	n := 0
	for _, l := range strings.Split(string(out), "\n") {
		m := relatedLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if filepath.IsAbs(m[1]) {
			t.Errorf("trail line names a machine path: %s", l)
		}
		if strings.Contains(m[1], "@v") {
			n++
		}
	}
	if n == 0 {
		t.Errorf("no trail line names a module@version file; output:\n%s", clip(out))
	}
}

// findings extracts the findings of an output, each with its trail: the
// finding's line, then one line for each step, "\t" + "file:line:col: step".
func findings(out []byte) []string {
	var entries []string
	for _, l := range strings.Split(string(out), "\n") {
		switch {
		case findingLine.MatchString(l):
			entries = append(entries, l)
		case relatedLine.MatchString(l) && len(entries) > 0:
			entries[len(entries)-1] += "\n\t" + strings.Replace(l, ": \t", ": ", 1)
		}
	}
	return entries
}

// normalize makes findings and their trails independent of the machine:
// module-cache paths become module@version/file, and the list is sorted.
func normalize(dir, modcache string, entries []string) []string {
	var out []string
	for _, e := range entries {
		lines := strings.Split(e, "\n")
		for i, l := range lines {
			prefix, l := "", l
			if i > 0 {
				prefix, l = "\t", strings.TrimPrefix(l, "\t")
			}
			m := findingLine.FindStringSubmatch(l)
			lines[i] = fmt.Sprintf("%s%s:%s:%s: %s", prefix, moduleFile(dir, modcache, m[1]), m[2], m[3], m[4])
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// moduleFile names a file of the module cache module@version/file. A
// trail step the standalone driver prints is named so already.
func moduleFile(dir, modcache, file string) string {
	if !filepath.IsAbs(file) {
		if strings.Contains(file, "@v") {
			return file
		}
		file = filepath.Join(dir, file)
	}
	if rel, err := filepath.Rel(modcache, file); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return file
}

// checkGolden compares the findings with the reviewed golden file and
// says, on a mismatch, what to review and how to get a candidate file.
func checkGolden(t *testing.T, repo, name string, found []string) {
	g, err := readGolden(name, repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range g.problems {
		t.Error(p)
	}
	added, vanished := g.diff(found)
	if len(added) == 0 && len(vanished) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s is out of date: %d new, %d vanished finding(s).\n", filepath.Base(name), len(added), len(vanished))
	if len(added) > 0 {
		b.WriteString("new (read the code behind each, then add it with a verdict):\n")
		for _, f := range added {
			fmt.Fprintf(&b, "  + %s\n", f)
		}
	}
	if len(vanished) > 0 {
		b.WriteString("vanished (check the engine change explains it, then remove it):\n")
		for _, f := range vanished {
			fmt.Fprintf(&b, "  - %s -- was %s\n", f, g.verdict[f])
		}
	}
	if out := os.Getenv(goldenEnv); out != "" {
		if err := os.WriteFile(out, []byte(g.candidate(header(name), found)), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "wrote a candidate golden file to %s: review its TODO and RECHECK lines, then copy it to %s", out, name)
	} else {
		fmt.Fprintf(&b, "candidate golden file (verdicts kept, new findings marked TODO):\n  %s=/tmp/consumers.golden go test ./internal/consumers -run TestConsumers", goldenEnv)
	}
	t.Error(b.String())
}

func stderrOf(err error) []byte {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.Stderr
	}
	return nil
}

func clip(b []byte) string {
	if len(b) > 4000 {
		return string(b[:4000]) + "\n..."
	}
	return string(b)
}
