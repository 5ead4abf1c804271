package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

const lastUseFixed = `package lastuse

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func Provider(ctx context.Context, cfg aws.Config) (aws.Config, error) {
	_, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return cfg, err
	}
	cfg.Credentials = aws.NewCredentialsCache(cfg.Credentials)
	return cfg, nil
}
`

// cgoSrc has a fixable finding in a cgo file: the analysed file is cgo's
// output in the build cache, so the fix is skipped, not written there.
const cgoSrc = `package withcgo

/*
static int answer(void) { return 42; }
*/
import "C"

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

func Answer() int { return int(C.answer()) }

func Provider(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	snap, _ := cfg.Credentials.Retrieve(ctx)
	return credentials.StaticCredentialsProvider{Value: snap}
}
`

// TestFix runs -diff and -fix on a copy of the staticcreds/fixes fixture
// (whose fixes.go.golden is the file with every fix applied, as the
// analyzer's own test checks) and of a file whose fix takes away the last
// use of an import, and of a cgo file: -diff writes nothing and prints a patch that patch(1)
// applies to give the fixed files; -fix writes them; a second run has
// nothing to fix, and the module still builds.
func TestFix(t *testing.T) {
	bin := tokenlint(t)
	src, golden := fixesFixture(t)
	files := map[string]string{
		"fixes/fixes.go":       string(src),
		"lastuse/lastuse.go":   clitest.LastUseSource,
		"lastuse/lastuse_x.go": "package lastuse\n\n// Unchanged: no finding here.\nconst X = 1\n",
		"withcgo/withcgo.go":   cgoSrc,
	}
	dir := clitest.NewModule(t, true, files)
	want := map[string]string{
		"fixes/fixes.go":       string(golden),
		"lastuse/lastuse.go":   lastUseFixed,
		"lastuse/lastuse_x.go": files["lastuse/lastuse_x.go"],
		"withcgo/withcgo.go":   cgoSrc,
	}

	// -diff: a patch, on stdout; the files are untouched.
	diff, stderr, code := clitest.RunMod(t, dir, bin, "-diff", "./...")
	if code != 0 {
		t.Fatalf("-diff: exit %d, want 0\n%s", code, stderr)
	}
	for _, h := range []string{
		"--- fixes/fixes.go\t(old)\n+++ fixes/fixes.go\t(new)\n@@ ",
		"--- lastuse/lastuse.go\t(old)\n+++ lastuse/lastuse.go\t(new)\n@@ ",
		"-\t\"github.com/aws/aws-sdk-go-v2/credentials\"\n",
		"+\t\"github.com/aws/aws-sdk-go-v2/credentials/stscreds\"\n",
	} {
		if !strings.Contains(diff, h) {
			t.Errorf("-diff output lacks %q:\n%s", h, diff)
		}
	}
	if strings.Contains(diff, "lastuse_x.go") || strings.Contains(diff, "withcgo") {
		t.Errorf("-diff shows a file without fixes, or cgo's output:\n%s", diff)
	}
	if !strings.Contains(stderr, "tokenlint: skipped 1 fix in generated files or cgo's output") {
		t.Errorf("-diff: stderr does not count the cgo fix as skipped:\n%s", stderr)
	}
	// The fixture's four findings that have no fix are counted, not fixed.
	if !strings.Contains(stderr, "tokenlint: 4 findings have no suggested fix") {
		t.Errorf("-diff: stderr does not count the findings without a fix:\n%s", stderr)
	}
	checkFiles(t, dir, files)

	// The patch, applied by patch(1) to another copy, gives the fixed files.
	other := clitest.NewModule(t, true, copyMap(files))
	patch := exec.Command("patch", "-p0", "--batch", "--no-backup-if-mismatch")
	patch.Dir = other
	patch.Stdin = strings.NewReader(diff)
	if out, err := patch.CombinedOutput(); err != nil {
		t.Fatalf("patch -p0: %v\n%s", err, out)
	}
	checkFiles(t, other, want)

	// -fix: the same files, written.
	stdout, stderr, code := clitest.RunMod(t, dir, bin, "-fix", "./...")
	if code != 0 || stdout != "" {
		t.Fatalf("-fix: exit %d, stdout %q, want 0 and nothing\n%s", code, stdout, stderr)
	}
	checkFiles(t, dir, want)

	// Again: nothing left to fix, the findings without a fix remain.
	diff, stderr, code = clitest.RunMod(t, dir, bin, "-diff", "./...")
	if code != 0 || diff != "" {
		t.Errorf("-diff after -fix: exit %d, diff:\n%s\n%s", code, diff, stderr)
	}
	stdout, _, code = clitest.RunMod(t, dir, bin, "./...")
	if got := findings(stdout); code != 3 || len(got) != 5 {
		t.Errorf("after -fix: exit %d, %d findings, want 3 and the 4 without a fix and the cgo one:\n%s", code, len(got), stdout)
	}

	// The fixed module builds and vets.
	if out, stderr, code := clitest.RunMod(t, dir, "go", "vet", "./..."); code != 0 {
		t.Errorf("go vet on the fixed module: exit %d\n%s%s", code, out, stderr)
	}
	if out, stderr, code := clitest.RunMod(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("go build on the fixed module: exit %d\n%s%s", code, out, stderr)
	}
}

// TestGoFix: go fix -fixtool runs tokenlint through the vet protocol
// (unitchecker applies the fixes there) and writes the same files as
// tokenlint -fix.
func TestGoFix(t *testing.T) {
	bin := tokenlint(t)
	src, golden := fixesFixture(t)
	dir := clitest.NewModule(t, true, map[string]string{"fixes/fixes.go": string(src), "lastuse/lastuse.go": clitest.LastUseSource})
	if out, stderr, code := clitest.RunMod(t, dir, "go", "fix", "-fixtool="+bin, "./..."); code != 0 {
		t.Fatalf("go fix -fixtool: exit %d\n%s%s", code, out, stderr)
	}
	checkFiles(t, dir, map[string]string{"fixes/fixes.go": string(golden), "lastuse/lastuse.go": lastUseFixed})
}

// TestFixFlags: -fix and -diff print fixes, not findings, so they refuse
// a findings format.
func TestFixFlags(t *testing.T) {
	bin := tokenlint(t)
	for _, args := range [][]string{{"-fix", "-json"}, {"-diff", "-format=sarif"}} {
		_, stderr, code := run(t, bin, append(args, "./staticcreds/fixes")...)
		if code != 1 || !strings.Contains(stderr, "-fix and -diff print no findings") {
			t.Errorf("%v: exit %d, want 1 with a clear error\n%s", args, code, stderr)
		}
	}
}

func checkFiles(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	for name, w := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != w {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got, w)
		}
	}
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// fixesFixture returns the staticcreds/fixes fixture and its golden file,
// the fixture with every fix applied.
func fixesFixture(t *testing.T) (src, golden []byte) {
	t.Helper()
	dir := filepath.Join(fixturesDir(t), "staticcreds", "fixes")
	src, err := os.ReadFile(filepath.Join(dir, "fixes.go"))
	if err != nil {
		t.Fatal(err)
	}
	golden, err = os.ReadFile(filepath.Join(dir, "fixes.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	return src, golden
}
