package vetunit_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/clitest"
	"github.com/tokenlint/tokenlint/internal/fixtures"
	"github.com/tokenlint/tokenlint/internal/vetunit"
)

// toolEnv makes the test binary go vet's tool, as cmd/tokenlint's main
// is: Light first, then unitchecker. Each unit's decision is appended to
// the file logEnv names, one "light|full import/path" line per unit.
const (
	toolEnv = "VETUNIT_TEST_TOOL"
	logEnv  = "VETUNIT_TEST_LOG"
)

func TestMain(m *testing.M) {
	if os.Getenv(toolEnv) == "" {
		os.Exit(m.Run())
	}
	args := os.Args[1:]
	unit := ""
	if n := len(args); n > 0 && strings.HasSuffix(args[n-1], ".cfg") {
		unit = importPath(args[n-1])
	}
	if vetunit.Light(args) {
		record("light", unit)
		os.Exit(0)
	}
	if unit != "" {
		record("full", unit)
	}
	unitchecker.Main(analyzers.All()...)
}

func importPath(cfgFile string) string {
	var cfg unitchecker.Config
	if data, err := os.ReadFile(cfgFile); err == nil && json.Unmarshal(data, &cfg) == nil {
		return cfg.ImportPath
	}
	return "?"
}

func record(how, unit string) {
	f, err := os.OpenFile(os.Getenv(logEnv), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		os.Exit(2)
	}
	fmt.Fprintf(f, "%s %s\n", how, unit)
	f.Close()
}

// vetRun is one go vet run: its findings, each unit's decision, and each
// unit's vetx file (go vet -work keeps them).
type vetRun struct {
	code     int
	findings []string
	decision map[string]string // import path -> light|full
	vetx     map[string][]byte // import path -> vetx file
}

func vet(t *testing.T, env ...string) vetRun {
	t.Helper()
	tool := clitest.FreshCopy(t, os.Args[0]) // go vet's cache never answers
	log := filepath.Join(t.TempDir(), "units.log")
	env = append(env, toolEnv+"=1", logEnv+"="+log, "GOFLAGS=-mod=mod")
	_, stderr, code := clitest.Exec(t, fixtures.Dir(), env, "go", "vet", "-work", "-vettool="+tool, "./vetunit/app")
	r := vetRun{code: code, findings: clitest.Findings(stderr), decision: map[string]string{}, vetx: map[string][]byte{}}
	work := regexp.MustCompile(`(?m)^WORK=(\S+)$`).FindStringSubmatch(stderr)
	if work == nil {
		t.Fatalf("go vet -work printed no WORK directory:\n%s", stderr)
	}
	t.Cleanup(func() { os.RemoveAll(work[1]) })
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatalf("no unit ran the tool: %v\n%s", err, stderr)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		how, unit, _ := strings.Cut(l, " ")
		r.decision[unit] = how
	}
	cfgs, _ := filepath.Glob(filepath.Join(work[1], "*", "vet.cfg"))
	for _, c := range cfgs {
		var cfg unitchecker.Config
		data, err := os.ReadFile(c)
		if err != nil || json.Unmarshal(data, &cfg) != nil {
			t.Fatalf("%s: unreadable vet config", c)
		}
		if out, err := os.ReadFile(cfg.VetxOutput); err == nil {
			r.vetx[cfg.ImportPath] = out
		}
	}
	return r
}

// TestLight runs go vet on a package whose dependencies are the standard
// library, the SDK, a package of the module that cannot carry credentials
// (plain), one that can because it imports the SDK (carrier) and one that
// can because its import has facts (wrap), once with Light and once
// without. The findings are
// the same, and so is every unit's vetx file, byte for byte, but for the
// SDK's unread relevantFact: the types that Light writes from
// declarations alone are those unitchecker writes from the whole
// package, and the facts are empty in both. Light handled the units it
// should.
func TestLight(t *testing.T) {
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	light := vet(t)
	full := vet(t, vetunit.DisableEnv+"=1")

	if light.code != 1 || len(light.findings) == 0 {
		t.Fatalf("go vet with Light: exit %d, findings %q; want 1 and the finding in app.go", light.code, light.findings)
	}
	if !slices.Equal(light.findings, full.findings) || light.code != full.code {
		t.Errorf("findings differ\nwith Light (exit %d):\n%s\nwithout (exit %d):\n%s",
			light.code, strings.Join(light.findings, "\n"), full.code, strings.Join(full.findings, "\n"))
	}
	for _, want := range []string{"app.go:25:", "app.go:36:"} { // Config's, and Later's through wrap
		if !strings.Contains(strings.Join(light.findings, "\n"), want) {
			t.Errorf("no finding at %s: %q", want, light.findings)
		}
	}

	for unit, want := range map[string]string{
		"strings":                          "light",
		"net/http":                         "light",
		"github.com/aws/aws-sdk-go-v2/aws": "light",
		"github.com/aws/aws-sdk-go-v2/service/sts": "light",
		"github.com/aws/smithy-go":                 "light",
		"example.com/fixtures/vetunit/plain":       "light",
		"example.com/fixtures/vetunit/carrier":     "full", // its facts reach app
		"example.com/fixtures/vetunit/wrap":        "full", // through carrier's facts
		"example.com/fixtures/vetunit/app":         "full", // go vet wants its findings
	} {
		if got := light.decision[unit]; got != want {
			t.Errorf("with Light, unit %s: %q, want %q", unit, got, want)
		}
	}
	for unit, how := range full.decision {
		if how != "full" {
			t.Errorf("with %s set, unit %s: %q, want full", vetunit.DisableEnv, unit, how)
		}
	}
	if len(light.vetx) < 50 || len(light.vetx) != len(full.vetx) {
		t.Fatalf("vetx files: %d with Light, %d without; want the same number, and more than 50", len(light.vetx), len(full.vetx))
	}
	for unit, data := range light.vetx {
		lt, lf := sections(t, unit, data)
		ft, ff := sections(t, unit, full.vetx[unit])
		if !bytes.Equal(lt, ft) {
			t.Errorf("unit %s (%s with Light): the types differ (%d bytes with Light, %d without)", unit, light.decision[unit], len(lt), len(ft))
		}
		// The SDK's one fact, relevantFact, is not written by Light: no
		// importer reads it (engine.UnitExportsFacts).
		if catalog.IsSDK(unit) && light.decision[unit] == "light" {
			if len(lf) != 0 || len(ff) == 0 {
				t.Errorf("SDK unit %s: facts of %d bytes with Light, %d without; want none, and relevantFact", unit, len(lf), len(ff))
			}
			continue
		}
		if !bytes.Equal(lf, ff) {
			t.Errorf("unit %s (%s with Light): the facts differ (%d bytes with Light, %d without)", unit, light.decision[unit], len(lf), len(ff))
		}
	}
}

// sections splits a vetx file (see vetunit's vetxFile) into its types and
// its facts.
func sections(t *testing.T, unit string, data []byte) (types, facts []byte) {
	t.Helper()
	if len(data) < 12 || string(data[:4]) != "vetx" {
		t.Fatalf("unit %s: not a vetx file", unit)
	}
	nt := int(binary.LittleEndian.Uint32(data[4:8]))
	nf := int(binary.LittleEndian.Uint32(data[8:12]))
	if 12+nt+nf != len(data) {
		t.Fatalf("unit %s: vetx lengths %d+%d for %d bytes", unit, nt, nf, len(data))
	}
	return data[12 : 12+nt], data[12+nt:]
}
