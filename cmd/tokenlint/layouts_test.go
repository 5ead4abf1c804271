package main_test

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestLayouts runs both modes on every package layout go list can
// produce (testdata/layouts, one module or workspace each; its README
// says what each one is) and requires, in both, the findings its
// EXPECTED file lists (file:line analyzer), the same JSON tree as go vet
// -json prints, and each finding printed once in text.
func TestLayouts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet on every layout module")
	}
	bin := tokenlint(t)
	dirs, err := os.ReadDir(filepath.Join("testdata", "layouts"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			t.Parallel()
			lay := newLayout(t, filepath.Join("testdata", "layouts", d.Name()))
			want := lay.expected

			// Standalone, text: each finding once, and the exit code.
			stdout, stderr, code := clitest.Exec(t, lay.dir, lay.env, bin, append(lay.args, "./...")...)
			wantCode := 3
			if len(want) == 0 {
				wantCode = 0
			}
			if code != wantCode {
				t.Fatalf("tokenlint ./...: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, wantCode, stdout, stderr)
			}
			if got := clitest.Findings(stdout); len(got) != len(want) {
				t.Errorf("tokenlint ./... printed %d findings, want %d (each once):\n%s", len(got), len(want), strings.Join(got, "\n"))
			}

			// Standalone and go vet, JSON: the same tree, the expected findings.
			stdout, stderr, code = clitest.Exec(t, lay.dir, lay.env, bin, append(append([]string{"-json"}, lay.args...), "./...")...)
			if code != wantCode {
				t.Fatalf("tokenlint -json ./...: exit %d, want %d\n%s", code, wantCode, stderr)
			}
			standalone := parseTree(t, stdout)
			vetArgs := append(append([]string{"vet", "-json"}, lay.args...), "-vettool="+clitest.FreshCopy(t, bin), "./...")
			vetOut, vetErr, code := clitest.Exec(t, lay.dir, lay.env, "go", vetArgs...)
			if code != 0 {
				t.Fatalf("go vet -json: exit %d\n%s", code, vetErr)
			}
			vet := parseTree(t, vetOut)
			if !slices.Equal(standalone, vet) {
				t.Errorf("tokenlint -json and go vet -json disagree\ntokenlint:\n%s\ngo vet:\n%s", strings.Join(standalone, "\n"), strings.Join(vet, "\n"))
			}
			if got := lay.short(vet); !slices.Equal(got, want) {
				t.Errorf("findings:\n%s\nwant (EXPECTED):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// A layout is a copy of one testdata/layouts directory, made a module
// (or workspace) that builds.
type layout struct {
	root, dir string   // the copy, and where the commands run in it
	env       []string // GOFLAGS, GOWORK
	args      []string // ARGS: flags for both modes
	expected  []string // EXPECTED, sorted
}

// newLayout copies src to a temporary directory, gives each go.mod there
// (a bare module line) the fixture module's requirements and go.sum, and
// runs its SETUP commands.
func newLayout(t *testing.T, src string) *layout {
	t.Helper()
	if err := fixtures.Download(); err != nil {
		t.Fatal(err)
	}
	fixMod := clitest.ReadFile(t, filepath.Join(fixtures.Dir(), "go.mod"))
	_, requires, _ := strings.Cut(fixMod, "\ngo ")
	requires = "go " + requires
	fixSum := clitest.ReadFile(t, filepath.Join(fixtures.Dir(), "go.sum"))

	lay := &layout{root: t.TempDir()}
	lay.dir = lay.root
	lay.env = []string{"GOFLAGS=", "GOWORK=off"}
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch rel {
		case "EXPECTED":
			lay.expected = lines(string(data))
			slices.Sort(lay.expected)
			return nil
		case "ARGS":
			lay.args = strings.Fields(string(data))
			return nil
		case "SETUP", "DIR":
			return nil
		case "go.work":
			lay.env = []string{"GOFLAGS="}
		}
		dst := filepath.Join(lay.root, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if filepath.Base(rel) == "go.mod" {
			data = append(data, []byte("\n"+requires)...)
			if err := os.WriteFile(filepath.Join(filepath.Dir(dst), "go.sum"), []byte(fixSum), 0o644); err != nil {
				return err
			}
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(src, "DIR")); err == nil {
		lay.dir = filepath.Join(lay.root, strings.TrimSpace(strings.TrimPrefix(string(data), "cd ")))
	}
	if data, err := os.ReadFile(filepath.Join(src, "SETUP")); err == nil {
		for _, line := range lines(string(data)) {
			f := strings.Fields(line)
			cmd := exec.Command(f[0], f[1:]...)
			cmd.Dir = lay.dir
			cmd.Env = append(os.Environ(), lay.env...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("SETUP %s: %v\n%s", line, err, out)
			}
		}
	}
	return lay
}

// short turns findings "package analyzer posn message" into "file:line
// analyzer", the file relative to the layout's directory, once each.
func (lay *layout) short(tree []string) []string {
	var out []string
	for _, e := range tree {
		f := strings.SplitN(e, " ", 4)
		file, line, _ := strings.Cut(f[2], ":")
		line, _, _ = strings.Cut(line, ":")
		if rel, err := filepath.Rel(lay.dir, file); err == nil {
			file = rel
		}
		s := fmt.Sprintf("%s:%s %s", filepath.ToSlash(file), line, f[1])
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// parseTree reads go vet's JSON output (tokenlint -json's stdout, or go
// vet -json's: a JSON tree per package, "# package" lines in between)
// into sorted "package analyzer posn message" entries. go vet -json
// writes it to standard output since Go 1.26.
func parseTree(t *testing.T, out string) []string {
	t.Helper()
	var text []string
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "#") {
			text = append(text, l)
		}
	}
	dec := json.NewDecoder(strings.NewReader(strings.Join(text, "\n")))
	var entries []string
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not go vet's JSON: %v\n%s", err, out)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []struct{ Posn, Message string }
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("%s: %s: %s", pkg, name, raw)
				}
				for _, d := range diags {
					entries = append(entries, fmt.Sprintf("%s %s %s %s", pkg, name, d.Posn, d.Message))
				}
			}
		}
	}
	slices.Sort(entries)
	return entries
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
