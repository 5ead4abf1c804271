package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// trailsGolden is every finding tokenlint reports on the fixtures, each
// with its full trail (source, each hop, sink), as the text output
// prints them. The fixtures' want comments check messages only, and
// their related comments check a few trails; this file pins all of them,
// so that a change of the memory model that makes a trail name another
// instance's source, or a hop the value does not take, shows up as a
// diff to read.
const trailsGolden = "testdata/trails.golden"

// updateTrails, set to 1, makes TestTrails rewrite trailsGolden.
const updateTrails = "TOKENLINT_UPDATE_TRAILS"

// trailPackages are the fixture packages with findings; broken/ holds
// packages that do not type-check, which other tests cover.
var trailPackages = []string{
	"./cgo/...", "./clean/...", "./config/...", "./engine/...", "./envoverride/...",
	"./secretlog/...", "./singletonclient/...", "./staticcreds/...", "./vetunit/...",
}

// TestTrails compares the findings and trails of a standalone run over
// the fixtures with trailsGolden.
func TestTrails(t *testing.T) {
	bin := tokenlint(t)
	stdout, stderr, code := run(t, bin, trailPackages...)
	if code != 3 || stderr != "" {
		t.Fatalf("exit %d, want 3 (findings), stderr:\n%s", code, stderr)
	}
	if os.Getenv(updateTrails) == "1" {
		if err := os.WriteFile(trailsGolden, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(trailsGolden)
	if err != nil {
		t.Fatal(err)
	}
	want := string(data)
	checkTrailShape(t, want)
	if stdout == want {
		return
	}
	got, old := trailEntries(stdout), trailEntries(want)
	for k, e := range got {
		if old[k] != e {
			t.Errorf("finding or trail changed or new:\n%s\nwas:\n%s", e, orNone(old[k]))
		}
	}
	for k, e := range old {
		if _, ok := got[k]; !ok {
			t.Errorf("finding vanished:\n%s", e)
		}
	}
	t.Errorf("the findings' trails differ from %s: read each difference, then rewrite it with %s=1 go test ./cmd/tokenlint -run TestTrails", filepath.Base(trailsGolden), updateTrails)
}

// trailEntries splits an output into findings, each with its trail
// lines, keyed by the finding's position and message.
func trailEntries(out string) map[string]string {
	entries := make(map[string]string)
	var key string
	for _, l := range strings.Split(out, "\n") {
		if l == "" {
			continue
		}
		if !trailLine.MatchString(l) {
			key = l
			entries[key] = l
			continue
		}
		entries[key] += "\n" + l
	}
	return entries
}

// trailLine matches a trail step as the text output prints it:
// "file:line:col: \tstep".
var trailLine = regexp.MustCompile(`^\S+\.go:\d+:\d+: \t\S`)

// checkTrailShape requires what the golden file pins to hang together:
// a trail starts with the credentials' source (or the frozen
// construction), never with a hop, and a message that names its source's
// position ("from sts.AssumeRole output (broker/broker.go:20)") has a
// trail whose first step stands there. A finding without a source (a
// value put under AWS_SESSION_TOKEN that comes from a parameter, a
// misspelt ignore directive) has no trail.
func checkTrailShape(t *testing.T, golden string) {
	t.Helper()
	n, withTrail := 0, 0
	for k, e := range trailEntries(golden) {
		n++
		lines := strings.Split(e, "\n")
		m := sourcePos.FindStringSubmatch(k)
		if len(lines) < 2 {
			if m != nil {
				t.Errorf("%s: names its source's position but has no trail", k)
			}
			continue
		}
		withTrail++
		first := lines[1][strings.Index(lines[1], "\t")+1:]
		for _, hop := range []string{"stored in ", "returned by ", "filled by ", "copied by "} {
			if strings.HasPrefix(first, hop) {
				t.Errorf("%s: trail starts with a hop, not its source: %q", k, first)
			}
		}
		if m != nil && !strings.HasPrefix(lines[1], m[1]+":") {
			t.Errorf("%s: the message names its source at %s, the trail starts at %s", k, m[1], lines[1])
		}
	}
	if n == 0 || withTrail == 0 {
		t.Errorf("%s holds %d findings, %d with a trail", trailsGolden, n, withTrail)
	}
}

// sourcePos matches the source's position a message names.
var sourcePos = regexp.MustCompile(`\((\S+\.go:\d+)\)`)

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
