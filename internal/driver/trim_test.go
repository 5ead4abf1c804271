package driver

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestCacheTrim: temporary files older than an hour go, entries unused
// for the age go, then the least recently used until the rest hold less
// than three quarters of the size; other files stay.
func TestCacheTrim(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := []struct {
		name string
		age  time.Duration
		size int
	}{
		{"aa/new-u", time.Minute, 100},
		{"aa/recent-u", time.Hour, 100},
		{"bb/older-u", 2 * time.Hour, 100},
		{"bb/oldest-u", 3 * time.Hour, 100},
		{"cc/stale-u", 8 * 24 * time.Hour, 10},
		{"cc/x-u.1.tmp", 2 * time.Hour, 10},
		{"cc/y-u.2.tmp", time.Minute, 10},
		{"README", 30 * 24 * time.Hour, 10},
	}
	for _, f := range files {
		name := filepath.Join(dir, f.name)
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, make([]byte, f.size), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(name, now.Add(-f.age), now.Add(-f.age)); err != nil {
			t.Fatal(err)
		}
	}
	cacheTrim(dir, now, 7*24*time.Hour, 400)
	var left []string
	filepath.Walk(dir, func(name string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			rel, _ := filepath.Rel(dir, name)
			left = append(left, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(left)
	want := []string{"README", "aa/new-u", "aa/recent-u", "cc/y-u.2.tmp"}
	if !slices.Equal(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}
}
