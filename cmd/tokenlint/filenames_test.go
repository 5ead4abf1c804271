package main

import (
	"path/filepath"
	"testing"

	"github.com/tokenlint/tokenlint/internal/driver"
)

// TestFileNames: a file in the module cache is named module@version/file
// in text and relative to GOMODCACHE (escaped as the cache is) in SARIF;
// a file of the checkout relative to its root; nothing absolute in SARIF.
func TestFileNames(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "repo")
	cache := filepath.Join(base, "gopath", "pkg", "mod")
	mod := driver.Module{Path: "github.com/Azure/go-autorest", Version: "v14.2.0+incompatible", Dir: filepath.Join(cache, "github.com", "!azure", "go-autorest@v14.2.0+incompatible")}
	nested := driver.Module{Path: "github.com/Azure/go-autorest/autorest", Version: "v0.11.29", Dir: filepath.Join(cache, "github.com", "!azure", "go-autorest", "autorest@v0.11.29")}
	names := fileNames{&driver.Result{Modules: []driver.Module{nested, mod}}}

	for _, tc := range []struct {
		name, text, uri, base string
	}{
		{filepath.Join(mod.Dir, "auth", "token.go"), "github.com/Azure/go-autorest@v14.2.0+incompatible/auth/token.go", "github.com/!azure/go-autorest@v14.2.0+incompatible/auth/token.go", "GOMODCACHE"},
		{filepath.Join(nested.Dir, "client.go"), "github.com/Azure/go-autorest/autorest@v0.11.29/client.go", "github.com/!azure/go-autorest/autorest@v0.11.29/client.go", "GOMODCACHE"},
		{filepath.Join(root, "svc", "main.go"), relative(filepath.Join(root, "svc", "main.go")), "svc/main.go", "%SRCROOT%"},
		{filepath.Join(base, "lib", "lib.go"), relative(filepath.Join(base, "lib", "lib.go")), "../lib/lib.go", "%SRCROOT%"},
		// A directory that only starts like the module's is not in it.
		{mod.Dir + "-fork/x.go", relative(mod.Dir + "-fork/x.go"), "../gopath/pkg/mod/github.com/!azure/go-autorest@v14.2.0+incompatible-fork/x.go", "%SRCROOT%"},
	} {
		if got := names.text(tc.name); got != tc.text {
			t.Errorf("text(%s) = %s, want %s", tc.name, got, tc.text)
		}
		uri, b := names.sarif(root, tc.name)
		if uri != tc.uri || b != tc.base {
			t.Errorf("sarif(%s) = %s, %s; want %s, %s", tc.name, uri, b, tc.uri, tc.base)
		}
	}
	// Without a result, the names are go vet's.
	name := filepath.Join(mod.Dir, "auth", "token.go")
	if got := (fileNames{}).text(name); got != relative(name) {
		t.Errorf("text without modules = %s, want %s", got, relative(name))
	}
}
