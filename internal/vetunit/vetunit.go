// Package vetunit runs, cheaply, the go vet units whose analysis can be
// skipped.
//
// go vet runs its tool once per package, dependencies first. For a
// dependency (a VetxOnly unit) it wants only the vetx file: the package's
// types, which the importers' units type-check against, and its facts.
// Since Go 1.26 nothing is compiled for vet, so every unit type-checks
// its package from source; plain go vet does so for every dependency,
// the standard library's included, and that is most of its time.
//
// tokenlint's facts are empty for every package that cannot carry AWS
// credentials (engine.UnitExportsFacts, decided from the .cfg file, the
// files' raw text and the imports' vetx files, before parsing). For such
// a dependency Light type-checks declarations only (function bodies are
// not needed for the types an importer sees), writes a vetx file with
// those types and no facts, and runs no analyzer. Every other unit, and
// anything unexpected, goes to unitchecker as before.
package vetunit

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/gcexportdata"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/engine"
)

// DisableEnv, set to any non-empty value, sends every unit to
// unitchecker: the comparison the tests make, and an escape hatch.
const DisableEnv = "TOKENLINT_VET_FULL"

// Light handles the unit that args (go vet's arguments to the tool)
// describe if it can be handled cheaply, and reports whether it did; the
// caller then exits 0. It returns false, having written nothing, for
// every other invocation: -V=full, -flags, units whose diagnostics go vet
// wants, units that may export facts, the user's catalogue (-config),
// and any error, which unitchecker then reports as it always has.
func Light(args []string) bool {
	if os.Getenv(DisableEnv) != "" {
		return false
	}
	cfgFile, ok := unitFile(args)
	if !ok {
		return false
	}
	cfg, err := readConfig(cfgFile)
	if err != nil || !cfg.VetxOnly || cfg.VetxOutput == "" {
		return false
	}
	vetx, err := readVetx(cfg.PackageVetx)
	if err != nil {
		return false
	}
	srcs, err := readSources(cfg.GoFiles)
	if err != nil || engine.UnitExportsFacts(describe(cfg, srcs, vetx)) {
		return false
	}
	if err := exportTypes(cfg, srcs, vetx); err != nil {
		return false
	}
	if cfg.Stdout != "" {
		// unitchecker creates it; go vet reads and caches it.
		if err := os.WriteFile(cfg.Stdout, nil, 0o666); err != nil {
			return false
		}
	}
	return true
}

// unitFile returns the .cfg file of a unit's invocation: flags, then the
// file. Flags that install a catalogue (-config) make the engine's rule
// depend on them, and they are parsed later, by unitchecker: those
// invocations are not handled here.
func unitFile(args []string) (string, bool) {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return "", false
	}
	for _, a := range args[:len(args)-1] {
		name := strings.TrimLeft(a, "-")
		if strings.HasPrefix(name, "config") || strings.Contains(name, "catalog") {
			return "", false
		}
	}
	return args[len(args)-1], true
}

func readConfig(file string) (*unitchecker.Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	cfg := new(unitchecker.Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, err
	}
	if len(cfg.GoFiles) == 0 {
		return nil, errors.New("package has no files")
	}
	return cfg, nil
}

// A vetxFile is the content of a vetx file: unitchecker writes "vetx",
// the lengths of the two sections (little-endian uint32s), the types
// (gcimporter's indexed export data, without gcexportdata's 'i' tag),
// then the facts (empty when there are none).
type vetxFile struct {
	types, facts []byte
}

const vetxMagic = "vetx"

func readVetx(files map[string]string) (map[string]vetxFile, error) {
	out := make(map[string]vetxFile, len(files))
	for path, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		if len(data) < 12 || string(data[:4]) != vetxMagic {
			return nil, fmt.Errorf("%s: not a vetx file", file)
		}
		nt := uint64(binary.LittleEndian.Uint32(data[4:8]))
		nf := uint64(binary.LittleEndian.Uint32(data[8:12]))
		if 12+nt+nf > uint64(len(data)) {
			return nil, fmt.Errorf("%s: truncated vetx file", file)
		}
		out[path] = vetxFile{types: data[12 : 12+nt], facts: data[12+nt : 12+nt+nf]}
	}
	return out, nil
}

func writeVetx(file string, types []byte) error {
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	var n [8]byte
	binary.LittleEndian.PutUint32(n[:4], uint32(len(types)))
	buf.Write(n[:]) // and a facts section of length 0
	buf.Write(types)
	return os.WriteFile(file, buf.Bytes(), 0o666)
}

// readSources reads the package's files, once for describe and parsing.
func readSources(names []string) ([][]byte, error) {
	srcs := make([][]byte, len(names))
	for i, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		srcs[i] = data
	}
	return srcs, nil
}

// describe gives the engine what it decides by: the path, whether the
// package is the standard library's (as the engine tells it: no module
// and a path whose first element has no dot), whether the files' text
// names a session token, and the imports with whether their facts are
// empty.
func describe(cfg *unitchecker.Config, srcs [][]byte, vetx map[string]vetxFile) engine.Unit {
	u := engine.Unit{
		Path:     cfg.ImportPath,
		Standard: cfg.ModulePath == "" && catalog.IsStdPath(cfg.ImportPath),
	}
	if !u.Standard {
		u.Mentions = slices.ContainsFunc(srcs, func(src []byte) bool { return catalog.MentionsTokenName(string(src)) })
	}
	for path, v := range vetx {
		u.Imports = append(u.Imports, engine.UnitImport{Path: path, HasFacts: len(v.facts) > 0})
	}
	return u
}

// exportTypes type-checks the package's declarations, as unitchecker
// type-checks the whole package (same importer, sizes and language
// version), and writes the vetx file.
func exportTypes(cfg *unitchecker.Config, srcs [][]byte, vetx map[string]vetxFile) error {
	fset := token.NewFileSet()
	var files []*ast.File
	for i, name := range cfg.GoFiles {
		// Comments carry //go:build lines, which set a file's version.
		f, err := parser.ParseFile(fset, name, srcs[i], parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	imports := make(map[string]*types.Package)
	importer := importerFunc(func(importPath string) (*types.Package, error) {
		path, ok := cfg.ImportMap[importPath]
		if !ok {
			return nil, fmt.Errorf("can't resolve import %q", importPath)
		}
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if pkg, ok := imports[path]; ok && pkg.Complete() {
			return pkg, nil
		}
		v, ok := vetx[path]
		if !ok {
			return nil, fmt.Errorf("no package vetx file for %q", path)
		}
		data := make([]byte, 0, 1+len(v.types))
		data = append(append(data, 'i'), v.types...)
		return gcexportdata.Read(bytes.NewReader(data), fset, imports, path)
	})
	tc := &types.Config{
		Importer:         importer,
		Sizes:            types.SizesFor("gc", build.Default.GOARCH),
		GoVersion:        cfg.GoVersion,
		IgnoreFuncBodies: true,
	}
	pkg, err := tc.Check(cfg.ImportPath, fset, files, nil)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := gcexportdata.Write(&out, fset, pkg); err != nil {
		return err
	}
	data := out.Bytes()
	if len(data) == 0 || data[0] != 'i' {
		return errors.New("unexpected export data format")
	}
	return writeVetx(cfg.VetxOutput, data[1:])
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
