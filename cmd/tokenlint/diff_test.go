package main

import (
	"math/rand"
	"strings"
	"testing"
)

// TestMyers: the edit script rebuilds both sides, and it is a shortest
// one (as long as the LCS says), on random small files.
func TestMyers(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	gen := func() []string {
		n := r.Intn(12)
		out := make([]string, n)
		for i := range out {
			out[i] = string(rune('a'+r.Intn(4))) + "\n"
		}
		return out
	}
	for it := 0; it < 2000; it++ {
		x, y := gen(), gen()
		ops := myers(x, y)
		var gx, gy []string
		edits := 0
		for _, o := range ops {
			switch o.kind {
			case opEqual:
				if x[o.i] != y[o.j] {
					t.Fatalf("%q -> %q: equal op on different lines", x, y)
				}
				gx, gy = append(gx, x[o.i]), append(gy, y[o.j])
			case opDelete:
				gx = append(gx, x[o.i])
				edits++
			case opInsert:
				gy = append(gy, y[o.j])
				edits++
			}
		}
		if strings.Join(gx, "") != strings.Join(x, "") || strings.Join(gy, "") != strings.Join(y, "") {
			t.Fatalf("%q -> %q: script %v does not rebuild them", x, y, ops)
		}
		if want := len(x) + len(y) - 2*lcs(x, y); edits != want {
			t.Fatalf("%q -> %q: %d edits, want %d", x, y, edits, want)
		}
	}
}

func lcs(x, y []string) int {
	dp := make([][]int, len(x)+1)
	for i := range dp {
		dp[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

// TestUnifiedDiff: hunks, context and the missing final newline, as
// diff -u prints them.
func TestUnifiedDiff(t *testing.T) {
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	new := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16"
	got := unifiedDiff("a", "b", []byte(old), []byte(new))
	want := `--- a
+++ b
@@ -1,6 +1,6 @@
 1
 2
-3
+three
 4
 5
 6
@@ -13,3 +13,4 @@
 13
 14
 15
+16
\ No newline at end of file
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if d := unifiedDiff("a", "b", []byte(old), []byte(old)); d != "" {
		t.Errorf("equal files: %q", d)
	}
}
