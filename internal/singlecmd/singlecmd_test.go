package singlecmd

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/version"
)

func TestWantsHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-help"}, true},
		{[]string{"--help"}, true},
		{[]string{"-h"}, true},
		{[]string{"-json", "-h"}, true},
		{[]string{"./..."}, false},
		{[]string{"./...", "-h"}, false}, // a package argument ends the flags
		{[]string{"--", "-h"}, false},
		{[]string{"-V=full"}, false},
	} {
		if got := wantsHelp(tc.args); got != tc.want {
			t.Errorf("wantsHelp(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestHelpNote builds a singlechecker command and reads its -help: the
// note comes first, then singlechecker's own usage.
func TestHelpNote(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "staticcreds")
	if out, err := exec.Command("go", "build", "-o", bin, "../../analyzers/staticcreds/cmd/staticcreds").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "-help").CombinedOutput()
	if err != nil {
		t.Fatalf("-help: %v\n%s", err, out)
	}
	help := string(out)
	for _, want := range []string{
		`Prefer the tokenlint command: "tokenlint -staticcreds ./..."`,
		"loads and type-checks every package from source",
		"go install github.com/tokenlint/tokenlint/cmd/tokenlint@" + version.Version,
		"Usage: staticcreds [-flag] [package]",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("-help lacks %q:\n%s", want, help)
		}
	}
	if !strings.HasPrefix(help, "Prefer the tokenlint command") {
		t.Errorf("the note does not come first:\n%s", help)
	}
}
