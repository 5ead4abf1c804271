package integration

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// TestActionScripts runs the action's own scripts (action/install.sh and
// action/run.sh, what action.yml's steps run) as the runner would: in a
// git repository holding a copy of examples/, with the environment
// variables that action.yml sets and fake GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_PATH files, whose contents it checks.
func TestActionScripts(t *testing.T) {
	SkipShort(t)
	for _, tool := range []string{"git", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is not installed", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
	root := RepoRoot()
	repo := t.TempDir()
	copyTree(t, filepath.Join(root, "examples"), repo)
	git := func(args ...string) string {
		t.Helper()
		r := Run(t, repo, []string{"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com"}, "git", args...)
		if r.Code != 0 {
			t.Fatalf("git %v: exit %d\n%s%s", args, r.Code, r.Stdout, r.Stderr)
		}
		return strings.TrimSpace(r.Stdout)
	}
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	base := git("rev-parse", "HEAD")
	// The pull request: lines added above the old findings, and one new
	// finding.
	report := filepath.Join(repo, "report", "report.go")
	src := clitest.ReadFile(t, report)
	src = strings.Replace(src, "\nimport (", "\n// Added by the pull request.\n\nimport (", 1)
	src += `
// Added by the pull request: a new finding.
func addedByPR(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v, _ := cfg.Credentials.Retrieve(ctx)
	return credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken)
}
`
	writeFile(t, report, src)
	git("commit", "-q", "-am", "head")

	gobin := t.TempDir()
	ghDir := t.TempDir()
	files := map[string]string{}
	for _, f := range []string{"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_PATH"} {
		files[f] = filepath.Join(ghDir, f)
	}
	reset := func() {
		for _, f := range files {
			writeFile(t, f, "")
		}
	}
	// action.yml's env: for each step; inputs at their defaults unless set.
	env := func(extra ...string) []string {
		e := []string{
			"GITHUB_ACTION_PATH=" + root,
			"GITHUB_OUTPUT=" + files["GITHUB_OUTPUT"],
			"GITHUB_STEP_SUMMARY=" + files["GITHUB_STEP_SUMMARY"],
			"GITHUB_PATH=" + files["GITHUB_PATH"],
			"GOBIN=" + gobin,
			"GOFLAGS=-mod=mod",
			"PATH=" + gobin + string(os.PathListSeparator) + os.Getenv("PATH"),
			"TOKENLINT_VERSION=",
			"TOKENLINT_SARIF=true",
			"TOKENLINT_FAIL_ON_FINDINGS=true",
			"TOKENLINT_ONLY_NEW=false",
			"TOKENLINT_ARGS=",
			"TOKENLINT_PACKAGES=./...",
			"TOKENLINT_SARIF_FILE=tokenlint.sarif",
			"TOKENLINT_BASE=",
		}
		return append(e, extra...)
	}
	script := func(name string, extra []string, args ...string) Result {
		t.Helper()
		r := Run(t, repo, env(extra...), "bash", append([]string{filepath.Join(root, "action", name)}, args...)...)
		t.Logf("%s %v %v: exit %d\n%s%s", name, args, extra, r.Code, r.Stdout, r.Stderr)
		return r
	}
	outputs := func() map[string]string {
		out := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(clitest.ReadFile(t, files["GITHUB_OUTPUT"])), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				out[k] = v
			}
		}
		return out
	}

	// Install: the action's own ref, built from its checkout.
	reset()
	r := script("install.sh", []string{"TOKENLINT_ACTION_REF=v0.1.0"})
	if r.Code != 0 || !regexp.MustCompile(`(?m)^tokenlint version v\d+\.\d+\.\d+`).MatchString(r.Stdout) {
		t.Fatalf("install.sh: exit %d, want 0 and tokenlint's version", r.Code)
	}
	if got := strings.TrimSpace(clitest.ReadFile(t, files["GITHUB_PATH"])); got != gobin {
		t.Errorf("GITHUB_PATH = %q, want %q", got, gobin)
	}
	if _, err := os.Stat(filepath.Join(gobin, "tokenlint")); err != nil {
		t.Errorf("no tokenlint in GOBIN: %v", err)
	}
	for _, tc := range []struct {
		env  []string
		want string
	}{
		{[]string{"TOKENLINT_SARIF=yes"}, "::error title=tokenlint::input sarif must be 'true' or 'false'"},
		{[]string{"TOKENLINT_ONLY_NEW=true"}, "::error title=tokenlint::input only-new needs sarif: 'false'"},
	} {
		reset()
		if r := script("install.sh", tc.env); r.Code != 1 || !strings.Contains(r.Stdout, tc.want) {
			t.Errorf("install.sh %v: exit %d, want 1 and %q", tc.env, r.Code, tc.want)
		}
	}

	// SARIF: every finding of the head (the examples' five, as the README's
	// quick start shows and TestQuickStart checks, and the new one).
	reset()
	r = script("run.sh", nil, "sarif")
	out := outputs()
	sarifFile := filepath.Join(repo, "tokenlint.sarif")
	if r.Code != 0 || out["exit-code"] != "3" || out["findings"] != "6" || out["sarif-file"] != sarifFile {
		t.Errorf("run.sh sarif: exit %d, GITHUB_OUTPUT %v; want 0, exit-code=3, findings=6, sarif-file=%s", r.Code, out, sarifFile)
	}
	var log struct {
		Runs []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(clitest.ReadFile(t, sarifFile)), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 6 {
		t.Errorf("SARIF file: %v, want one run with 6 results", err)
	}
	if got := clitest.ReadFile(t, files["GITHUB_STEP_SUMMARY"]); got != "**tokenlint**: 6 finding(s).\n" {
		t.Errorf("GITHUB_STEP_SUMMARY = %q", got)
	}

	// Annotations, only-new against the base commit: the one new finding.
	reset()
	r = script("run.sh", []string{"TOKENLINT_SARIF=false", "TOKENLINT_ONLY_NEW=true", "TOKENLINT_BASE=" + base}, "annotations")
	out = outputs()
	annotations := regexp.MustCompile(`(?m)^::error file=report/report\.go,line=(\d+),.*title=tokenlint staticcreds::`).FindAllStringSubmatch(r.Stdout, -1)
	if r.Code != 3 || out["exit-code"] != "3" || out["findings"] != "1" || len(annotations) != 1 {
		t.Fatalf("run.sh annotations only-new: exit %d, GITHUB_OUTPUT %v, %d annotations; want 3, exit-code=3, findings=1 and one annotation", r.Code, out, len(annotations))
	}
	if want := lineOf(t, report, "v.AccessKeyID, v.SecretAccessKey, v.SessionToken"); annotations[0][1] != want {
		t.Errorf("the annotation is on line %s, want the new finding's line %s", annotations[0][1], want)
	}
	if got, want := clitest.ReadFile(t, files["GITHUB_STEP_SUMMARY"]), "**tokenlint**: 1 finding(s) new since "+base[:12]+".\n"; got != want {
		t.Errorf("GITHUB_STEP_SUMMARY = %q, want %q", got, want)
	}
	if wt := git("worktree", "list", "--porcelain"); strings.Count(wt, "worktree ") != 1 {
		t.Errorf("the base worktree is left behind:\n%s", wt)
	}

	// fail-on-findings 'false': reported, and the step passes.
	reset()
	r = script("run.sh", []string{"TOKENLINT_SARIF=false", "TOKENLINT_ONLY_NEW=true", "TOKENLINT_BASE=" + base, "TOKENLINT_FAIL_ON_FINDINGS=false"}, "annotations")
	if out := outputs(); r.Code != 0 || out["exit-code"] != "3" || out["findings"] != "1" {
		t.Errorf("fail-on-findings false: exit %d, GITHUB_OUTPUT %v; want 0, exit-code=3, findings=1", r.Code, out)
	}

	// only-new without a base: all findings, with a warning.
	reset()
	r = script("run.sh", []string{"TOKENLINT_SARIF=false", "TOKENLINT_ONLY_NEW=true", "TOKENLINT_FAIL_ON_FINDINGS=false"}, "annotations")
	if out := outputs(); r.Code != 0 || out["findings"] != "6" || !strings.Contains(r.Stdout, "::warning title=tokenlint::only-new: no base commit") {
		t.Errorf("only-new without base: exit %d, GITHUB_OUTPUT %v; want 0, findings=6 and a warning", r.Code, out)
	}

	// An error: no findings output, the step fails, the summary says so.
	reset()
	r = script("run.sh", []string{"TOKENLINT_ARGS=-no-such-flag"}, "sarif")
	if out := outputs(); r.Code != 1 || out["exit-code"] != "1" || out["findings"] != "" || !strings.Contains(clitest.ReadFile(t, files["GITHUB_STEP_SUMMARY"]), "failed with exit status 1") {
		t.Errorf("bad flag: exit %d, GITHUB_OUTPUT %v, summary %q", r.Code, out, clitest.ReadFile(t, files["GITHUB_STEP_SUMMARY"]))
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lineOf returns the number of the first line of a file holding s.
func lineOf(t *testing.T, name, s string) string {
	t.Helper()
	for i, l := range strings.Split(clitest.ReadFile(t, name), "\n") {
		if strings.Contains(l, s) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("%s has no line with %q", name, s)
	return ""
}
