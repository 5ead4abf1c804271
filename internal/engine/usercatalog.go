package engine

import (
	"errors"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// The user's catalogue entries reach the engine as the value of its
// "catalog" flag: drivers parse the configuration (internal/config),
// extend the catalogue with it (catalog.Extend) and install the result
// with SetCatalog before the analysis starts. The engine reads no files.
// The flag is not one a user sets on a command line: it is how the value
// travels with the analyzer, as the analyzers' own options do.

// catalogFlag holds the extended catalogue (nil: the built-in one).
type catalogFlag struct{ cat *catalog.Catalog }

func (f *catalogFlag) String() string {
	if f == nil || f.cat == nil {
		return ""
	}
	return "(configured)"
}

func (f *catalogFlag) Set(string) error {
	return errors.New("the catalogue is installed by the driver from -config, not set as a flag")
}

func (f *catalogFlag) Get() any { return f.cat }

func init() {
	Analyzer.Flags.Var(new(catalogFlag), "catalog", "the user's catalogue entries, installed by the driver (see -config)")
}

// SetCatalog installs the catalogue the engine consults (nil: the
// built-in one). Drivers call it once, before analysing.
func SetCatalog(c *catalog.Catalog) {
	Analyzer.Flags.Lookup("catalog").Value.(*catalogFlag).cat = c
}

// installedCatalog returns the catalogue installed by SetCatalog.
func installedCatalog() *catalog.Catalog {
	return Analyzer.Flags.Lookup("catalog").Value.(*catalogFlag).cat
}

// catalogOf returns the catalogue installed on the pass's analyzer.
func catalogOf(pass *analysis.Pass) *catalog.Catalog {
	if f := pass.Analyzer.Flags.Lookup("catalog"); f != nil {
		if cf, ok := f.Value.(*catalogFlag); ok {
			return cf.cat
		}
	}
	return nil
}

// memberKey returns the catalogue key of a function or method.
func memberKey(obj *types.Func) (catalog.MemberKey, bool) {
	if obj == nil || obj.Pkg() == nil {
		return catalog.MemberKey{}, false
	}
	obj = obj.Origin()
	k := catalog.MemberKey{Pkg: obj.Pkg().Path(), Name: obj.Name()}
	if recv := obj.Signature().Recv(); recv != nil {
		rk, ok := typeKey(recv.Type())
		if !ok {
			return catalog.MemberKey{}, false
		}
		k.Recv = rk.Name
	}
	return k, true
}
