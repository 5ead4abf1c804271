package main_test

import (
	"encoding/json"
	"path/filepath"
	"regexp"
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
						Help             struct{ Text string }
						HelpURI          string
					}
				}
			}
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
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

	// Stable: the same input gives the same bytes.
	again, _, _ := run(t, bin, "-format=sarif", "./staticcreds/app", "./envoverride/exec", "./singletonclient/v2")
	if again != stdout {
		t.Error("SARIF output differs between two runs")
	}
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
