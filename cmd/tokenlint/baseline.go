package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/tokenlint/tokenlint/internal/driver"
	tlversion "github.com/tokenlint/tokenlint/internal/version"
)

// A baseline records the findings a codebase already has, so that
// tokenlint reports only new ones:
//
//	tokenlint -write-baseline=tokenlint-baseline.json ./...
//	tokenlint -baseline=tokenlint-baseline.json ./...
//
// A finding matches an entry by rule, file (relative to its module's
// root, so the working directory does not matter) and fingerprint, never
// by line number: the fingerprint hashes the rule, the file, the trimmed
// text of the finding's line, the stable part of its message (positions
// in it removed) and its occurrence among findings alike in the file. It
// survives edits above the line; editing the line itself makes the
// finding new. SARIF's partialFingerprints carry the same value.

// baselineVersion is the file format's version.
const baselineVersion = 1

type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	// Line and message are for people reading the file; matching
	// ignores them.
	Line    int    `json:"line"`
	Message string `json:"message"`
}

type baselineOptions struct {
	read, write string
}

// register defines -baseline and -write-baseline.
func (b *baselineOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&b.read, "baseline", "", "report only findings that are not in the baseline `file` (written by -write-baseline)")
	fs.StringVar(&b.write, "write-baseline", "", "write the findings to the baseline `file` instead of reporting them, and exit 0")
}

func (b *baselineOptions) check() error {
	if b.read != "" && b.write != "" {
		return errors.New("-baseline and -write-baseline exclude each other: -write-baseline alone rewrites the baseline")
	}
	return nil
}

// fingerprint sets each finding's fingerprint; findings must be sorted.
func fingerprint(findings []finding) {
	lines := newLineCache()
	occurrences := make(map[string]int)
	for i := range findings {
		f := &findings[i]
		text := strings.TrimSpace(lines.line(f.posn.Filename, f.posn.Line))
		key := strings.Join([]string{f.analyzer.Name, moduleRelative(f.posn.Filename), text, stableMessage(f.diag.Message)}, "\x00")
		occurrences[key]++
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, occurrences[key]))
		f.fingerprint = hex.EncodeToString(sum[:16])
	}
}

// positionInMessage matches the file positions that messages quote
// (where the credentials came from): they move with edits elsewhere.
var positionInMessage = regexp.MustCompile(`(\.go):\d+(:\d+)?`)

func stableMessage(msg string) string {
	return positionInMessage.ReplaceAllString(msg, "$1")
}

// moduleRelative returns a file's path relative to the root of the
// module that holds it (the nearest directory above it with a go.mod),
// with forward slashes; a file outside any module keeps its path.
func moduleRelative(name string) string {
	for dir := filepath.Dir(name); ; dir = filepath.Dir(dir) {
		if _, ok := moduleRoots[dir]; !ok {
			_, err := os.Stat(filepath.Join(dir, "go.mod"))
			moduleRoots[dir] = err == nil
		}
		if moduleRoots[dir] {
			if rel, err := filepath.Rel(dir, name); err == nil {
				return filepath.ToSlash(rel)
			}
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return filepath.ToSlash(name)
}

var moduleRoots = make(map[string]bool) // directory → holds a go.mod

// apply writes the baseline (-write-baseline: done is true, and the
// findings are not reported) or drops the findings it holds from
// findings and from the actions' diagnostics (-baseline), which the
// output is made of.
func (b *baselineOptions) apply(fset *token.FileSet, findings []finding, result []*driver.Package, status int, stderr io.Writer) (_ []finding, _ int, done bool) {
	switch {
	case b.write != "":
		if status == exitError || analyzerFailed(result) {
			// The findings are incomplete: report them, and the errors.
			fmt.Fprintf(stderr, "tokenlint: -write-baseline: not written, because of errors\n")
			return findings, status, false
		}
		if err := writeBaseline(b.write, findings); err != nil {
			fmt.Fprintf(stderr, "tokenlint: -write-baseline: %v\n", err)
			return findings, exitError, true
		}
		fmt.Fprintf(stderr, "tokenlint: wrote %d finding(s) to the baseline %s\n", len(findings), b.write)
		return findings, exitClean, true
	case b.read != "":
		base, err := readBaseline(b.read)
		if err != nil {
			fmt.Fprintf(stderr, "tokenlint: -baseline: %v\n", err)
			return findings, exitError, true
		}
		remaining := make(map[baselineKey]int)
		for _, e := range base.Findings {
			remaining[baselineKey{e.Rule, e.File, e.Fingerprint}]++
		}
		var kept []finding
		dropped := make(map[string]bool) // findingKey
		for _, f := range findings {
			k := baselineKey{f.analyzer.Name, moduleRelative(f.posn.Filename), f.fingerprint}
			if remaining[k] > 0 {
				remaining[k]--
				dropped[findingKey(f.posn, f.analyzer.Name, f.diag.Message)] = true
				continue
			}
			kept = append(kept, f)
		}
		for _, p := range result {
			for name, act := range p.Actions {
				var diags = act.Diagnostics[:0:0]
				for _, d := range act.Diagnostics {
					if !dropped[findingKey(fset.Position(d.Pos), name, d.Message)] {
						diags = append(diags, d)
					}
				}
				act.Diagnostics = diags
			}
		}
		if n := len(findings) - len(kept); n > 0 {
			fmt.Fprintf(stderr, "tokenlint: %d finding(s) in the baseline %s not reported\n", n, b.read)
		}
		return kept, status, false
	}
	return findings, status, false
}

// analyzerFailed reports whether an analyzer failed on a package, other
// than because of the package's own errors.
func analyzerFailed(result []*driver.Package) bool {
	for _, p := range result {
		for _, act := range p.Actions {
			if act.Err != nil && !ignorableErr(p) {
				return true
			}
		}
	}
	return false
}

type baselineKey struct{ rule, file, fingerprint string }

// findingKey identifies a diagnostic as the driver's deduplication does.
func findingKey(posn token.Position, analyzer, message string) string {
	return fmt.Sprintf("%s %s %s", posn, analyzer, message)
}

func writeBaseline(name string, findings []finding) error {
	file := baselineFile{Version: baselineVersion, Tool: "tokenlint " + tlversion.String(), Findings: []baselineEntry{}}
	for _, f := range findings {
		file.Findings = append(file.Findings, baselineEntry{
			Rule:        f.analyzer.Name,
			File:        moduleRelative(f.posn.Filename),
			Fingerprint: f.fingerprint,
			Line:        f.posn.Line,
			Message:     f.diag.Message,
		})
	}
	data, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(data, '\n'), 0o666)
}

func readBaseline(name string) (*baselineFile, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var file baselineFile
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("%s: not a tokenlint baseline: %v", name, err)
	}
	if file.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline format version %d, this tokenlint reads version %d: rewrite it with -write-baseline", name, file.Version, baselineVersion)
	}
	for i, e := range file.Findings {
		if e.Rule == "" || e.File == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: finding %d lacks its rule, file or fingerprint", name, i+1)
		}
	}
	return &file, nil
}
