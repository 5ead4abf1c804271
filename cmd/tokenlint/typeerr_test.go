package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// TestTypeErrorsOutsideAWSCode pins down what the README's exit-code
// table says: a package that cannot carry AWS credentials is not
// type-checked, so its type errors are left to the compiler (and to go
// vet) and tokenlint exits 0; but when a package tokenlint analyses
// imports it, the broken dependency's own error is reported, exit 1.
func TestTypeErrorsOutsideAWSCode(t *testing.T) {
	bin := tokenlint(t)
	mod := copyFixtures(t, "clean/noaws")
	for name, src := range map[string]string{
		"plain/plain.go": "package plain\n\nvar X int = \"not an int\"\n",
		"uses/uses.go": `package uses

import (
	"github.com/aws/aws-sdk-go-v2/credentials"

	"example.com/fixtures/plain"
)

var P = credentials.NewStaticCredentialsProvider("key", "secret", "")

var _ = plain.X
`,
	} {
		if err := os.MkdirAll(filepath.Join(mod, filepath.Dir(name)), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, name), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	const typeErr = `plain/plain.go:3:13: cannot use "not an int"`

	stdout, stderr, code := clitest.RunMod(t, mod, bin, "./plain")
	if code != 0 || stdout != "" || stderr != "" {
		t.Errorf("tokenlint ./plain: exit %d, stdout %q, stderr %q; want 0 and nothing (left to the compiler)", code, stdout, stderr)
	}
	stdout, stderr, code = clitest.RunMod(t, mod, bin, "./uses")
	if code != 1 || !strings.Contains(stderr, "tokenlint: "+typeErr) || strings.Contains(stderr, "failed prerequisites") || strings.Count(stderr, "not an int") != 1 {
		t.Errorf("tokenlint ./uses: exit %d, stderr %q; want 1 and the dependency's type error once", code, stderr)
	}
	_, stderr, code = clitest.RunMod(t, mod, "go", "vet", "-vettool="+bin, "./plain")
	if code != 1 || !strings.Contains(stderr, typeErr) {
		t.Errorf("go vet ./plain: exit %d, stderr %q; want go vet's type error, exit 1", code, stderr)
	}
}
