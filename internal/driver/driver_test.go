package driver_test

import (
	"path/filepath"
	"testing"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/internal/driver"
)

// TestConditional: in the mentions layout, gapi is relevant only through
// signer, which names AWS_SESSION_TOKEN and whose facts produce nothing
// (results from parameters, no source): gapi is not analysed. export
// imports only tokenenv too, but tokenenv exports a constant naming the
// token variable and a helper that writes it, so export is analysed (its
// finding is pinned by the layout's EXPECTED, in both modes).
func TestConditional(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "cmd", "tokenlint", "testdata", "layouts", "mentions"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOWORK", "off")
	res, err := driver.Run(driver.Config{Analyzers: analyzers.All()}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	analysed := make(map[string]bool)
	for _, p := range res.Packages {
		analysed[p.PkgPath] = p.Actions != nil
	}
	for pkg, want := range map[string]bool{
		"example.com/mentions/signer":   true,
		"example.com/mentions/tokenenv": true,
		"example.com/mentions/export":   true,
		"example.com/mentions/caller":   true,
		"example.com/mentions/gapi":     false,
	} {
		got, ok := analysed[pkg]
		if !ok {
			t.Errorf("%s not reported on", pkg)
		} else if got != want {
			t.Errorf("%s analysed: %v, want %v", pkg, got, want)
		}
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
}
