// Package analysisutil holds the small pieces every tokenlint analyzer
// shares: its documentation extracted from doc.go, and the reporting of a
// finding (with suppression directives, generated and vendored files).
package analysisutil

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the "# Analyzer NAME" section of a doc.go file's
// package comment, the way the x/tools passes embed their documentation:
// the same text renders on pkg.go.dev and in "tokenlint help NAME".
// It panics if the section is missing, which a test catches at once.
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// ExtractDoc is MustExtractDoc with an error.
func ExtractDoc(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("parsing doc.go: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	for _, section := range strings.Split(f.Doc.Text(), "\n# ")[1:] {
		body, ok := strings.CutPrefix(section, "Analyzer "+name+"\n")
		if !ok {
			continue
		}
		body = strings.TrimLeft(body, "\n")
		if !strings.HasPrefix(body, name+":") {
			return "", fmt.Errorf("section 'Analyzer %s' must start with %q", name, name+":")
		}
		return strings.TrimSpace(strings.TrimPrefix(body, name+":")), nil
	}
	return "", fmt.Errorf("doc.go has no section 'Analyzer %s'", name)
}
