package analysisutil

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/engine"
)

// Related returns a finding's trail as go/analysis related information:
// the source first, then each hop, at their positions. A hop in another
// package (known from its facts by module-relative file, line and column)
// is placed in the file of that name that the pass's file set knows
// (from source, or from the export data go vet compiles against), or in
// one added for it beside the package's own files.
func Related(pass *analysis.Pass, trail []engine.Hop) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, h := range trail {
		pos := h.Pos()
		if !pos.IsValid() {
			pos = hopPos(pass, h)
		}
		if pos.IsValid() {
			out = append(out, analysis.RelatedInformation{Pos: pos, End: pos, Message: h.Msg})
		}
	}
	return out
}

// SourcePlace returns where a finding's credentials came from, in short
// ("broker/broker.go:24"), or "".
func SourcePlace(f engine.Finding) string {
	if len(f.Trail) == 0 {
		return ""
	}
	h := f.Trail[0]
	return fmt.Sprintf("%s:%d", h.File, h.Line)
}

// hopFiles caches, per file set, the files added for hops of other
// packages, so that every pass of one run places a hop in the same file.
var hopFiles sync.Map // fileKey -> *token.File

type fileKey struct {
	fset *token.FileSet
	name string
}

// hopPos returns a position for a hop of another package.
func hopPos(pass *analysis.Pass, h engine.Hop) token.Pos {
	if h.Line < 1 {
		return token.NoPos
	}
	col := max(h.Col, 1)
	var known *token.File
	suffix := "/" + filepath.ToSlash(h.File)
	pass.Fset.Iterate(func(f *token.File) bool {
		if strings.HasSuffix(filepath.ToSlash(f.Name()), suffix) {
			known = f
			return false
		}
		return true
	})
	if known != nil && h.Line <= known.LineCount() {
		// The file itself, if its line is long enough for the column
		// (export data's files have lines, not their lengths).
		off := known.Offset(known.LineStart(h.Line)) + col - 1
		end := known.Size()
		if h.Line < known.LineCount() {
			end = known.Offset(known.LineStart(h.Line + 1))
		}
		if off < end {
			return known.Pos(off)
		}
	}
	name := ""
	if known != nil {
		name = known.Name()
	} else if root := moduleRoot(pass); root != "" {
		name = filepath.Join(root, filepath.FromSlash(h.File))
	} else {
		return token.NoPos
	}
	// A file of lines of a fixed width: line L, column C is at offset
	// (L-1)*width + C-1.
	const width = 1 << 12
	const lines = 1 << 16
	if h.Line > lines {
		return token.NoPos
	}
	key := fileKey{pass.Fset, name}
	v, ok := hopFiles.Load(key)
	if !ok {
		f := pass.Fset.AddFile(name, -1, width*lines)
		offsets := make([]int, lines)
		for i := range offsets {
			offsets[i] = i * width
		}
		f.SetLines(offsets)
		v, _ = hopFiles.LoadOrStore(key, f)
	}
	return v.(*token.File).Pos((h.Line-1)*width + min(col, width) - 1)
}

// moduleRoot returns the directory of the module of the pass's package:
// the directory of its files, less the package's path below the module.
func moduleRoot(pass *analysis.Pass) string {
	if len(pass.Files) == 0 || pass.Module == nil || pass.Module.Path == "" {
		return ""
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	rel := strings.TrimPrefix(strings.TrimSuffix(pass.Pkg.Path(), "_test"), pass.Module.Path)
	rel = strings.TrimPrefix(rel, "/")
	if rel == "" {
		return dir
	}
	root, ok := strings.CutSuffix(filepath.ToSlash(dir), "/"+rel)
	if !ok {
		return ""
	}
	return filepath.FromSlash(root)
}

// From names where a finding's credentials came from for its message:
// the source and, when known, its place ("sts.AssumeRole output
// (broker/broker.go:24)").
func From(f engine.Finding) string {
	if p := SourcePlace(f); p != "" && f.Source.Label != "" {
		return f.Source.Label + " (" + p + ")"
	}
	return f.Source.Label
}
