package integration

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The GitHub Action tests run actionlint (the version pinned below, through
// the Go module proxy; "go run pkg@version" leaves go.mod alone) over the
// workflows, and check action.yml's structure. actionlint does not lint an
// action.yml by itself, but it checks every "uses: ./" step of a workflow
// against ./action.yml: the inputs given must be defined there, and
// steps.<id>.outputs.<name> must be one of its outputs.

const actionlintPkg = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// actionInputs are the inputs that docs/github-action.md documents, with
// their defaults.
var actionInputs = map[string]string{
	"version":           "''",
	"working-directory": ".",
	"packages":          "./...",
	"args":              "''",
	"sarif":             "'true'",
	"sarif-file":        "tokenlint.sarif",
	"category":          "tokenlint",
	"fail-on-findings":  "'true'",
	"only-new":          "'false'",
	"base":              "''",
}

// actionOutputs are the outputs that docs/github-action.md documents.
var actionOutputs = []string{"findings", "exit-code", "sarif-file"}

// actionlint runs actionlint on files from the repository root.
func actionlint(t *testing.T, files ...string) Result {
	t.Helper()
	start := time.Now()
	r := Run(t, RepoRoot(), nil, "go", append([]string{"run", actionlintPkg, "-no-color"}, files...)...)
	t.Logf("actionlint %s: exit %d in %s", strings.Join(files, " "), r.Code, time.Since(start).Round(time.Millisecond))
	return r
}

// actionProject returns a scratch project holding a copy of action.yml. It
// has a .git directory: without one, actionlint finds no project and does
// not check "uses: ./" steps at all.
func actionProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(RepoRoot(), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{".git", filepath.Join(".github", "workflows")} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "action.yml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func actionWriteWorkflow(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, ".github", "workflows", name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestActionWorkflows lints the repository's workflow, which runs the
// action through "uses: ./", and the documented example workflow.
func TestActionWorkflows(t *testing.T) {
	SkipShort(t)
	if _, err := os.Stat(filepath.Join(RepoRoot(), ".git")); err != nil {
		t.Logf("no .git in %s: actionlint cannot check the inputs of uses: ./ here; TestActionInputs still does", RepoRoot())
	}
	r := actionlint(t, ".github/workflows/tokenlint.yml", "docs/examples/tokenlint-workflow.yml")
	if r.Code != 0 {
		t.Fatalf("actionlint: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}

// TestActionInputs proves that actionlint checks uses: ./ against
// action.yml: every documented input and output is accepted, and the
// repository's workflow with one unknown input is rejected.
func TestActionInputs(t *testing.T) {
	SkipShort(t)
	dir := actionProject(t)

	var with, env strings.Builder
	for name := range actionInputs {
		with.WriteString("          " + name + ": x\n")
	}
	for _, name := range actionOutputs {
		env.WriteString("          OUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_")) + ": ${{ steps.tokenlint.outputs." + name + " }}\n")
	}
	all := actionWriteWorkflow(t, dir, "all.yml", `name: all
on: push
jobs:
  all:
    runs-on: ubuntu-latest
    steps:
      - id: tokenlint
        uses: ./
        with:
`+with.String()+`      - run: env | grep '^OUT_'
        env:
`+env.String())
	if r := actionlint(t, all); r.Code != 0 {
		t.Errorf("actionlint rejects the documented inputs and outputs: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}

	// The repository's workflow, with "bogus: x" added to the with: of its
	// first uses: ./ step.
	data, err := os.ReadFile(filepath.Join(RepoRoot(), ".github", "workflows", "tokenlint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	at := -1
	for i := range lines {
		if strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(lines[i]), "- ")) != "uses: ./" {
			continue
		}
		for j := i + 1; j+1 < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "with:" {
				at = j + 1
				break
			}
		}
		break
	}
	if at < 0 {
		t.Fatal(".github/workflows/tokenlint.yml has no uses: ./ step with a with:")
	}
	indent := lines[at][:len(lines[at])-len(strings.TrimLeft(lines[at], " "))]
	lines = append(lines[:at], append([]string{indent + "bogus: x"}, lines[at:]...)...)
	bogus := actionWriteWorkflow(t, dir, "tokenlint.yml", strings.Join(lines, "\n"))
	r := actionlint(t, bogus)
	out := r.Stdout + r.Stderr
	if r.Code == 0 {
		t.Fatalf("actionlint accepts an unknown input of uses: ./:\n%s", out)
	}
	if !strings.Contains(out, `input "bogus" is not defined`) {
		t.Errorf("actionlint failed, but not on the unknown input bogus:\n%s", out)
	}
}

// TestActionMetadata checks action.yml's structure, which actionlint does
// not: a composite action whose inputs have the documented defaults, whose
// run steps declare a shell and never expand ${{ }} in a script (inputs
// reach scripts through env: only), with the SARIF upload and the two
// output formats.
func TestActionMetadata(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(RepoRoot(), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	var scripts string
	for _, name := range []string{"install.sh", "run.sh"} {
		data, err := os.ReadFile(filepath.Join(RepoRoot(), "action", name))
		if err != nil {
			t.Fatal(err)
		}
		scripts += string(data)
	}
	for _, want := range []string{
		"go install \"github.com/tokenlint/tokenlint/cmd/tokenlint@${TOKENLINT_VERSION}\"",
		"tokenlint -format=sarif ",
		"tokenlint -format=github ",
	} {
		if !strings.Contains(scripts, want) {
			t.Errorf("action/*.sh lack %q", want)
		}
	}
	for _, want := range []string{
		"\nruns:\n  using: composite\n",
		`run: bash "$GITHUB_ACTION_PATH/action/install.sh"`,
		`run: bash "$GITHUB_ACTION_PATH/action/run.sh" sarif`,
		`run: bash "$GITHUB_ACTION_PATH/action/run.sh" annotations`,
		"if: always() && inputs.sarif == 'true'",
		"uses: github/codeql-action/upload-sarif@v4",
		"sarif_file: ${{ steps.sarif.outputs.sarif-file }}",
		"category: ${{ inputs.category }}",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("action.yml lacks %q", want)
		}
	}

	// Inputs and their defaults.
	inputs, _, ok := strings.Cut(text[strings.Index(text, "\ninputs:\n")+1:], "\noutputs:\n")
	if !ok {
		t.Fatal("action.yml: no inputs: followed by outputs:")
	}
	key := regexp.MustCompile(`(?m)^  ([a-z-]+):\n`)
	found := map[string]bool{}
	locs := key.FindAllStringSubmatchIndex(inputs, -1)
	for i, m := range locs {
		name := inputs[m[2]:m[3]]
		end := len(inputs)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		block := inputs[m[1]:end]
		found[name] = true
		want, documented := actionInputs[name]
		if !documented {
			t.Errorf("action.yml: input %s is not documented (actionInputs, docs/github-action.md)", name)
			continue
		}
		if !strings.Contains(block, "\n    default: "+want+"\n") && !strings.HasPrefix(block, "    default: "+want+"\n") {
			t.Errorf("action.yml: input %s: want default: %s in\n%s", name, want, block)
		}
	}
	for name := range actionInputs {
		if !found[name] {
			t.Errorf("action.yml: no input %s", name)
		}
	}

	// The documentation: the example workflow, every input and output.
	doc, err := os.ReadFile(filepath.Join(RepoRoot(), "docs", "github-action.md"))
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(RepoRoot(), "docs", "examples", "tokenlint-workflow.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, body, ok := strings.Cut(string(example), "\nname: "); !ok || !strings.Contains(string(doc), "```yaml\nname: "+body+"```") {
		t.Errorf("docs/github-action.md does not show docs/examples/tokenlint-workflow.yml (from its name: line on)")
	}
	for name := range actionInputs {
		if !strings.Contains(string(doc), "| `"+name+"` |") {
			t.Errorf("docs/github-action.md: no row for input %s", name)
		}
	}
	for _, name := range actionOutputs {
		if !strings.Contains(string(doc), "| `"+name+"` |") {
			t.Errorf("docs/github-action.md: no row for output %s", name)
		}
	}

	// Steps: a shell for each run step, and no ${{ }} inside a script.
	_, steps, ok := strings.Cut(text, "\n  steps:\n")
	if !ok {
		t.Fatal("action.yml: no runs.steps")
	}
	for _, step := range regexp.MustCompile(`(?m)^    - `).Split(steps, -1)[1:] {
		lines := strings.Split(step, "\n")
		name := lines[0]
		run := -1
		for i, l := range lines {
			if strings.HasPrefix(l, "      run:") {
				run = i
			}
		}
		if run < 0 {
			continue
		}
		if !strings.Contains(step, "\n      shell: bash\n") {
			t.Errorf("action.yml: step %q runs a script without shell: bash", name)
		}
		for i, l := range lines[run:] {
			if i > 0 && l != "" && len(l)-len(strings.TrimLeft(l, " ")) <= 6 {
				break // the script ended: the next key of the step
			}
			if strings.Contains(l, "${{") {
				t.Errorf("action.yml: step %q expands an expression inside its script (pass it through env: instead): %s", name, strings.TrimSpace(l))
			}
		}
	}
}
