package version

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestChangelog: Version is the newest release in CHANGELOG.md, so that
// the tag, the changelog and the binaries agree.
func TestChangelog(t *testing.T) {
	data, err := os.ReadFile("../../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(Version) {
		t.Fatalf("Version = %q, want vMAJOR.MINOR.PATCH", Version)
	}
	heading := regexp.MustCompile(`(?m)^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2}|unreleased)$`)
	m := heading.FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("CHANGELOG.md has no release section (## [X.Y.Z] - YYYY-MM-DD)")
	}
	if "v"+m[1] != Version {
		t.Errorf("newest release in CHANGELOG.md is %s, internal/version says %s", m[1], Version)
	}
	if !strings.Contains(string(data), "\n["+m[1]+"]: https://github.com/tokenlint/tokenlint/releases/tag/v"+m[1]) {
		t.Errorf("CHANGELOG.md lacks the link for [%s]", m[1])
	}
}

func TestFull(t *testing.T) {
	if f := Full(); !strings.HasPrefix(f, Version) {
		t.Errorf("Full() = %q, want it to start with %s", f, Version)
	}
}
