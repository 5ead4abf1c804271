package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/engine"
)

// configUsage documents -config in both modes.
const configUsage = "read catalogue entries (sources, static_sinks, refreshing_providers, clients, log_sinks) from the YAML `file`; see docs/configuration.md"

// configFlag is -config=FILE. The driver, never an analyzer, reads and
// validates the file, then installs its entries in the engine
// (engine.SetCatalog). In go vet mode the flag's Set does it, because
// unitchecker parses the flags and runs at once; standalone, load does it
// after parsing, so that a bad file is one clear error, not a usage text.
// go vet runs the tool in each package's directory, so there the path
// must be absolute.
type configFlag struct {
	file  string
	eager bool
}

func (f *configFlag) String() string { return f.file }

func (f *configFlag) Set(file string) error {
	f.file = file
	if f.eager {
		if !filepath.IsAbs(file) {
			// go vet runs the tool in each package's directory (the
			// standard library's and the module cache's too): a relative
			// name would mean another file in each.
			return fmt.Errorf("-config=%s: go vet runs the tool in each package's directory, so give an absolute path (e.g. -config=$PWD/%s)", file, file)
		}
		return f.load()
	}
	return nil
}

// load parses and installs the file named by the flag, if any.
func (f *configFlag) load() error {
	if f.file == "" {
		return nil
	}
	data, err := os.ReadFile(f.file)
	if err != nil {
		return fmt.Errorf("-config: %v", err)
	}
	cfg, err := config.Parse(f.file, data)
	if err != nil {
		return fmt.Errorf("-config: %v", err)
	}
	engine.SetCatalog(catalog.Extend(cfg))
	return nil
}

// configFlagOn defines -config on a flag set.
func configFlagOn(fs *flag.FlagSet, eager bool) *configFlag {
	f := &configFlag{eager: eager}
	fs.Var(f, "config", configUsage)
	return f
}
