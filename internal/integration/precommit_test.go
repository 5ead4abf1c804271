package integration

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The pre-commit tests run the real pre-commit (Debian's package, 3.0.4 on
// bookworm) against the repository's .pre-commit-hooks.yaml, the way a user's
// .pre-commit-config.yaml does: pre-commit clones the hook repository at
// rev, runs "go install ./..." in it with a GOPATH of its own, then runs
// "tokenlint ./..." in the user's repository on every commit that stages a
// .go file. docs/pre-commit.md documents the same setup.

// precommitFinding is the start of the staticcreds message that the bad
// commit must show.
const precommitFinding = "static credentials built from sts.AssumeRole output (main.go:12) never refresh"

// precommitBad builds a static provider from AssumeRole output: reported.
const precommitBad = `package main

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func provider(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
}

func main() { _ = provider }
`

// precommitFixed uses long-lived keys and no session token: not reported.
const precommitFixed = `package main

import (
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

func provider() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(os.Getenv("K"), os.Getenv("S"), "")
}

func main() { _ = provider }
`

// preCommit returns the path of pre-commit. The test installs nothing:
// .ci/run installs Debian's pre-commit package before it runs the tests.
// Without pre-commit on PATH the test is skipped and says why, except
// under CI=true, where a missing tool is a failure.
func preCommit(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("pre-commit")
	if err != nil {
		RequireTool(t, "pre-commit", "install Debian's pre-commit package (apt-get install pre-commit), as .ci/run does")
	}
	return p
}

// precommitGit runs git in dir and fails the test if it fails.
func precommitGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := Run(t, dir, nil, "git", args...)
	if r.Code != 0 {
		t.Fatalf("git %s (in %s): exit %d\n%s%s", strings.Join(args, " "), dir, r.Code, r.Stdout, r.Stderr)
	}
	return strings.TrimSpace(r.Stdout)
}

// precommitInitRepo makes dir a git repository with a local identity, so
// that commits work whatever the user's global configuration.
func precommitInitRepo(t *testing.T, dir string) {
	t.Helper()
	precommitGit(t, dir, "init", "-q")
	precommitGit(t, dir, "config", "user.name", "tokenlint test")
	precommitGit(t, dir, "config", "user.email", "tokenlint-test@example.com")
	precommitGit(t, dir, "config", "commit.gpgsign", "false")
}

func precommitWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// precommitHookRepo returns the hook repository and the rev for
// .pre-commit-config.yaml: the tokenlint repository at its HEAD commit,
// which is what a clean CI clone tests. pre-commit clones the rev, so only
// committed files count; until .pre-commit-hooks.yaml itself is committed,
// it falls back to a commit of the working tree in a scratch repository.
func precommitHookRepo(t *testing.T) (repo, rev string) {
	t.Helper()
	root := RepoRoot()
	head := precommitGit(t, root, "rev-parse", "HEAD")
	if Run(t, root, nil, "git", "cat-file", "-e", "HEAD:.pre-commit-hooks.yaml").Code == 0 {
		t.Logf("hook repository: %s at HEAD %s (uncommitted changes are not tested)", root, head)
		return root, head
	}
	t.Logf("HEAD %s has no .pre-commit-hooks.yaml yet: testing a commit of the working tree instead", head)
	snap := t.TempDir()
	files := precommitGit(t, root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	for _, rel := range strings.Split(files, "\x00") {
		if rel == "" {
			continue
		}
		src := filepath.Join(root, filepath.FromSlash(rel))
		info, err := os.Lstat(src)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && !info.Mode().IsRegular()) {
			continue // deleted in the working tree, a symlink or a submodule
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(snap, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	precommitInitRepo(t, snap)
	precommitGit(t, snap, "add", ".")
	precommitGit(t, snap, "commit", "-q", "--no-verify", "-m", "working tree of "+head)
	return snap, precommitGit(t, snap, "rev-parse", "HEAD")
}

// TestPreCommitManifest validates .pre-commit-hooks.yaml with pre-commit's
// own schema and checks the fields that the hook's behaviour depends on.
func TestPreCommitManifest(t *testing.T) {
	SkipShort(t)
	pc := preCommit(t)
	r := Run(t, RepoRoot(), nil, pc, "validate-manifest", ".pre-commit-hooks.yaml")
	if r.Code != 0 {
		t.Fatalf("pre-commit validate-manifest: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	data, err := os.ReadFile(filepath.Join(RepoRoot(), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"- id: tokenlint\n",
		"\n  name: tokenlint\n",
		"\n  entry: tokenlint\n",
		"\n  args: [\"./...\"]\n",
		"\n  language: golang\n",
		"\n  types: [go]\n",
		"\n  pass_filenames: false\n",
		"\n  require_serial: true\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf(".pre-commit-hooks.yaml lacks %q", strings.TrimSpace(want))
		}
	}
}

// TestPreCommitHook commits a Go module that builds a static provider from
// AssumeRole output through the tokenlint hook: the commit must fail with
// the finding; once fixed, the commit must succeed.
func TestPreCommitHook(t *testing.T) {
	SkipShort(t)
	pc := preCommit(t)
	if v := Run(t, RepoRoot(), nil, pc, "--version"); v.Code == 0 {
		t.Logf("%s: %s", pc, strings.TrimSpace(v.Stdout))
	}
	hookRepo, rev := precommitHookRepo(t)

	// The user's repository: a module that requires the real AWS SDK, with
	// the fixtures module's requirements and checksums.
	dir := t.TempDir()
	gomod, err := os.ReadFile(filepath.Join(RepoRoot(), "testdata", "src", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(gomod), "\n")
	renamed := false
	for i, l := range lines {
		if strings.HasPrefix(l, "module ") {
			lines[i], renamed = "module example.com/precommitdemo", true
			break
		}
	}
	if !renamed {
		t.Fatal("testdata/src/go.mod has no module line")
	}
	gosum, err := os.ReadFile(filepath.Join(RepoRoot(), "testdata", "src", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	precommitWrite(t, filepath.Join(dir, "go.mod"), strings.Join(lines, "\n"))
	precommitWrite(t, filepath.Join(dir, "go.sum"), string(gosum))
	precommitWrite(t, filepath.Join(dir, "main.go"), precommitBad)
	precommitWrite(t, filepath.Join(dir, ".pre-commit-config.yaml"), fmt.Sprintf(`repos:
  - repo: %s
    rev: %s
    hooks:
      - id: tokenlint
`, strconv.Quote(hookRepo), rev))
	precommitInitRepo(t, dir)

	// Hermetic: pre-commit keeps its clones and hook environments in
	// PRE_COMMIT_HOME, including the GOPATH (and so the module cache) that
	// "go install ./..." gets when it installs the hook. GOPROXY, GOFLAGS
	// and the rest of the environment pass through: the install fetches
	// tokenlint's dependencies through the proxy, and the hook itself runs
	// with the user's Go environment ("language_version: system").
	env := []string{"PRE_COMMIT_HOME=" + t.TempDir()}
	run := func(name string, args ...string) Result {
		t.Helper()
		start := time.Now()
		r := Run(t, dir, env, name, args...)
		t.Logf("%s %s: exit %d in %s", filepath.Base(name), strings.Join(args, " "), r.Code, time.Since(start).Round(time.Millisecond))
		return r
	}

	if r := run(pc, "install"); r.Code != 0 {
		t.Fatalf("pre-commit install: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	precommitGit(t, dir, "add", "go.mod", "go.sum", "main.go", ".pre-commit-config.yaml")

	// The first commit installs the hook (clone, go install ./...), then
	// runs tokenlint ./..., which exits 3: the commit must not happen.
	r := run("git", "commit", "-m", "static credentials from AssumeRole")
	out := r.Stdout + r.Stderr
	t.Logf("git commit output:\n%s", out)
	if r.Code == 0 {
		t.Fatalf("git commit succeeded; the tokenlint hook should have failed it:\n%s", out)
	}
	line := 1 + strings.Count(precommitBad[:strings.Index(precommitBad, "credentials.NewStaticCredentialsProvider")], "\n")
	for _, want := range []string{
		"tokenlint",
		"Failed",
		"- exit code: 3", // findings, not an error (1), and not "Passed" (0)
		fmt.Sprintf("main.go:%d:", line),
		precommitFinding,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("git commit output lacks %q:\n%s", want, out)
		}
	}
	if Run(t, dir, nil, "git", "rev-parse", "-q", "--verify", "HEAD").Code == 0 {
		t.Errorf("a commit was made despite the failing hook")
	}
	if t.Failed() {
		return
	}

	// Long-lived keys with an empty session token: clean, the commit goes in.
	precommitWrite(t, filepath.Join(dir, "main.go"), precommitFixed)
	precommitGit(t, dir, "add", "main.go")
	r = run("git", "commit", "-m", "long-lived keys")
	out = r.Stdout + r.Stderr
	if r.Code != 0 {
		t.Fatalf("git commit of the fixed file: exit %d; the tokenlint hook should have passed:\n%s", r.Code, out)
	}
	if !strings.Contains(out, "tokenlint") || !strings.Contains(out, "Passed") {
		t.Errorf("git commit output does not show the tokenlint hook passing:\n%s", out)
	}
	if strings.Contains(out, precommitFinding) {
		t.Errorf("the fixed file is still reported:\n%s", out)
	}
	if got := precommitGit(t, dir, "log", "--format=%s"); got != "long-lived keys" {
		t.Errorf("git log = %q, want the one commit %q", got, "long-lived keys")
	}
}
