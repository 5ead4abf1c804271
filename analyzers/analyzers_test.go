package analyzers_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/internal/analysisutil"
)

// TestDocs: every analyzer is valid, documents itself, and links to a
// rule page that exists in docs/.
func TestDocs(t *testing.T) {
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	const prefix = "https://github.com/tokenlint/tokenlint/blob/main/"
	for _, a := range all {
		if !strings.HasPrefix(a.Doc, "report ") || len(a.Doc) < 200 {
			t.Errorf("%s: Doc should open with a lower-case title and explain the rule; got %q", a.Name, a.Doc)
		}
		page, ok := strings.CutPrefix(a.URL, prefix)
		if !ok || page != "docs/"+a.Name+".md" {
			t.Errorf("%s: URL %q should be %sdocs/%s.md", a.Name, a.URL, prefix, a.Name)
			continue
		}
		if _, err := os.Stat(filepath.Join("..", page)); err != nil {
			t.Errorf("%s: rule page missing: %v", a.Name, err)
		}
	}
}

// TestDirectiveNames: the names a suppression directive may use are
// exactly the analyzers', so that a directive naming anything else is
// reported as a typo.
func TestDirectiveNames(t *testing.T) {
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, analysisutil.Names) {
		t.Errorf("analysisutil.Names = %v, analyzers.All() = %v", analysisutil.Names, names)
	}
}
