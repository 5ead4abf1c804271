package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/engine"
)

// configUsage documents -config in both modes.
const (
	configUsage = "read catalogue entries (sources, static_sinks, refreshing_providers, clients, log_sinks) from the YAML `file`; see docs/configuration.md"
	digestUsage = "the SHA-256 (`hex`) of the -config file: checked against it; under go vet, pass it so that go vet's result cache, which goes by the flags and not by the file's content, misses when the file changes"
)

// configFlags are -config=FILE and -config.sha256=HEX. The driver, never
// an analyzer, reads and validates the file, then installs its entries in
// the engine (engine.SetCatalog). In go vet mode the flags' Set does it,
// because unitchecker parses the flags and runs at once; standalone, load
// does it after parsing, so that a bad file is one clear error, not a
// usage text. go vet runs the tool in each package's directory, so there
// the path must be absolute.
type configFlags struct {
	file, digest string
	eager        bool
	data         []byte // the file, once read
}

type configFile struct{ c *configFlags }
type configDigest struct{ c *configFlags }

func (f configFile) String() string {
	if f.c == nil {
		return ""
	}
	return f.c.file
}

func (f configDigest) String() string {
	if f.c == nil {
		return ""
	}
	return f.c.digest
}

func (f configFile) Set(file string) error {
	f.c.file = file
	if !f.c.eager {
		return nil
	}
	if !filepath.IsAbs(file) {
		// go vet runs the tool in each package's directory (the standard
		// library's and the module cache's too): a relative name would
		// mean another file in each.
		return fmt.Errorf("-config=%s: go vet runs the tool in each package's directory, so give an absolute path (e.g. -config=$PWD/%s)", file, file)
	}
	return f.c.load()
}

func (f configDigest) Set(digest string) error {
	d := strings.ToLower(strings.TrimSpace(digest))
	if b, err := hex.DecodeString(d); err != nil || len(b) != sha256.Size {
		return fmt.Errorf("-config.sha256=%s: want 64 hexadecimal digits (sha256sum's output)", digest)
	}
	f.c.digest = d
	if f.c.eager && f.c.data != nil {
		return f.c.check() // -config came first
	}
	return nil
}

// load reads, checks, parses and installs the file named by -config.
func (c *configFlags) load() error {
	if c.file == "" {
		if c.digest != "" && !c.eager {
			return fmt.Errorf("-config.sha256 without -config")
		}
		return nil
	}
	data, err := os.ReadFile(c.file)
	if err != nil {
		return fmt.Errorf("-config: %v", err)
	}
	c.data = data
	if err := c.check(); err != nil {
		return err
	}
	cfg, err := config.Parse(c.file, data)
	if err != nil {
		return fmt.Errorf("-config: %v", err)
	}
	engine.SetCatalog(catalog.Extend(cfg))
	return nil
}

// check compares the file with -config.sha256, when given.
func (c *configFlags) check() error {
	if c.digest == "" {
		return nil
	}
	sum := sha256.Sum256(c.data)
	if got := hex.EncodeToString(sum[:]); got != c.digest {
		return fmt.Errorf("-config.sha256: %s has SHA-256 %s, not %s: the file changed since the digest was taken", c.file, got, c.digest)
	}
	return nil
}

// configFlagOn defines -config and -config.sha256 on a flag set.
func configFlagOn(fs *flag.FlagSet, eager bool) *configFlags {
	c := &configFlags{eager: eager}
	fs.Var(configFile{c}, "config", configUsage)
	fs.Var(configDigest{c}, "config.sha256", digestUsage)
	return c
}
