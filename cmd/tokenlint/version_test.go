package main_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/version"
)

// TestVersionFlags: -version, --version and -V print the release that
// SARIF reports, and -V=full still answers go vet's handshake
// (TestVetProtocol checks its format).
func TestVersionFlags(t *testing.T) {
	bin := tokenlint(t)
	for _, flag := range []string{"-version", "--version", "-V"} {
		stdout, stderr, code := run(t, bin, flag)
		if code != 0 || !strings.HasPrefix(stdout, "tokenlint version "+version.Version) || stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", flag, code, stdout, stderr)
		}
	}
	stdout, _, code := run(t, bin, "-V=full")
	if code != 0 || strings.Contains(stdout, version.Version+" (") || !strings.Contains(stdout, "buildID=") {
		t.Errorf("-V=full is go vet's, not -version's: exit %d, %q", code, stdout)
	}
	stdout, stderr, code := run(t, bin, "-format=sarif", "./clean/...")
	if code != 0 {
		t.Fatalf("-format=sarif ./clean/...: exit %d\n%s", code, stderr)
	}
	var log struct {
		Runs []struct {
			Tool struct{ Driver struct{ Version string } }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v\n%s", err, stdout)
	}
	if v := log.Runs[0].Tool.Driver.Version; v != version.Version {
		t.Errorf("SARIF tool.driver.version = %q, want %q", v, version.Version)
	}
}
