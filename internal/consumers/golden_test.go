package consumers_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// verdicts are the judgements a golden entry may give, after reading the
// code behind the finding.
var verdicts = []string{
	"true positive",      // a real bug: the credentials cannot refresh
	"low-harm",           // real, but the process ends before the session does
	"intentional export", // a credential tool exporting on purpose
	"false positive",     // a tokenlint bug, with the fixture reproducing it
}

// regressFixture names the fixture a false-positive verdict must cite.
var regressFixture = regexp.MustCompile(`testdata/src/regress/[A-Za-z0-9_-]+`)

// A golden file lists the expected findings, each on a line with its
// verdict, followed by its trail, a line for each step:
//
//	<finding> -- <verdict>: <why, after reading the code>
//		<file>:<line>:<col>: <step>
type golden struct {
	order    []string          // findings (with their trails) in file order
	verdict  map[string]string // finding -> "verdict: why"
	problems []string          // malformed lines
}

// readGolden parses a golden file; a false positive must cite a fixture
// under testdata/src/regress that exists in repo.
func readGolden(name, repo string) (*golden, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g := &golden{verdict: make(map[string]string)}
	var finding, why string
	var at int
	flush := func() {
		if finding == "" {
			return
		}
		if _, dup := g.verdict[finding]; dup {
			g.problems = append(g.problems, fmt.Sprintf("%s:%d: finding listed twice", filepath.Base(name), at))
		} else {
			g.order = append(g.order, finding)
			g.verdict[finding] = why
		}
		finding = ""
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(raw, "\t"):
			if finding == "" {
				g.problems = append(g.problems, fmt.Sprintf("%s:%d: a trail step without a finding before it", filepath.Base(name), n))
				continue
			}
			finding += "\n\t" + line
			continue
		}
		flush()
		finding, why, _ = strings.Cut(line, " -- ")
		at = n
		if msg := checkVerdict(why, repo); msg != "" {
			g.problems = append(g.problems, fmt.Sprintf("%s:%d: %s", filepath.Base(name), n, msg))
		}
	}
	flush()
	return g, sc.Err()
}

// checkVerdict returns what is wrong with a verdict, or "".
func checkVerdict(why, repo string) string {
	kind, reason, ok := strings.Cut(why, ":")
	if !ok || strings.TrimSpace(reason) == "" || !slices.Contains(verdicts, kind) {
		return fmt.Sprintf("want ' -- <verdict>: <reason>' with a verdict among %q", verdicts)
	}
	if kind == "false positive" {
		fixture := regressFixture.FindString(reason)
		if fixture == "" {
			return "a false positive must cite its fixture, testdata/src/regress/<name>"
		}
		if _, err := os.Stat(filepath.Join(repo, fixture)); err != nil {
			return fmt.Sprintf("cited fixture %s: %v", fixture, err)
		}
	}
	return ""
}

// diff returns the findings that are new and those that vanished.
func (g *golden) diff(found []string) (added, vanished []string) {
	for _, f := range found {
		if _, ok := g.verdict[f]; !ok {
			added = append(added, f)
		}
	}
	for _, f := range g.order {
		if !slices.Contains(found, f) {
			vanished = append(vanished, f)
		}
	}
	return added, vanished
}

// candidate renders a golden file for found: the header of the current
// file, the verdicts it already has, a finding whose message changed at
// the same position keeps its old verdict marked for re-checking, and a
// new finding gets a TODO that the test rejects until someone writes the
// verdict.
func (g *golden) candidate(header string, found []string) string {
	byPos := make(map[string]string)
	for _, f := range g.order {
		byPos[position(f)] = g.verdict[f]
	}
	var b strings.Builder
	b.WriteString(header)
	for _, f := range found {
		why, ok := g.verdict[f]
		switch {
		case ok:
		case byPos[position(f)] != "":
			why = "RECHECK (the message or trail changed) " + byPos[position(f)]
		default:
			why = "TODO: read the code, then write the verdict"
		}
		first, trail, _ := strings.Cut(f, "\n")
		fmt.Fprintf(&b, "%s -- %s\n", first, why)
		if trail != "" {
			fmt.Fprintf(&b, "%s\n", trail)
		}
	}
	return b.String()
}

// position returns the "file:line:col" of a finding.
func position(finding string) string {
	finding, _, _ = strings.Cut(finding, "\n")
	if m := findingLine.FindStringSubmatch(finding); m != nil {
		return m[1] + ":" + m[2] + ":" + m[3]
	}
	return finding
}

// header returns the leading comment block of a golden file.
func header(name string) string {
	data, err := os.ReadFile(name)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if !strings.HasPrefix(line, "#") && strings.TrimSpace(line) != "" {
			break
		}
		b.WriteString(line)
	}
	return b.String()
}
