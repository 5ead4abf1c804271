package docs_test

import (
	"os"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/docs"
)

// TestRule: every analyzer's page is embedded, byte for byte as on disk
// but for its links to sibling pages, which become absolute.
func TestRule(t *testing.T) {
	const base = "https://github.com/tokenlint/tokenlint/blob/main/docs/"
	for _, a := range analyzers.All() {
		page, ok := docs.Rule(a.Name, base)
		if !ok {
			t.Errorf("no embedded page for %s", a.Name)
			continue
		}
		disk, err := os.ReadFile(a.Name + ".md")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(page, "# "+a.Name+":") {
			t.Errorf("%s: page starts %q", a.Name, page[:min(40, len(page))])
		}
		want := string(disk)
		for _, sib := range []string{"staticcreds", "envoverride", "singletonclient", "secretlog", "configuration"} {
			want = strings.ReplaceAll(want, "]("+sib+".md)", "]("+base+sib+".md)")
			want = strings.ReplaceAll(want, "]("+sib+".md#", "]("+base+sib+".md#")
		}
		if page != want {
			t.Errorf("%s: embedded page differs from %s.md beyond its links", a.Name, a.Name)
		}
		if strings.Contains(page, "](staticcreds.md") || strings.Contains(page, "](secretlog.md") {
			t.Errorf("%s: a relative link is left", a.Name)
		}
	}
	page, _ := docs.Rule("envoverride", base)
	if !strings.Contains(page, "[staticcreds]("+base+"staticcreds.md)") {
		t.Error("envoverride's link to staticcreds is not absolute")
	}
	for _, bad := range []string{"", "nosuch", "../README", "docs.go"} {
		if _, ok := docs.Rule(bad, base); ok {
			t.Errorf("Rule(%q) found a page", bad)
		}
	}
}
