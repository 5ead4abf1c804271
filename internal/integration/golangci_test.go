package integration

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// The golangci-lint test builds a real golangci-lint v2.15.0 with the
// tokenlint module plugin compiled in, offline from the Go module proxy,
// with the wrapper main of docs/golangci-lint.md ("golangci-lint custom"
// would clone github.com), and runs it with that page's .golangci.yml on
// the fixture module, which compiles against the real AWS SDK. The page's
// snippets are read from between its marker comments, so the test checks
// what users copy.

const golangciDoc = "docs/golangci-lint.md"

var (
	golangciOnce  sync.Once
	golangciBin   string // the custom golangci-lint
	golangciCache string // its GOLANGCI_LINT_CACHE
	golangciErr   error
)

// golangciLint builds the custom golangci-lint once per test binary and
// returns its path and a result-cache directory of its own. (golangci-lint
// salts its cache with the version string alone, so with the shared cache
// a rebuilt binary would report an older tokenlint's findings.)
func golangciLint(t *testing.T) (bin, cache string) {
	t.Helper()
	golangciOnce.Do(func() {
		golangciErr = func() error {
			mainGo, err := golangciSnippet("main.go")
			if err != nil {
				return err
			}
			dir, err := os.MkdirTemp("", "tokenlint-golangci")
			if err != nil {
				return err
			}
			goMod := fmt.Sprintf(`module custom-gcl

go 1.26

require (
	github.com/golangci/golangci-lint/v2 v2.15.0
	github.com/tokenlint/tokenlint v0.0.0
)

replace github.com/tokenlint/tokenlint => %s
`, RepoRoot())
			for name, content := range map[string]string{"go.mod": goMod, "main.go": mainGo} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					return err
				}
			}
			bin := filepath.Join(dir, "custom-gcl")
			for _, args := range [][]string{{"mod", "tidy"}, {"build", "-o", bin, "."}} {
				start := time.Now()
				cmd := exec.Command("go", args...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GOWORK=off")
				if out, err := cmd.CombinedOutput(); err != nil {
					return fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
				}
				t.Logf("go %s: %s", strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
			}
			cache := filepath.Join(dir, "cache")
			if err := os.Mkdir(cache, 0o755); err != nil {
				return err
			}
			golangciBin, golangciCache = bin, cache
			return nil
		}()
	})
	if golangciErr != nil {
		t.Fatalf("building golangci-lint with the tokenlint plugin: %v", golangciErr)
	}
	return golangciBin, golangciCache
}

// golangciSnippet returns the fenced code block of docs/golangci-lint.md
// between "<!-- name begin -->" and "<!-- name end -->".
func golangciSnippet(name string) (string, error) {
	doc, err := os.ReadFile(filepath.Join(RepoRoot(), golangciDoc))
	if err != nil {
		return "", err
	}
	begin, end := "<!-- "+name+" begin -->", "<!-- "+name+" end -->"
	_, rest, ok1 := strings.Cut(string(doc), begin)
	block, _, ok2 := strings.Cut(rest, end)
	if !ok1 || !ok2 {
		return "", fmt.Errorf("%s: no %q ... %q markers", golangciDoc, begin, end)
	}
	block = strings.TrimSpace(block)
	first, body, _ := strings.Cut(block, "\n")
	body, ok := strings.CutSuffix(body, "```")
	if !strings.HasPrefix(first, "```") || !ok {
		return "", fmt.Errorf("%s: %s: want one fenced code block between the markers", golangciDoc, name)
	}
	return body, nil
}

// golangciConfig writes the page's .golangci.yml, with its
// "settings: {}" replaced by settings, into a temporary directory.
func golangciConfig(t *testing.T, settings string) string {
	t.Helper()
	cfg, err := golangciSnippet("golangci.yml")
	if err != nil {
		t.Fatal(err)
	}
	const empty = "settings: {}"
	if n := strings.Count(cfg, empty); n != 1 {
		t.Fatalf("%s: the .golangci.yml snippet should contain %q once, found it %d times", golangciDoc, empty, n)
	}
	path := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(path, []byte(strings.Replace(cfg, empty, "settings: "+settings, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A golangciIssue is one line of golangci-lint's text output.
type golangciIssue struct {
	File   string // as printed, with forward slashes
	Line   int
	Text   string // "<analyzer>: <message>"
	Linter string
}

var golangciIssueRE = regexp.MustCompile(`^(\S+\.go):(\d+):\d+: (.*) \((\w+)\)$`)

// golangciRun runs the custom golangci-lint in dir with the page's config
// (its settings replaced by settings) and returns its result and issues.
// The output is logged if the test fails.
func golangciRun(t *testing.T, dir, settings string, args ...string) (Result, []golangciIssue) {
	t.Helper()
	return golangciRunConfig(t, dir, golangciConfig(t, settings), settings, args...)
}

// golangciRunConfig is golangciRun with the configuration file config
// (settings only names it in the log).
func golangciRunConfig(t *testing.T, dir, config, settings string, args ...string) (Result, []golangciIssue) {
	t.Helper()
	bin, cache := golangciLint(t)
	args = append([]string{"run", "--config", config}, args...)
	start := time.Now()
	res := Run(t, dir, []string{"GOFLAGS=-mod=mod", "GOWORK=off", "GOLANGCI_LINT_CACHE=" + cache}, bin, args...)
	elapsed := time.Since(start).Round(time.Millisecond)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("in %s: custom-gcl %s (settings: %s): exit %d after %s\nstdout:\n%s\nstderr:\n%s",
				dir, strings.Join(args, " "), settings, res.Code, elapsed, res.Stdout, res.Stderr)
		}
	})
	var issues []golangciIssue
	sc := bufio.NewScanner(strings.NewReader(res.Stdout))
	for sc.Scan() {
		m := golangciIssueRE.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[2])
		issues = append(issues, golangciIssue{File: filepath.ToSlash(m[1]), Line: line, Text: m[3], Linter: m[4]})
	}
	return res, issues
}

// golangciFind returns the issues in a file ending in file (a slash path)
// whose text starts with prefix.
func golangciFind(issues []golangciIssue, file, prefix string) []golangciIssue {
	var out []golangciIssue
	for _, is := range issues {
		if strings.HasSuffix(is.File, "/"+file) && strings.HasPrefix(is.Text, prefix) {
			out = append(out, is)
		}
	}
	return out
}

// The fixture packages the run covers, each with the analyzer whose
// "// want" comments it carries and a finding every run expects.
var golangciFixtures = []struct {
	pattern, file, analyzer, finding string
}{
	{"./staticcreds/app/...", "staticcreds/app/app.go", "staticcreds", "staticcreds: static credentials built from sts.AssumeRole output"},
	{"./envoverride/exec/...", "envoverride/exec/exec.go", "envoverride", "envoverride: exec.Cmd.Env puts"},
	{"./singletonclient/v2/...", "singletonclient/v2/v2.go", "singletonclient", "singletonclient: package-level variable"},
}

func TestGolangciPlugin(t *testing.T) {
	SkipShort(t)
	bin, _ := golangciLint(t)
	fixtures := filepath.Join(RepoRoot(), "testdata", "src")
	var patterns []string
	for _, f := range golangciFixtures {
		patterns = append(patterns, f.pattern)
	}

	t.Run("ConfigVerify", func(t *testing.T) {
		res := Run(t, t.TempDir(), nil, bin, "config", "verify", "--config", golangciConfig(t, "{}"))
		if res.Code != 0 {
			t.Errorf("config verify of the page's .golangci.yml: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
		}
		res = Run(t, t.TempDir(), nil, bin, "linters", "--config", golangciConfig(t, "{}"))
		if res.Code != 0 || !strings.Contains(res.Stdout, "tokenlint") {
			t.Errorf("linters does not list tokenlint: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
		}
	})

	t.Run("Findings", func(t *testing.T) {
		res, issues := golangciRun(t, fixtures, "{}", patterns...)
		if res.Code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)", res.Code)
		}
		for _, f := range golangciFixtures {
			if len(golangciFind(issues, f.file, f.finding)) == 0 {
				t.Errorf("no %q finding in %s", f.finding, f.file)
			}
			// Every line the analyzer's own test expects a finding on
			// (a "// want" comment) has one through golangci-lint too.
			src, err := os.ReadFile(filepath.Join(fixtures, filepath.FromSlash(f.file)))
			if err != nil {
				t.Fatal(err)
			}
			reported := make(map[int]bool)
			for _, is := range golangciFind(issues, f.file, f.analyzer+": ") {
				reported[is.Line] = true
			}
			for i, line := range strings.Split(string(src), "\n") {
				if strings.Contains(line, "// want ") && !reported[i+1] {
					t.Errorf("%s:%d: no %s finding, but the fixture wants one", f.file, i+1, f.analyzer)
				}
			}
		}
		for _, is := range issues {
			if is.Linter != "tokenlint" {
				t.Errorf("issue from linter %q, want only tokenlint: %+v", is.Linter, is)
			}
		}
	})

	t.Run("Disable", func(t *testing.T) {
		res, issues := golangciRun(t, fixtures, "{disable: [staticcreds]}", patterns...)
		if res.Code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)", res.Code)
		}
		for _, is := range issues {
			if strings.HasPrefix(is.Text, "staticcreds: ") {
				t.Errorf("staticcreds is disabled but reported %s:%d: %s", is.File, is.Line, is.Text)
			}
		}
		for _, f := range golangciFixtures[1:] {
			if len(golangciFind(issues, f.file, f.finding)) == 0 {
				t.Errorf("no %q finding in %s", f.finding, f.file)
			}
		}
	})

	t.Run("ExecOff", func(t *testing.T) {
		res, issues := golangciRun(t, fixtures, "{envoverride: {exec: false}}", patterns...)
		if res.Code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)", res.Code)
		}
		for _, is := range issues {
			if strings.HasPrefix(is.Text, "envoverride: exec.Cmd.Env puts") || strings.HasPrefix(is.Text, "envoverride: syscall.Exec puts") {
				t.Errorf("envoverride.exec is false but reported %s:%d: %s", is.File, is.Line, is.Text)
			}
		}
		for _, f := range []int{0, 2} {
			f := golangciFixtures[f]
			if len(golangciFind(issues, f.file, f.finding)) == 0 {
				t.Errorf("no %q finding in %s", f.finding, f.file)
			}
		}
	})

	t.Run("Suppression", func(t *testing.T) {
		const finding = "staticcreds: static credentials built from sts.AssumeRole output"
		for _, tc := range []struct {
			name, comment string
			want          int // findings
		}{
			{"none", "", 1},
			{"nolint", " //nolint:tokenlint // handed to a short-lived child", 0},
			{"tokenlint:ignore", " //tokenlint:ignore staticcreds handed to a short-lived child", 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				dir, line := golangciSuppressionModule(t, tc.comment)
				res, issues := golangciRun(t, dir, "{}", "./...")
				if got := len(issues); got != tc.want {
					t.Errorf("%d findings, want %d", got, tc.want)
				}
				wantCode := 0 // clean
				if tc.want > 0 {
					wantCode = 1 // issues found
				}
				if res.Code != wantCode {
					t.Errorf("exit code %d, want %d", res.Code, wantCode)
				}
				if tc.want == 1 {
					found := golangciFind(issues, "app/app.go", finding)
					if len(found) != 1 || found[0].Line != line {
						t.Errorf("want a %q finding on app/app.go:%d", finding, line)
					}
				}
			})
		}
	})

	t.Run("Catalog", func(t *testing.T) {
		// The catalogue keys of docs/configuration.md in the settings: a
		// user source and a user log sink make findings that the same
		// packages do not have without them.
		const entries = `{sources: [{package: example.com/fixtures/config/broker, receiver: "*Client", function: Fetch}],` +
			` log_sinks: [{package: example.com/fixtures/config/audit, receiver: Logger, function: Record, arg: 1}]}`
		want := []struct{ file, finding string }{
			{"config/staticapp/staticapp.go", "staticcreds: static credentials built from broker.Client.Fetch result"},
			{"config/logapp/logapp.go", "secretlog: audit.Logger.Record logs a session token"},
		}
		_, plain := golangciRun(t, fixtures, "{}", "./config/staticapp", "./config/logapp")
		res, issues := golangciRun(t, fixtures, entries, "./config/staticapp", "./config/logapp")
		if res.Code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)", res.Code)
		}
		for _, w := range want {
			if got := len(golangciFind(issues, w.file, w.finding)); got == 0 {
				t.Errorf("with the entries: no %q finding in %s", w.finding, w.file)
			}
			if got := len(golangciFind(plain, w.file, w.finding)); got != 0 {
				t.Errorf("without the entries: %d %q findings in %s, want none", got, w.finding, w.file)
			}
		}
	})

	// golangci-lint's --fix applies the suggested fixes the plugin's
	// analyzers report (golangci-lint keeps them on its issues for any
	// go/analysis linter): on a copy of the staticcreds/fixes fixture the
	// result is the fixture's golden file, which the analyzer's own test
	// checks. golangci-lint gofmts a fixed file but removes no import
	// unless the goimports formatter is enabled, so a fix that takes away
	// the last use of a package builds only with it (docs/golangci-lint.md
	// says so).
	t.Run("Fix", func(t *testing.T) {
		dir := t.TempDir()
		write := func(name string, data []byte) {
			dst := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		read := func(root, name string) string {
			data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
		for _, name := range []string{"go.mod", "go.sum", "staticcreds/fixes/fixes.go"} {
			write(name, []byte(read(fixtures, name)))
		}
		write("lastuse/lastuse.go", []byte(clitest.LastUseSource))
		golden := read(fixtures, "staticcreds/fixes/fixes.go.golden")
		build := func() Result {
			return Run(t, dir, []string{"GOFLAGS=-mod=mod", "GOWORK=off"}, "go", "build", "./...")
		}

		_, before := golangciRun(t, dir, "{}", "./...")
		res, after := golangciRun(t, dir, "{}", "--fix", "./...")
		if got := read(dir, "staticcreds/fixes/fixes.go"); got != golden {
			t.Errorf("golangci-lint --fix wrote:\n%s\nwant fixes.go.golden:\n%s", got, golden)
		}
		// The findings without a fix are still reported; the fixed ones
		// are not. (Only findings count: a plugin that passes related
		// information on gets it printed as issues of their own.)
		nb, na := len(golangciFind(before, "fixes/fixes.go", "staticcreds: ")), len(golangciFind(after, "fixes/fixes.go", "staticcreds: "))
		if res.Code != 1 || nb != 8 || na != 4 {
			t.Errorf("--fix: exit %d with %d findings (before: %d), want 1 with the 4 of 8 that have no fix", res.Code, na, nb)
		}
		if got := read(dir, "lastuse/lastuse.go"); !strings.Contains(got, "aws.NewCredentialsCache(cfg.Credentials)") || !strings.Contains(got, `"github.com/aws/aws-sdk-go-v2/credentials"`) {
			t.Errorf("lastuse.go after --fix: want the fix applied and the import left:\n%s", got)
		}
		if b := build(); b.Code == 0 || !strings.Contains(b.Stderr, "imported and not used") {
			t.Errorf("go build after --fix without goimports: exit %d, want the unused import\n%s", b.Code, b.Stderr)
		}

		// With the goimports formatter, as the page advises for --fix.
		write("lastuse/lastuse.go", []byte(clitest.LastUseSource))
		cfg := golangciConfig(t, "{}")
		if err := os.WriteFile(cfg, []byte(read(filepath.Dir(cfg), ".golangci.yml")+"formatters:\n  enable: [goimports]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		golangciRunConfig(t, dir, cfg, "{} + goimports", "--fix", "./...")
		if got := read(dir, "lastuse/lastuse.go"); strings.Contains(got, `"github.com/aws/aws-sdk-go-v2/credentials"`) || !strings.Contains(got, "aws.NewCredentialsCache(cfg.Credentials)") {
			t.Errorf("lastuse.go after --fix with goimports:\n%s", got)
		}
		if b := build(); b.Code != 0 {
			t.Errorf("go build on the fixed module: exit %d\n%s%s", b.Code, b.Stdout, b.Stderr)
		}
	})

	t.Run("BadSettings", func(t *testing.T) {
		for _, tc := range []struct {
			settings string
			want     []string
		}{
			{"{bogus: 1}", []string{`unknown field "bogus"`}},
			{"{envoverride: {exec: false, children: true}}", []string{`unknown field "children"`}},
			{"{disable: [envtoken]}", []string{`"envtoken"`, "staticcreds, envoverride, singletonclient"}},
			{"{singletonclient: {services: ec2}}", []string{"services", `"ec2"`}},
			{"{sources: [{package: example.com/b, func: Fetch}]}", []string{"settings: sources[0].func: unknown key (valid: package, receiver, function, result, field, label, fix)"}},
		} {
			res, issues := golangciRun(t, fixtures, tc.settings, golangciFixtures[0].pattern)
			if res.Code != 3 {
				t.Errorf("settings %s: exit code %d, want 3 (failure)", tc.settings, res.Code)
			}
			if len(issues) != 0 {
				t.Errorf("settings %s: %d issues reported, want none", tc.settings, len(issues))
			}
			for _, w := range tc.want {
				if !strings.Contains(res.Stderr, w) {
					t.Errorf("settings %s: the error does not mention %s", tc.settings, w)
				}
			}
		}
	})
}

// golangciSuppressionModule writes a module with the fixtures' go.mod and
// go.sum (so it builds against the real SDK) and one finding, followed on
// its line by comment, and returns its directory and the finding's line.
func golangciSuppressionModule(t *testing.T, comment string) (dir string, line int) {
	t.Helper()
	dir = t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(RepoRoot(), "testdata", "src", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := `// Package app freezes AssumeRole output into a static provider.
package app

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func Provider(ctx context.Context, c *sts.Client) (aws.CredentialsProvider, error) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return nil, err
	}
	k := out.Credentials
	return credentials.NewStaticCredentialsProvider(*k.AccessKeyId, *k.SecretAccessKey, *k.SessionToken), nil` + comment + `
}
`
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "NewStaticCredentialsProvider") {
			line = i + 1
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app", "app.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, line
}
