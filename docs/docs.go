// Package docs holds tokenlint's documentation pages, embedded so that
// drivers can ship a rule's page with its findings (the SARIF writer puts
// it in each rule's help.markdown) without reading files at run time.
package docs

import (
	"embed"
	"regexp"
	"strings"
)

//go:embed *.md
var pages embed.FS

// Rule returns the page of the rule (the analyzer) named name,
// docs/<name>.md, with its links to sibling pages made absolute against
// base, the URL of the docs folder ("https://github.com/o/r/blob/main/docs/"),
// so that they work wherever the page is shown. ok is false if there is
// no such page.
func Rule(name, base string) (page string, ok bool) {
	if name == "" || strings.ContainsAny(name, `/\.`) {
		return "", false
	}
	data, err := pages.ReadFile(name + ".md")
	if err != nil {
		return "", false
	}
	return absLinks(string(data), base), true
}

// relLink matches a Markdown link to a page beside this one: "](name.md"
// or "](name.md#anchor".
var relLink = regexp.MustCompile(`\]\(([A-Za-z0-9_-]+\.md)([#)])`)

func absLinks(page, base string) string {
	if base == "" {
		return page
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return relLink.ReplaceAllString(page, "]("+base+"$1$2")
}
