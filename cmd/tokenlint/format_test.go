package main_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSARIF validates the SARIF output against the official SARIF 2.1.0
// JSON schema (OASIS, errata01; testdata/sarif-schema-2.1.0.json) and
// checks what GitHub code scanning reads.
func TestSARIF(t *testing.T) {
	bin := tokenlint(t)
	stdout, stderr, code := run(t, bin, "-format=sarif", "./staticcreds/app", "./envoverride/exec", "./singletonclient/v2")
	if code != 3 {
		t.Fatalf("exit code = %d, want 3\n%s", code, stderr)
	}

	schemaFile, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("SARIF output does not validate against the 2.1.0 schema: %v", err)
	}

	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID               string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text, Markdown string }
						HelpURI          string
						Properties       map[string]any
					}
				}
			}
			Results []struct {
				RuleID           string
				Message          struct{ Text string }
				Locations        []sarifLoc
				RelatedLocations []sarifLoc
				CodeFlows        []struct {
					ThreadFlows []struct {
						Locations []struct{ Location sarifLoc }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	drv := log.Runs[0].Tool.Driver
	if drv.Name != "tokenlint" || drv.InformationURI == "" || drv.Version == "" {
		t.Errorf("driver: %+v", drv)
	}
	rules := make(map[string]bool)
	for _, r := range drv.Rules {
		rules[r.ID] = true
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || len(r.FullDescription.Text) > 1024 || r.Help.Text == "" || !strings.HasSuffix(r.HelpURI, "docs/"+r.ID+".md") {
			t.Errorf("rule %s is incomplete: %+v", r.ID, r)
		}
		// The rule page, for code scanning's rule help, with no link
		// left relative to docs/.
		if !strings.HasPrefix(r.Help.Markdown, "# "+r.ID+":") || strings.Contains(r.Help.Markdown, "](staticcreds.md") {
			t.Errorf("rule %s: help.markdown is not its rule page with absolute links: %.80q", r.ID, r.Help.Markdown)
		}
		// GitHub ranks a rule as a security alert by a numeric string.
		sev, ok := r.Properties["security-severity"].(string)
		if n, err := strconv.ParseFloat(sev, 64); !ok || err != nil || n <= 0 || n > 10 {
			t.Errorf("rule %s: security-severity %#v, want a number in (0, 10] as a string", r.ID, r.Properties["security-severity"])
		}
		if p := r.Properties["precision"]; !slices.Contains([]any{"very-high", "high", "medium", "low"}, p) {
			t.Errorf("rule %s: precision %#v", r.ID, p)
		}
	}
	for _, want := range []string{"staticcreds", "envoverride", "singletonclient"} {
		if !rules[want] {
			t.Errorf("no rule %s", want)
		}
	}
	seenRule := make(map[string]bool)
	fingerprints := make(map[string]bool)
	for _, r := range log.Runs[0].Results {
		seenRule[r.RuleID] = true
		loc := r.Locations[0].PhysicalLocation
		if !rules[r.RuleID] || r.Message.Text == "" {
			t.Errorf("result %+v", r)
		}
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || !strings.HasPrefix(loc.ArtifactLocation.URI, "testdata/src/") {
			t.Errorf("artifact location %+v, want a path relative to the repository root", loc.ArtifactLocation)
		}
		if loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 {
			t.Errorf("region %+v", loc.Region)
		}
		fp := r.PartialFingerprints["primaryLocationLineHash"]
		if fp == "" || fingerprints[fp] {
			t.Errorf("fingerprint %q missing or not unique", fp)
		}
		fingerprints[fp] = true
	}
	for _, want := range []string{"staticcreds", "envoverride", "singletonclient"} {
		if !seenRule[want] {
			t.Errorf("no result for %s", want)
		}
	}

	// The trail: every result with related locations has a code flow from
	// the first of them, through the others in order, to the result's own
	// location; links in the message name related locations that exist.
	flows := 0
	for _, r := range log.Runs[0].Results {
		if len(r.RelatedLocations) == 0 {
			if len(r.CodeFlows) != 0 {
				t.Errorf("%s: a code flow without related locations", r.Message.Text)
			}
			continue
		}
		flows++
		if len(r.CodeFlows) != 1 || len(r.CodeFlows[0].ThreadFlows) != 1 {
			t.Errorf("%s: want one code flow with one thread flow, got %+v", r.Message.Text, r.CodeFlows)
			continue
		}
		steps := r.CodeFlows[0].ThreadFlows[0].Locations
		if len(steps) != len(r.RelatedLocations)+1 {
			t.Errorf("%s: %d steps for %d related locations", r.Message.Text, len(steps), len(r.RelatedLocations))
			continue
		}
		for i, rl := range r.RelatedLocations {
			if rl.ID != i+1 || rl.Message.Text == "" || rl.PhysicalLocation.Region.StartLine < 1 {
				t.Errorf("%s: related location %d: %+v", r.Message.Text, i, rl)
			}
			if s := steps[i].Location; s.PhysicalLocation != rl.PhysicalLocation || s.Message.Text != rl.Message.Text {
				t.Errorf("%s: step %d %+v is not related location %+v", r.Message.Text, i, s, rl)
			}
		}
		if last := steps[len(steps)-1].Location; last.PhysicalLocation != r.Locations[0].PhysicalLocation || last.Message.Text == "" {
			t.Errorf("%s: the last step %+v is not the result's location", r.Message.Text, last)
		}
		for _, m := range regexp.MustCompile(`\]\((\d+)\)`).FindAllStringSubmatch(r.Message.Text, -1) {
			if id, _ := strconv.Atoi(m[1]); id < 1 || id > len(r.RelatedLocations) {
				t.Errorf("%s: link to related location %s, which does not exist", r.Message.Text, m[1])
			}
		}
	}
	if flows == 0 {
		t.Error("no result has a trail")
	}
	// The finding of package app whose credentials come from broker.Fetch:
	// its path starts at the AssumeRole call in package broker.
	brokerLine := lineOf(t, "staticcreds/broker/broker.go", "out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn)})")
	fetchLine := lineOf(t, "staticcreds/app/app.go", `s, err := broker.Fetch(ctx, sts.NewFromConfig(cfg), "arn")`)
	sinkLine := lineOf(t, "staticcreds/app/app.go", "cfg.Credentials = credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token)")
	found := false
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "testdata/src/staticcreds/app/app.go" || loc.Region.StartLine != sinkLine {
			continue
		}
		found = true
		want := []struct {
			uri  string
			line int
			msg  string
		}{
			{"testdata/src/staticcreds/broker/broker.go", brokerLine, "sts.AssumeRole output"},
			{"testdata/src/staticcreds/app/app.go", fetchLine, "returned by broker.Fetch"},
		}
		if len(r.RelatedLocations) != len(want) {
			t.Fatalf("app.go:%d: related locations %+v, want %d", sinkLine, r.RelatedLocations, len(want))
		}
		for i, w := range want {
			rl := r.RelatedLocations[i]
			if rl.PhysicalLocation.ArtifactLocation.URI != w.uri || rl.PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" || rl.PhysicalLocation.Region.StartLine != w.line || rl.Message.Text != w.msg {
				t.Errorf("app.go:%d: related location %d = %+v, want %s:%d %q", sinkLine, i, rl, w.uri, w.line, w.msg)
			}
		}
		if link := fmt.Sprintf("([staticcreds/broker/broker.go:%d](1))", brokerLine); !strings.Contains(r.Message.Text, link) {
			t.Errorf("app.go:%d: message %q does not link the source as %s", sinkLine, r.Message.Text, link)
		}
	}
	if !found {
		t.Errorf("no result at testdata/src/staticcreds/app/app.go:%d", sinkLine)
	}

	// Stable: the same input gives the same bytes.
	again, _, _ := run(t, bin, "-format=sarif", "./staticcreds/app", "./envoverride/exec", "./singletonclient/v2")
	if again != stdout {
		t.Error("SARIF output differs between two runs")
	}
}

// sarifLoc is a SARIF location as the tests read it.
type sarifLoc struct {
	ID               int
	PhysicalLocation struct {
		ArtifactLocation struct{ URI, URIBaseID string }
		Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
	}
	Message struct{ Text string }
}

// lineOf returns the line of the fixture file (relative to the fixture
// module) that holds text, which must occur exactly once.
func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixturesDir(t), filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), text); n != 1 {
		t.Fatalf("%s holds %q %d times, want once", file, text, n)
	}
	before, _, _ := strings.Cut(string(data), text)
	return strings.Count(before, "\n") + 1
}

// TestGitHubFormat checks the workflow-command annotations and escaping.
func TestGitHubFormat(t *testing.T) {
	bin := tokenlint(t)
	stdout, stderr, code := run(t, bin, "-format=github", "./staticcreds/app")
	if code != 3 {
		t.Fatalf("exit code = %d, want 3\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d annotations, want 4:\n%s", len(lines), stdout)
	}
	re := regexp.MustCompile(`^::error file=testdata/src/staticcreds/app/app\.go,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=tokenlint staticcreds::[^\n]+$`)
	for _, l := range lines {
		if !re.MatchString(l) {
			t.Errorf("malformed annotation %q", l)
		}
	}
}

// TestFormats: every format keeps the exit codes; clean code prints an
// empty SARIF log.
func TestFormats(t *testing.T) {
	bin := tokenlint(t)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		_, stderr, code := run(t, bin, "-format="+format, "./clean/...")
		if code != 0 {
			t.Errorf("-format=%s on clean code: exit %d\n%s", format, code, stderr)
		}
		_, _, code = run(t, bin, "-format="+format, "./broken/typeerr")
		if code != 1 {
			t.Errorf("-format=%s on a type error: exit %d, want 1", format, code)
		}
	}
	stdout, _, _ := run(t, bin, "-format=sarif", "./clean/...")
	if !strings.Contains(stdout, `"results": []`) {
		t.Errorf("clean SARIF has no empty results array:\n%s", stdout)
	}
}

// TestSARIFSchemaRejects proves the schema check can fail: documents that
// break SARIF 2.1.0 are rejected.
func TestSARIFSchemaRejects(t *testing.T) {
	schemaFile, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	schema, err := jsonschema.NewCompiler().Compile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		`{"version":"2.0.0","runs":[]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"region":{"startLine":0}}}]}]}]}`,
	} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(doc) == nil {
			t.Errorf("the schema accepted %s", bad)
		}
	}
}
