package engine

import (
	"strings"
	"testing"
)

// TestLimitPath: memory is kept by paths of at most maxPathSegments
// segments; a longer one is kept at its prefix, where reads of it see it.
func TestLimitPath(t *testing.T) {
	deep := strings.Repeat(".Exporter", 12) + ".mdCache[]"
	cut, ok := limitPath(deep)
	if !ok || cut != strings.Repeat(".Exporter", maxPathSegments) {
		t.Errorf("limitPath(%q) = %q, %v; want %d segments, cut", deep, cut, ok, maxPathSegments)
	}
	for _, p := range []string{"", ".Creds", ".cache[].Credentials.SessionToken", strings.Repeat(".f", maxPathSegments)} {
		if got, ok := limitPath(p); ok || got != p {
			t.Errorf("limitPath(%q) = %q, %v; want it unchanged", p, got, ok)
		}
	}
	ps := make(paths)
	ps.weakSet(deep, taint{frozen: "x"})
	if len(ps) != 1 || ps[cut].frozen != "x" {
		t.Errorf("weakSet at a deep path kept %v; want the entry at its prefix", ps)
	}
	if got := ps.above(deep); got.frozen != "x" {
		t.Errorf("reading the deep path back: %+v; want the stored taint", got)
	}
	l := make(locals)
	l.set(nil, cut, taint{client: "c"}, false)
	l.set(nil, deep, taint{frozen: "x"}, true) // cut: weak, kills nothing
	if e := l[nil][cut]; e.client != "c" || e.frozen != "x" {
		t.Errorf("a strong store at a cut path: %+v; want it joined with what was there", e)
	}
}
