package main

import "testing"

// TestMergeFix: a fix applies whole or not at all; identical edits (the
// same import added by two fixes) are taken once; overlapping edits and
// different insertions at one offset conflict.
func TestMergeFix(t *testing.T) {
	src := []byte("0123456789")
	acc := map[string][]fileEdit{}
	fix := func(edits ...fileEdit) fileFix { return fileFix{edits: map[string][]fileEdit{"f": edits}} }
	imp := fileEdit{start: 0, end: 0, text: "I"}
	for _, tc := range []struct {
		fix  fileFix
		want bool
	}{
		{fix(imp, fileEdit{2, 4, "ab"}), true},
		{fix(imp, fileEdit{6, 7, "c"}), true},                  // the same import: once
		{fix(fileEdit{3, 5, "x"}), false},                      // overlaps 2-4
		{fix(fileEdit{8, 9, "y"}, fileEdit{6, 6, "z"}), false}, // one edit conflicts: none applies
		{fix(fileEdit{4, 4, "d"}), true},                       // an insertion where a replacement ends
		{fix(fileEdit{0, 0, "J"}), false},                      // another insertion at the import's offset
	} {
		if got := mergeFix(acc, tc.fix); got != tc.want {
			t.Errorf("mergeFix(%v) = %v, want %v", tc.fix.edits, got, tc.want)
		}
	}
	if got, want := string(spliceEdits(src, acc["f"])), "I01abd45c789"; got != want {
		t.Errorf("spliced %q, want %q", got, want)
	}
}
