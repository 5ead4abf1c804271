package main

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/docs"
)

// ruleMeta is what code scanning needs of a rule beyond its analyzer.
type ruleMeta struct {
	// securitySeverity is GitHub code scanning's properties.security-severity,
	// a CVSS-like score as a string: 9.0 and above is critical, 7.0-8.9 high,
	// 4.0-6.9 medium, 0.1-3.9 low. A rule that has one is ranked as a
	// security alert.
	securitySeverity string
	// precision is SARIF's properties.precision (very-high, high, medium,
	// low): how often a result is a true positive.
	precision string
	// sink names the finding's own place as the last step of a code flow.
	sink string
}

// rules holds each analyzer's scores. The reasoning:
//
//   - secretlog 7.5 (high): a secret access key or session token in a log
//     is disclosed credentials (CWE-532), usable by anyone who can read
//     the logs until it expires or is rotated. Not critical: reading it
//     needs access to the logs.
//   - envoverride 5.0 (medium): a session token put into the environment
//     or a file outlives its session and shadows the refreshing chain
//     (an outage), and a file or a child's environment exposes it beyond
//     the process (CWE-522).
//   - staticcreds 4.0, singletonclient 4.0 (medium): availability. The
//     credentials never refresh, so every request fails with ExpiredToken
//     once the session ends, and for a singleton for the rest of the
//     process's life. Nothing is disclosed, and no attacker triggers it,
//     so these are the lowest of medium.
//
// Precision is high for all four: each decides by provenance (the value
// must come from temporary credentials, followed across functions and
// packages), literals and long-lived keys (an empty session token) are not
// reported, and the fixtures hold the negatives beside the positives.
var rules = map[string]ruleMeta{
	"staticcreds":     {securitySeverity: "4.0", precision: "high", sink: "static provider built here"},
	"envoverride":     {securitySeverity: "5.0", precision: "high", sink: "written here"},
	"singletonclient": {securitySeverity: "4.0", precision: "high", sink: "held for the process here"},
	"secretlog":       {securitySeverity: "7.5", precision: "high", sink: "logged here"},
}

// meta returns an analyzer's scores, with defaults for one not listed.
func meta(a *analysis.Analyzer) ruleMeta {
	m, ok := rules[a.Name]
	if !ok {
		m = ruleMeta{securitySeverity: "4.0", precision: "medium"}
	}
	if m.sink == "" {
		m.sink = "reported here"
	}
	return m
}

// ruleHelp returns a rule's help: its doc and link as text, and its page
// from docs/ as Markdown (the analyzer's doc when there is no page).
func ruleHelp(a *analysis.Analyzer) sarifText {
	h := sarifText{Text: a.Doc}
	if a.URL != "" {
		h.Text += "\n\nMore: " + a.URL
	}
	base := ""
	if i := strings.LastIndex(a.URL, "/"); i >= 0 {
		base = a.URL[:i+1]
	}
	if page, ok := docs.Rule(a.Name, base); ok {
		h.Markdown = page
	} else {
		h.Markdown = a.Doc
	}
	return h
}
