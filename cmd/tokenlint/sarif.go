package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/analysisutil"
)

// The SARIF 2.1.0 subset that GitHub code scanning reads.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name"`
		ShortDescription     sarifText       `json:"shortDescription"`
		FullDescription      sarifText       `json:"fullDescription"`
		Help                 sarifText       `json:"help"`
		HelpURI              string          `json:"helpUri"`
		DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
		Properties           sarifRuleProps  `json:"properties"`
	}
	sarifRuleConfig struct {
		Level string `json:"level"`
	}
	sarifRuleProps struct {
		Tags             []string `json:"tags"`
		Precision        string   `json:"precision"`
		SecuritySeverity string   `json:"security-severity"`
	}
	sarifText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool `json:"executionSuccessful"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		CodeFlows           []sarifCodeFlow   `json:"codeFlows,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
	}
	sarifLocation struct {
		ID               int           `json:"id,omitempty"` // from 1; 0 is none
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	// A code flow is the path from the credentials' source to the
	// finding, which code scanning draws step by step.
	sarifCodeFlow struct {
		ThreadFlows []sarifThreadFlow `json:"threadFlows"`
	}
	sarifThreadFlow struct {
		Locations []sarifThreadFlowLocation `json:"locations"`
	}
	sarifThreadFlowLocation struct {
		Location sarifLocation `json:"location"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

const informationURI = "https://github.com/tokenlint/tokenlint"

// writeSARIF writes findings as a SARIF 2.1.0 log with one rule per
// analyzer. File URIs are relative to the repository root (the nearest
// directory above the working directory with a .git), with uriBaseId
// %SRCROOT%, so that code scanning places them in the repository.
func writeSARIF(w io.Writer, fset *token.FileSet, names fileNames, enabled []*analysis.Analyzer, findings []finding, ok bool) error {
	root := repoRoot()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "tokenlint",
			Version:        version(),
			InformationURI: informationURI,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: ok}},
		Results:     []sarifResult{},
	}
	index := make(map[string]int)
	for i, a := range enabled {
		index[a.Name] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifText{Text: title(a.Doc)},
			FullDescription:      sarifText{Text: clip(firstParagraphs(a.Doc), 1000)},
			Help:                 ruleHelp(a),
			HelpURI:              a.URL,
			DefaultConfiguration: sarifRuleConfig{Level: "error"},
			Properties: sarifRuleProps{
				Tags:             []string{"security", "aws", "credentials"},
				Precision:        meta(a).precision,
				SecuritySeverity: meta(a).securitySeverity,
			},
		})
	}
	for _, f := range findings {
		uri, base := names.sarif(root, f.posn.Filename)
		region := sarifRegion{StartLine: f.posn.Line, StartColumn: f.posn.Column}
		if f.end.IsValid() && f.end.Filename == f.posn.Filename {
			region.EndLine, region.EndColumn = f.end.Line, f.end.Column
		}
		res := sarifResult{
			RuleID:    f.analyzer.Name,
			RuleIndex: index[f.analyzer.Name],
			Level:     level(f),
			Message:   sarifText{Text: f.diag.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base},
				Region:           region,
			}}},
			// The baseline's fingerprint (baseline.go): it survives
			// edits elsewhere in the file.
			PartialFingerprints: map[string]string{"primaryLocationLineHash": f.fingerprint},
		}
		addTrail(&res, root, fset, names, f)
		run.Results = append(run.Results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// addTrail gives a result its trail (the diagnostic's related
// information: the source, then each hop): one related location per
// entry, numbered from 1, and a code flow from the source through the hops
// to the finding. The source's place in the message ("(broker/broker.go:24)")
// becomes a link to its related location, because code scanning shows
// related locations only through links in the message.
func addTrail(res *sarifResult, root string, fset *token.FileSet, names fileNames, f finding) {
	if len(f.diag.Related) == 0 || fset == nil {
		return
	}
	var flow []sarifThreadFlowLocation
	for i, r := range f.diag.Related {
		p := fset.Position(r.Pos)
		if !p.IsValid() {
			continue
		}
		uri, base := names.sarif(root, p.Filename)
		loc := sarifLocation{
			ID: i + 1,
			PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base},
				Region:           sarifRegion{StartLine: p.Line, StartColumn: p.Column},
			},
			Message: &sarifText{Text: r.Message},
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
		step := loc
		step.ID = 0
		flow = append(flow, sarifThreadFlowLocation{Location: step})
	}
	if len(flow) == 0 {
		return
	}
	sink := res.Locations[0]
	sink.Message = &sarifText{Text: meta(f.analyzer).sink}
	flow = append(flow, sarifThreadFlowLocation{Location: sink})
	res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: flow}}}}
	res.Message.Text = linkSource(res.Message.Text, res.RelatedLocations[0])
}

// placeInMessage matches a place as messages name it: "(dir/file.go:24)".
var placeInMessage = regexp.MustCompile(`\(([^()\s]+\.go):(\d+)\)`)

// linkSource turns the first place in msg that names loc (the same line of
// a file whose URI ends with the place's path) into a SARIF embedded link
// to it, "([dir/file.go:24](1))". Brackets already in msg are escaped, as
// SARIF requires of plain-text messages with links.
func linkSource(msg string, loc sarifLocation) string {
	m := placeInMessage.FindStringSubmatchIndex(msg)
	if m == nil {
		return msg
	}
	file, line := msg[m[2]:m[3]], msg[m[4]:m[5]]
	uri := loc.PhysicalLocation.ArtifactLocation.URI
	if fmt.Sprint(loc.PhysicalLocation.Region.StartLine) != line || (uri != file && !strings.HasSuffix(uri, "/"+file)) {
		return msg
	}
	esc := strings.NewReplacer(`[`, `\[`, `]`, `\]`).Replace
	return esc(msg[:m[0]]) + fmt.Sprintf("([%s:%s](%d))", file, line, loc.ID) + esc(msg[m[1]:])
}

// writeGitHub writes GitHub Actions workflow commands, one annotation per
// finding, escaped as actions/toolkit does.
func writeGitHub(w io.Writer, findings []finding) {
	root := repoRoot()
	for _, f := range findings {
		// Annotations name files relative to the repository root, as the
		// checkout does, whatever the working directory.
		file := filepath.ToSlash(f.posn.Filename)
		if rel, inside := inRoot(root, f.posn.Filename); inside {
			file = rel
		}
		props := []string{
			"file=" + escapeProperty(file),
			fmt.Sprintf("line=%d", f.posn.Line),
			fmt.Sprintf("col=%d", f.posn.Column),
		}
		if f.end.IsValid() && f.end.Filename == f.posn.Filename {
			props = append(props, fmt.Sprintf("endLine=%d", f.end.Line), fmt.Sprintf("endColumn=%d", f.end.Column))
		}
		props = append(props, "title="+escapeProperty("tokenlint "+f.analyzer.Name))
		command := map[string]string{"note": "notice", "warning": "warning"}[level(f)]
		if command == "" {
			command = "error"
		}
		fmt.Fprintf(w, "::%s %s::%s\n", command, strings.Join(props, ","), escapeData(f.diag.Message))
	}
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// repoRoot returns the nearest directory at or above the working
// directory that holds a .git, or the working directory.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return wd
		}
	}
}

// firstParagraphs returns the doc after its title line.
func firstParagraphs(doc string) string {
	_, rest, ok := strings.Cut(doc, "\n\n")
	if !ok {
		return doc
	}
	para, _, _ := strings.Cut(strings.TrimSpace(rest), "\n\n")
	return strings.Join(strings.Fields(para), " ")
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

// lineCache reads source lines for fingerprints.
type lineCache map[string][]string

func newLineCache() lineCache { return make(lineCache) }

func (c lineCache) line(file string, n int) string {
	lines, ok := c[file]
	if !ok {
		if f, err := os.Open(file); err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<24)
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			f.Close()
		}
		c[file] = lines
	}
	if n >= 1 && n <= len(lines) {
		return lines[n-1]
	}
	return ""
}

// level is a finding's SARIF level: note for an intentional export
// reported as one (-exports=note, internal/analysisutil/exports.go),
// warning for a one-shot use of frozen credentials, error for every
// other finding.
func level(f finding) string {
	switch f.diag.Category {
	case analysisutil.ExportCategory:
		return "note"
	case analysisutil.OneShotCategory:
		return "warning"
	}
	return "error"
}
