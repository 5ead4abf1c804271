package engine_test

import (
	"testing"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/engine"
)

// TestUnitExportsFacts: the go vet units whose analysis the driver may
// skip are those run exports no fact for.
func TestUnitExportsFacts(t *testing.T) {
	sdk := engine.UnitImport{Path: "github.com/aws/aws-sdk-go-v2/aws"}
	std := engine.UnitImport{Path: "strings"}
	quiet := engine.UnitImport{Path: "example.com/util"}
	carrier := engine.UnitImport{Path: "example.com/carrier", HasFacts: true}
	for _, c := range []struct {
		name string
		u    engine.Unit
		want bool
	}{
		{"standard library", engine.Unit{Path: "net/http", Standard: true, Imports: []engine.UnitImport{std}}, false},
		{"the SDK, whose relevantFact no one reads", engine.Unit{Path: "github.com/aws/aws-sdk-go-v2/service/sts", Imports: []engine.UnitImport{sdk}}, false},
		{"a fork of the v1 SDK is not the SDK", engine.Unit{Path: "github.com/IBM/ibm-cos-sdk-go/aws", Imports: []engine.UnitImport{std}}, false},
		{"imports only std and quiet packages", engine.Unit{Path: "example.com/app", Imports: []engine.UnitImport{std, quiet}}, false},
		{"no imports", engine.Unit{Path: "example.com/leaf"}, false},
		{"imports the SDK", engine.Unit{Path: "example.com/app", Imports: []engine.UnitImport{std, sdk}}, true},
		{"imports a package with facts", engine.Unit{Path: "example.com/app", Imports: []engine.UnitImport{quiet, carrier}}, true},
		{"names a session token", engine.Unit{Path: "example.com/env", Mentions: true, Imports: []engine.UnitImport{std}}, true},
		{"std naming a session token is still std", engine.Unit{Path: "os", Standard: true, Mentions: true}, false},
	} {
		if got := engine.UnitExportsFacts(c.u); got != c.want {
			t.Errorf("%s: UnitExportsFacts = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestUnitExportsFactsCatalog: a package the user's catalogue names, and
// its importers, have facts.
func TestUnitExportsFactsCatalog(t *testing.T) {
	cfg, err := config.Parse("tokenlint.yml", []byte("sources:\n  - package: example.com/broker\n    function: Fetch\n"))
	if err != nil {
		t.Fatal(err)
	}
	engine.SetCatalog(catalog.Extend(cfg))
	t.Cleanup(func() { engine.SetCatalog(nil) })
	broker := engine.UnitImport{Path: "example.com/broker"}
	if !engine.UnitExportsFacts(engine.Unit{Path: "example.com/broker"}) {
		t.Error("the package the catalogue names: UnitExportsFacts = false, want true")
	}
	if !engine.UnitExportsFacts(engine.Unit{Path: "example.com/app", Imports: []engine.UnitImport{broker}}) {
		t.Error("its importer: UnitExportsFacts = false, want true")
	}
	if engine.UnitExportsFacts(engine.Unit{Path: "example.com/other"}) {
		t.Error("an unrelated package: UnitExportsFacts = true, want false")
	}
}
