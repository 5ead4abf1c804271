// Package clitest holds what the tests of the tokenlint command share:
// the command built once per test binary, runs of it in the fixture
// module or a directory, and the parsing of its findings. The command's
// tests are split over more than one package (cmd/tokenlint and
// cmd/tokenlint/robust) so that each test binary stays well inside go
// test's default 10-minute timeout on a cold 2-core machine.
package clitest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenlint/tokenlint/internal/fixtures"
)

var (
	buildOnce sync.Once
	binDir    string
	bin       string
	buildErr  error
)

// Main runs the tests and removes the built command afterwards: call it
// from the test package's TestMain.
//
// The commands it runs share one result cache, empty when the tests
// start (not the user's): a test that runs a fixture the suite ran before
// reads it from the cache, so the suite checks replayed output too.
func Main(m *testing.M) {
	cache, err := os.MkdirTemp("", "tokenlint-cache")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("TOKENLINT_CACHE", cache)
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.RemoveAll(cache)
	os.Exit(code)
}

// Tokenlint builds cmd/tokenlint once per test binary (after the fixture
// module's dependencies are downloaded) and returns its path.
func Tokenlint(t testing.TB) string {
	t.Helper()
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "tokenlint-test")
		if buildErr != nil {
			return
		}
		bin = filepath.Join(binDir, "tokenlint")
		cmd := exec.Command("go", "build", "-o", bin, "github.com/tokenlint/tokenlint/cmd/tokenlint")
		cmd.Dir = RepoRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return bin
}

// RepoRoot is the repository's root directory.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Run runs a command in the fixture module and returns its stdout,
// stderr and exit code.
func Run(t testing.TB, name string, args ...string) (string, string, int) {
	t.Helper()
	return RunMod(t, fixtures.Dir(), name, args...)
}

// RunMod runs a command in dir, a module (such as a copy of the
// fixtures), and returns its stdout, stderr and exit code.
func RunMod(t testing.TB, dir, name string, args ...string) (string, string, int) {
	t.Helper()
	return Exec(t, dir, []string{"GOFLAGS=-mod=mod"}, name, args...)
}

// RunIn runs tokenlint in dir, outside any module or workspace of the
// test's environment.
func RunIn(t testing.TB, bin, dir string, args ...string) (string, string, int) {
	t.Helper()
	return Exec(t, dir, []string{"GOWORK=off", "GOFLAGS="}, bin, args...)
}

// Exec runs a command in dir with extra environment variables and returns
// its stdout, stderr and exit code; it fails the test only if the command
// could not be started.
func Exec(t testing.TB, dir string, env []string, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return stdout.String(), stderr.String(), exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return stdout.String(), stderr.String(), 0
}

// FindingLine matches a finding, "file:line:col: message". A line whose
// message starts with a tab is a finding's related information (its
// trail), as go vet prints it, and does not match.
var FindingLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): ([^\t].*)$`)

// Findings extracts the findings of an output, sorted.
func Findings(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if FindingLine.MatchString(l) {
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return lines
}

// FreshCopy copies the tool under a new identity, so that go vet's cache
// never answers for it.
func FreshCopy(t testing.TB, bin string) string {
	t.Helper()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "tokenlint")
	if err := os.WriteFile(dst, append(data, []byte(time.Now().String())...), 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

// NewModule writes a module in a temp dir with the fixtures' go.mod (under
// another module path) and, if withSum, their go.sum, plus files.
func NewModule(t testing.TB, withSum bool, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	mod, err := os.ReadFile(filepath.Join(fixtures.Dir(), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = strings.Replace(string(mod), "module example.com/fixtures", "module example.com/scratch", 1)
	if withSum {
		sum, err := os.ReadFile(filepath.Join(fixtures.Dir(), "go.sum"))
		if err != nil {
			t.Fatal(err)
		}
		files["go.sum"] = string(sum)
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// LastUseSource is a file whose only use of package credentials is the
// construction staticcreds' fix replaces: the fixed file must drop the
// import to compile (the fix tests of tokenlint -fix and of
// golangci-lint --fix use it).
const LastUseSource = `package lastuse

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

func Provider(ctx context.Context, cfg aws.Config) (aws.Config, error) {
	snap, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return cfg, err
	}
	cfg.Credentials = credentials.StaticCredentialsProvider{Value: snap}
	return cfg, nil
}
`

// ReadFile returns a file's content; it fails the test if it cannot.
func ReadFile(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
