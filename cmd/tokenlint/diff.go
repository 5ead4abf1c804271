package main

import (
	"bytes"
	"fmt"
	"strings"
)

// unifiedDiff returns the unified diff (3 lines of context, as diff -u
// and x/tools print it) that turns a into b, or "" if they are equal.
// Lines are compared whole; a last line without a newline is marked
// "\ No newline at end of file", so that patch and git apply take it.
func unifiedDiff(oldName, newName string, a, b []byte) string {
	if bytes.Equal(a, b) {
		return ""
	}
	x, y := splitLines(a), splitLines(b)
	ops := myers(x, y)

	const context = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	// Walk the script, cutting it into hunks around the changes.
	i := 0
	for i < len(ops) {
		if ops[i].kind == opEqual {
			i++
			continue
		}
		// A hunk: from up to context equal lines before the change, to
		// the first run of more than 2*context equal lines after one.
		start := i
		for start > 0 && i-start < context && ops[start-1].kind == opEqual {
			start--
		}
		end := i
		for {
			for end < len(ops) && ops[end].kind != opEqual {
				end++
			}
			run := end
			for run < len(ops) && ops[run].kind == opEqual {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(end+context, run)
				break
			}
			end = run
		}
		h := ops[start:end]
		oldStart, newStart := h[0].i, h[0].j
		oldLen, newLen := 0, 0
		for _, op := range h {
			if op.kind != opInsert {
				oldLen++
			}
			if op.kind != opDelete {
				newLen++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(oldStart, oldLen), hunkRange(newStart, newLen))
		for _, op := range h {
			var line, mark string
			switch op.kind {
			case opEqual:
				line, mark = x[op.i], " "
			case opDelete:
				line, mark = x[op.i], "-"
			case opInsert:
				line, mark = y[op.j], "+"
			}
			out.WriteString(mark)
			out.WriteString(line)
			if !strings.HasSuffix(line, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.String()
}

// hunkRange formats a hunk's range: its first line (1-based; the line
// before an empty range) and its length when that is not 1.
func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s into lines, each with its newline but perhaps the
// last.
func splitLines(s []byte) []string {
	var lines []string
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, string(s))
			break
		}
		lines = append(lines, string(s[:i+1]))
		s = s[i+1:]
	}
	return lines
}

type opKind int

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// An op is one step of an edit script: x[i] kept or deleted, or y[j]
// inserted; i and j are the positions in x and y before the step.
type op struct {
	kind opKind
	i, j int
}

// myers returns a shortest edit script from x to y (E. Myers, "An O(ND)
// Difference Algorithm and Its Variations", 1986). Fixes change few
// lines, so D, and the trace kept for the walk back, stay small.
func myers(x, y []string) []op {
	n, m := len(x), len(y)
	dmax := n + m
	off := dmax + 1
	v := make([]int, 2*dmax+3)
	var trace [][]int
	var dEnd int
search:
	for d := 0; d <= dmax; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				i = v[off+k+1] // down: an insertion
			} else {
				i = v[off+k-1] + 1 // right: a deletion
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i++
				j++
			}
			v[off+k] = i
			if i >= n && j >= m {
				dEnd = d
				break search
			}
		}
	}
	// Walk back through the trace: trace[d] is V before step d.
	var rev []op
	i, j := n, m
	for d := dEnd; d > 0; d-- {
		pv := trace[d]
		k := i - j
		down := k == -d || (k != d && pv[off+k-1] < pv[off+k+1])
		pk := k - 1
		if down {
			pk = k + 1
		}
		pi := pv[off+pk]
		pj := pi - pk
		// The point the move reached, where the snake to (i, j) starts.
		mi, mj := pi+1, pj
		if down {
			mi, mj = pi, pj+1
		}
		for i > mi && j > mj {
			i--
			j--
			rev = append(rev, op{opEqual, i, j})
		}
		if down {
			rev = append(rev, op{opInsert, pi, pj})
		} else {
			rev = append(rev, op{opDelete, pi, pj})
		}
		i, j = pi, pj
	}
	for i > 0 && j > 0 {
		i--
		j--
		rev = append(rev, op{opEqual, i, j})
	}
	ops := make([]op, len(rev))
	for k, o := range rev {
		ops[len(rev)-1-k] = o
	}
	return ops
}
