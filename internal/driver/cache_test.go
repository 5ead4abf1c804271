package driver_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/internal/driver"
)

const (
	broker = "example.com/tokenlint-examples/broker"
	report = "example.com/tokenlint-examples/report" // imports broker
	worker = "example.com/tokenlint-examples/worker"
)

// TestCache: on a copy of examples/, a second run reads every package
// from the cache and finds exactly what the first found; an edit of a
// function body analyses that package alone (its facts and types are
// unchanged), and its importer too when its facts change; an edit that moves broker's declarations analyses broker
// and its importer; a damaged entry is a miss; two runs at once on one
// cache agree.
func TestCache(t *testing.T) {
	dir := copyModule(t, filepath.Join("..", "..", "examples"))
	t.Chdir(dir)
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOWORK", "off")
	cacheDir := t.TempDir()
	cache, err := driver.OpenCache(cacheDir, analyzers.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	all := []string{broker, report, worker}

	cold := runCached(t, cache)
	checkRun(t, "cold", cold, all, nil)
	want := render(cold)
	if len(want) < 5 {
		t.Fatalf("the examples' findings are missing: %q", want)
	}

	warm := runCached(t, cache)
	checkRun(t, "warm", warm, nil, all)
	if got := render(warm); !slices.Equal(got, want) {
		t.Errorf("the cached run's findings differ:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A body edit of broker, in place: broker's facts and export data stay.
	edit(t, "broker/broker.go", `aws.String("report")`, `aws.String("reporx")`)
	checkRun(t, "body edit", runCached(t, cache), []string{broker}, []string{report, worker})

	// A body edit that changes broker's facts, not its types: report
	// reads them.
	edit(t, "broker/broker.go", "aws.ToString(out.Credentials.SessionToken)", `"none"`)
	checkRun(t, "facts edit", runCached(t, cache), []string{broker, report}, []string{worker})
	edit(t, "broker/broker.go", `"none"`, "aws.ToString(out.Credentials.SessionToken)")
	checkRun(t, "facts edit undone", runCached(t, cache), nil, all)

	// A comment at the end of worker's file: nothing imports worker.
	edit(t, "worker/jobs.go", "", "\n// A comment.\n")
	checkRun(t, "leaf edit", runCached(t, cache), []string{worker}, []string{broker, report})

	// A line above broker's declarations moves them: report reads them
	// (positions in its export data and in broker's trails).
	edit(t, "broker/broker.go", "package broker", "\n\npackage broker")
	moved := runCached(t, cache)
	checkRun(t, "moved declarations", moved, []string{broker, report}, []string{worker})
	if got := render(moved); slices.Equal(got, want) {
		t.Errorf("the trail of report's finding did not move with broker's lines:\n%s", strings.Join(got, "\n"))
	}
	want = render(moved)

	// Damage every entry: each is a miss, analysed again, found the same.
	filepath.Walk(cacheDir, func(name string, fi os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(name, "-u") {
			data, _ := os.ReadFile(name)
			data[len(data)-1] ^= 0xff
			os.WriteFile(name, data, 0o666)
		}
		return nil
	})
	damaged := runCached(t, cache)
	checkRun(t, "damaged", damaged, all, nil)
	if got := render(damaged); !slices.Equal(got, want) {
		t.Errorf("after damaged entries:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Two runs at once, on an emptied cache.
	os.RemoveAll(cacheDir)
	cache, err = driver.OpenCache(cacheDir, analyzers.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]*driver.Result, 4)
	for i := range results {
		wg.Go(func() { results[i] = runCached(t, cache) })
	}
	wg.Wait()
	for i, res := range append(results, runCached(t, cache)) {
		if res == nil {
			continue // failed already
		}
		if got := render(res); !slices.Equal(got, want) {
			t.Errorf("concurrent run %d:\ngot:\n%s\nwant:\n%s", i, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestCacheKey: another -config, or another analyzer flag, is another
// cache: nothing is read from the first.
func TestCacheKey(t *testing.T) {
	dir := copyModule(t, filepath.Join("..", "..", "examples"))
	t.Chdir(dir)
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOWORK", "off")
	cacheDir := t.TempDir()
	open := func(config string) *driver.Cache {
		c, err := driver.OpenCache(cacheDir, analyzers.All(), []byte(config))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	all := []string{broker, report, worker}
	checkRun(t, "first", runCached(t, open("")), all, nil)
	checkRun(t, "another config", runCached(t, open("sources: []\n")), all, nil)
	f := analyzers.All()[0].Flags.Lookup("unused-directives")
	if f == nil {
		t.Fatalf("%s has no -unused-directives flag", analyzers.All()[0].Name)
	}
	old := f.Value.String()
	f.Value.Set("false")
	defer f.Value.Set(old)
	checkRun(t, "another flag", runCached(t, open("")), all, nil)
	f.Value.Set(old)
	checkRun(t, "the first again", runCached(t, open("")), nil, all)
}

func runCached(t *testing.T, cache *driver.Cache) *driver.Result {
	t.Helper()
	res, err := driver.Run(driver.Config{Analyzers: analyzers.All(), Tests: true, Cache: cache}, "./...")
	if err != nil {
		t.Error(err)
		return nil
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
	return res
}

func checkRun(t *testing.T, what string, res *driver.Result, analysed, cached []string) {
	t.Helper()
	if res == nil {
		return
	}
	if !slices.Equal(res.Analysed, analysed) || !slices.Equal(res.Cached, cached) {
		t.Errorf("%s run: analysed %v, cached %v; want analysed %v, cached %v", what, res.Analysed, res.Cached, analysed, cached)
	}
}

// render prints a result's diagnostics with their positions, trails and
// fixes' edits.
func render(res *driver.Result) []string {
	var out []string
	for _, p := range res.Packages {
		for name, act := range p.Actions {
			for _, d := range act.Diagnostics {
				s := fmt.Sprintf("%s %s: %s-%s: %s [%s]", p.ID, name, res.Fset.Position(d.Pos), res.Fset.Position(d.End), d.Message, d.URL)
				for _, r := range d.Related {
					s += fmt.Sprintf("\n\t%s: %s", res.Fset.Position(r.Pos), r.Message)
				}
				for _, f := range d.SuggestedFixes {
					for _, e := range f.TextEdits {
						tf := res.Fset.File(e.Pos)
						s += fmt.Sprintf("\n\tfix %s: %s@%d-%d %q", f.Message, tf.Name(), tf.Offset(e.Pos), tf.Offset(e.End), e.NewText)
					}
				}
				out = append(out, s)
			}
		}
	}
	slices.Sort(out)
	return out
}

func edit(t *testing.T, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var s string
	if old == "" {
		s = string(data) + new
	} else if s = strings.Replace(string(data), old, new, 1); s == string(data) {
		t.Fatalf("%s holds no %q", name, old)
	}
	if err := os.WriteFile(name, []byte(s), 0o666); err != nil {
		t.Fatal(err)
	}
}

// copyModule copies a module's files into a temporary directory.
func copyModule(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(name string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, name)
		if fi.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o777)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
