package main_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestConfigBothModes runs the config-driven fixtures (testdata/src/config,
// entries in config/tokenlint.yml) standalone and under go vet: the same
// findings, among them those only the configuration makes.
func TestConfigBothModes(t *testing.T) {
	bin := tokenlint(t)
	cfg := filepath.Join(fixturesDir(t), "config", "tokenlint.yml")
	stdout, stderr, code := run(t, bin, "-config=config/tokenlint.yml", "./config/...")
	if code != 3 {
		t.Fatalf("standalone exit code = %d, want 3\nstderr:\n%s", code, stderr)
	}
	standalone := findings(stdout)
	userOnly := []string{
		"config/staticapp/staticapp.go:19:9: static credentials built from broker.Client.Fetch result",
		"config/staticapp/staticapp.go:31:9: static credentials built from broker.Client.Fetch result (config/relay/relay.go:13)",
		"config/staticapp/staticapp.go:43:9: static credentials built from a broker lease",
		"config/staticapp/staticapp.go:55:9: static credentials built from a one-off Retrieve() snapshot",
		"config/staticapp/staticapp.go:66:9: static credentials built from broker.Client.Fetch result",
		"config/singletonapp/singletonapp.go:22:2: package-level variable store holds a *blob.Client",
		"config/logapp/logapp.go:16:2: audit.Logger.Record logs a session token",
		"config/logapp/logapp.go:25:2: audit.Logger.Record logs a session token (broker.Client.Fetch result",
	}
	for _, want := range append(userOnly, "config/staticapp/staticapp.go:82:10: static credentials built from a one-off Retrieve() snapshot") {
		if !slices.ContainsFunc(standalone, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("standalone output lacks %q", want)
		}
	}
	// Negatives: Describe, relay.Settings, the grant's ID, WithRegion, the
	// refreshing Renewing, blob.Other and audit.Logger.Trace.
	for _, line := range []string{":25:", ":37:", ":49:", ":60:", ":72:", ":93:"} {
		if slices.ContainsFunc(standalone, func(s string) bool { return strings.HasPrefix(s, "config/staticapp/staticapp.go"+line) }) {
			t.Errorf("standalone reports staticapp.go%s, a negative", line)
		}
	}
	if slices.ContainsFunc(standalone, func(s string) bool {
		return strings.HasPrefix(s, "config/singletonapp/singletonapp.go:23:") || strings.HasPrefix(s, "config/logapp/logapp.go:17:") || strings.HasPrefix(s, "config/logapp/logapp.go:18:") || strings.HasPrefix(s, "config/logapp/logapp.go:26:")
	}) {
		t.Errorf("standalone reports a negative:\n%s", strings.Join(standalone, "\n"))
	}

	_, vetErr, vetCode := run(t, "go", "vet", "-vettool="+bin, "-config="+cfg, "./config/...")
	if vetCode != 1 {
		t.Fatalf("go vet exit code = %d, want 1\n%s", vetCode, vetErr)
	}
	if vet := findings(vetErr); !slices.Equal(standalone, vet) {
		t.Errorf("standalone and go vet disagree\nstandalone:\n%s\ngo vet:\n%s", strings.Join(standalone, "\n"), strings.Join(vet, "\n"))
	}

	// Without the configuration none of the user's entries apply.
	stdout, stderr, code = run(t, bin, "./config/...")
	if code != 3 {
		t.Fatalf("standalone without -config: exit code = %d, want 3\nstderr:\n%s", code, stderr)
	}
	plain := findings(stdout)
	for _, want := range userOnly {
		if slices.ContainsFunc(plain, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("without -config, the output still has %q", want)
		}
	}
	if len(plain) != 2 {
		t.Errorf("without -config: %d findings, want 2 (Pinned and Renewing):\n%s", len(plain), strings.Join(plain, "\n"))
	}
}

// TestConfigVetCache: go vet caches a package's result by the tool and
// the flags, not by the -config file's content; -config.sha256 puts the
// content into the flags, so an edited file is analysed again, and a
// digest that does not match the file is an error.
func TestConfigVetCache(t *testing.T) {
	bin := tokenlint(t)
	orig, err := os.ReadFile(filepath.Join(fixturesDir(t), "config", "tokenlint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "tokenlint.yml")
	vet := func(data []byte, digest string) (string, int) {
		t.Helper()
		if err := os.WriteFile(cfg, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if digest == "" {
			sum := sha256.Sum256(data)
			digest = hex.EncodeToString(sum[:])
		}
		_, stderr, code := run(t, "go", "vet", "-vettool="+bin, "-config="+cfg, "-config.sha256="+digest, "./config/logapp")
		return stderr, code
	}
	const finding = "config/logapp/logapp.go:16:2: audit.Logger.Record logs a session token"
	out, code := vet(orig, "")
	if code != 1 || !strings.Contains(out, finding) {
		t.Fatalf("with the log sink: exit %d, want 1 and %q:\n%s", code, finding, out)
	}
	// The same path, without the log sink: analysed again, no finding.
	noSink, _, ok := strings.Cut(string(orig), "log_sinks:")
	if !ok {
		t.Fatal("the fixture's tokenlint.yml has no log_sinks")
	}
	out, code = vet([]byte(noSink), "")
	if code != 0 || strings.Contains(out, finding) {
		t.Errorf("without the log sink: exit %d, want 0 and no finding:\n%s", code, out)
	}
	// A digest of another content (one go vet has not seen: with the
	// flags of an earlier run, go vet answers from its cache without
	// running the tool, which is why the digest must be taken afresh).
	sum := sha256.Sum256([]byte("another version of the file"))
	out, code = vet([]byte(noSink+"\n"), hex.EncodeToString(sum[:]))
	if code != 1 || !strings.Contains(out, "the file changed since the digest was taken") {
		t.Errorf("with a stale digest: exit %d, want 1 and the mismatch:\n%s", code, out)
	}
}

// TestConfigErrors: a bad configuration is one clear error with the file,
// line and key, exit 1, no stack trace, in both modes.
func TestConfigErrors(t *testing.T) {
	bin := tokenlint(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yml")
	if err := os.WriteFile(bad, []byte("sources:\n  - package: example.com/b\n    func: Fetch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantBad := bad + `:3: sources[0].func: unknown key (valid: package, receiver, function, result, field, label, fix)`
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"standalone bad key", []string{bin, "-config=" + bad, "./config/..."}, "tokenlint: -config: " + wantBad + "\n"},
		{"standalone missing", []string{bin, "-config=" + filepath.Join(dir, "none.yml"), "./config/..."}, "no such file or directory"},
		{"vet bad key", []string{"go", "vet", "-vettool=" + bin, "-config=" + bad, "./config/logapp"}, wantBad},
		{"vet relative", []string{"go", "vet", "-vettool=" + bin, "-config=config/tokenlint.yml", "./config/logapp"}, "go vet runs the tool in each package's directory, so give an absolute path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := run(t, tc.args[0], tc.args[1:]...)
			checkCleanError(t, stderr, code, tc.want)
		})
	}
}
