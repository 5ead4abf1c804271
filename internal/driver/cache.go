package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// The result cache: what a unit produced (its encoded facts, whether
// they have origins, its diagnostics, its generated-file flags and
// import names), kept in a directory of the user's cache, so that a
// second run of an unchanged module reads each unit's result instead of
// analysing it.
//
// An entry is named by the unit's source key: the tool's own executable,
// the analyzers and their flags, the -config file, the package's ID,
// path and role (reported or a dependency), the content of each of its
// files, and the export data (go list names it by its content, in the
// build cache; for a package analysed from source, only its export data,
// the types, not the object code) of every package it imports, directly
// or not; and by its dependency key: the encoded facts of every unit it
// reads facts from, and whether they have origins, so that it is looked
// up when its dependencies are done. So an
// edit to one file analyses that package again, and its importers only
// if its facts or its export data changed (the export data changes when
// the edit moves a declaration, as go vet's own cache sees it).
//
// Entries are written to a temporary file and renamed, so concurrent
// runs never see half an entry, and each starts with the SHA-256 of its
// body, so a damaged entry is a miss. The directory is trimmed after a
// run that wrote to it: temporary files left by a killed run, entries
// unused for maxAge, and then the oldest used until it holds less than
// maxSize (cacheTrim).

// CacheEnv names the cache directory, or "off".
const CacheEnv = "TOKENLINT_CACHE"

const (
	cacheVersion = "tokenlint-cache-v1"
	maxAge       = 7 * 24 * time.Hour
	maxSize      = 512 << 20
	// touchAfter: a hit older than this has its time updated, so that
	// trimming sees it used (as the go command's cache does).
	touchAfter = time.Hour
)

// A Cache is the result cache of one run.
type Cache struct {
	dir  string
	salt [sha256.Size]byte // tool, analyzers, flags, configuration

	exports sync.Map // export file -> SHA-256 of its export data

	mu    sync.Mutex
	wrote bool
}

// DefaultCacheDir is the directory CacheEnv names, else tokenlint under
// the user's cache directory; "" when the cache is off or there is none.
func DefaultCacheDir() string {
	switch d := os.Getenv(CacheEnv); d {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "tokenlint")
	default:
		return d
	}
}

// OpenCache opens (creating it) the cache in dir for a run of the given
// analyzers; config is what else decides their results (the -config
// file's content).
func OpenCache(dir string, analyzers []*analysis.Analyzer, config []byte) (*Cache, error) {
	if !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("%s=%s: the cache directory must be an absolute path", CacheEnv, dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	tool, err := toolID()
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%x\x00", cacheVersion, tool)
	for _, a := range order(analyzers, true) {
		fmt.Fprintf(h, "analyzer %s\x00", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "flag %s=%s\x00", f.Name, f.Value) })
	}
	fmt.Fprintf(h, "config %d\x00", len(config))
	h.Write(config)
	c := &Cache{dir: dir}
	h.Sum(c.salt[:0])
	return c, nil
}

var toolOnce = sync.OnceValues(func() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
})

// toolID is the SHA-256 of the running executable: any change to the
// tool is a new cache.
func toolID() ([]byte, error) { return toolOnce() }

// An entry is what the cache keeps of a unit.
type entry struct {
	Facts       []byte
	Origins     bool
	Generated   map[string]bool
	ImportNames map[string]string
	Actions     []cachedAction
}

// sourceKey computes the unit's source key (see above); units are the
// IDs of the packages analysed from source.
func (c *Cache) sourceKey(u *unit, units map[string]bool) ([sha256.Size]byte, error) {
	p := u.pkg
	h := sha256.New()
	h.Write(c.salt[:])
	fmt.Fprintf(h, "id %s\x00path %s\x00fortest %s\x00report %v\x00", p.ID, p.PkgPath, p.ForTest, u.report)
	if p.Module != nil {
		fmt.Fprintf(h, "go %s\x00", p.Module.GoVersion)
	}
	for _, list := range [][]string{p.CompiledGoFiles, p.OtherFiles} {
		fmt.Fprintf(h, "files %d\x00", len(list))
		for _, name := range list {
			data, err := os.ReadFile(name)
			if err != nil {
				return [sha256.Size]byte{}, err
			}
			fmt.Fprintf(h, "%s %x\x00", name, sha256.Sum256(data))
		}
	}
	// The export data of everything it imports, directly or not.
	var deps []*packages.Package
	seen := make(map[string]bool)
	var walk func(q *packages.Package)
	walk = func(q *packages.Package) {
		for _, imp := range q.Imports {
			if !seen[imp.ID] {
				seen[imp.ID] = true
				deps = append(deps, imp)
				walk(imp)
			}
		}
	}
	walk(p)
	sort.Slice(deps, func(i, j int) bool { return deps[i].ID < deps[j].ID })
	for _, d := range deps {
		switch {
		case d.PkgPath == "unsafe":
		case d.ExportFile == "":
			return [sha256.Size]byte{}, fmt.Errorf("no export data for %s", d.ID)
		case units[d.ID]:
			// The package may be edited: its types, not its object code,
			// which changes with any edit of a function body.
			sum, err := c.exportHash(d.ExportFile)
			if err != nil {
				return [sha256.Size]byte{}, err
			}
			fmt.Fprintf(h, "import %s %x\x00", d.ID, sum)
		default:
			// go list names the build cache's file by its content.
			fmt.Fprintf(h, "import %s %s\x00", d.ID, d.ExportFile)
		}
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key, nil
}

// exportHash is the SHA-256 of the export data in the archive the
// compiler wrote: the package's types, without its build ID and object
// code.
func (c *Cache) exportHash(name string) ([sha256.Size]byte, error) {
	if v, ok := c.exports.Load(name); ok {
		return v.([sha256.Size]byte), nil
	}
	var sum [sha256.Size]byte
	f, err := os.Open(name)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return sum, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	c.exports.Store(name, sum)
	return sum, nil
}

// depKey is the unit's dependency key: its fact dependencies' facts and
// origins, as they are now.
func depKey(u *unit) [sha256.Size]byte {
	h := sha256.New()
	for _, d := range u.factDeps {
		var data []byte
		if d.facts != nil {
			data = d.facts.data
		}
		fmt.Fprintf(h, "%s %x %v\x00", d.pkg.ID, sha256.Sum256(data), d.origins)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

func (c *Cache) file(key [sha256.Size]byte) string {
	name := hex.EncodeToString(key[:])
	return filepath.Join(c.dir, name[:2], name+"-u")
}

// prepare computes the unit's source key, when it has one: units are the
// IDs of the packages analysed from source.
func (c *Cache) prepare(u *unit, units map[string]bool) {
	if c == nil {
		return
	}
	if key, err := c.sourceKey(u, units); err == nil {
		u.key = &key
	}
}

// entryKey is the name of the unit's entry: its source key and its
// dependency key, now that its dependencies are done.
func entryKey(u *unit) [sha256.Size]byte {
	dk := depKey(u)
	return sha256.Sum256(append(u.key[:], dk[:]...))
}

// load returns the unit's entry, or nil.
func (c *Cache) load(u *unit) *entry {
	if c == nil || u.key == nil {
		return nil
	}
	name := c.file(entryKey(u))
	data, err := os.ReadFile(name)
	if err != nil || len(data) < sha256.Size {
		return nil
	}
	body := data[sha256.Size:]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], data[:sha256.Size]) {
		return nil
	}
	var e entry
	if gob.NewDecoder(bytes.NewReader(body)).Decode(&e) != nil {
		return nil
	}
	if fi, err := os.Stat(name); err == nil && time.Since(fi.ModTime()) > touchAfter {
		now := time.Now()
		os.Chtimes(name, now, now)
	}
	return &e
}

// store writes the unit's result, if it can be replayed: a unit with
// errors, an analyzer's error, or a position that replay cannot restore
// is analysed every time.
func (c *Cache) store(u *unit, rec *recorder) {
	if c == nil || u.key == nil || rec == nil || u.illTyped || len(u.errors) > 0 {
		return
	}
	e := entry{Origins: u.origins, Generated: u.generated, ImportNames: u.importNames}
	if u.facts != nil {
		e.Facts = u.facts.data
	}
	names := make([]string, 0, len(u.actions))
	for name := range u.actions {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		act := u.actions[name]
		if act.Err != nil {
			return
		}
		ca, ok := rec.action(name, act.Diagnostics)
		if !ok {
			return
		}
		e.Actions = append(e.Actions, ca)
	}
	var body bytes.Buffer
	if gob.NewEncoder(&body).Encode(&e) != nil {
		return
	}
	sum := sha256.Sum256(body.Bytes())
	if writeAtomic(c.file(entryKey(u)), append(sum[:], body.Bytes()...)) == nil {
		c.mu.Lock()
		c.wrote = true
		c.mu.Unlock()
	}
}

// writeAtomic writes data to name through a temporary file in the same
// directory, renamed into place.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Trim trims the cache if the run wrote to it (see above).
func (c *Cache) Trim() {
	if c == nil || !c.wrote {
		return
	}
	cacheTrim(c.dir, time.Now(), maxAge, maxSize)
}

// cacheTrim removes from dir the temporary files older than an hour and
// the entries unused for age, then the least recently used entries
// until the rest hold less than three quarters of size.
func cacheTrim(dir string, now time.Time, age time.Duration, size int64) {
	type file struct {
		name string
		time time.Time
		size int64
	}
	var files []file
	var total int64
	filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		switch {
		case strings.HasSuffix(name, ".tmp"):
			if now.Sub(fi.ModTime()) > time.Hour {
				os.Remove(name)
			}
		case strings.HasSuffix(name, "-u"):
			if now.Sub(fi.ModTime()) > age {
				os.Remove(name)
				return nil
			}
			files = append(files, file{name, fi.ModTime(), fi.Size()})
			total += fi.Size()
		}
		return nil
	})
	if total < size {
		return
	}
	sort.Slice(files, func(i, j int) bool { return files[i].time.Before(files[j].time) })
	for _, f := range files {
		if total < size/4*3 {
			break
		}
		if err := os.Remove(f.name); err == nil || errors.Is(err, fs.ErrNotExist) {
			total -= f.size
		}
	}
}
