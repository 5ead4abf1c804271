package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/tokenlint/tokenlint/internal/driver"
)

// -fix and -diff, as the x/tools drivers (multichecker, go vet -fix) have
// them: -fix applies the first suggested fix of every finding and prints
// no findings; -diff prints the same changes as a unified diff and writes
// nothing. The exit status follows x/tools too: 0 when every fix applied
// (whatever findings have none), 1 on an error or when some fixes
// conflicted (re-run to apply them).
//
// Fixes are merged per file. A fix applies whole or not at all: it is
// skipped when one of its edits overlaps an edit already taken (identical
// edits, such as the same import added twice, count once), or when it
// touches a generated file or a file that is not one of the packages' own
// (cgo's output in the build cache). Each changed file is then gofmt'ed, and an
// import that the fixes left unused is removed.

// formatFix is the output "format" of -fix and -diff: the fixes, no
// findings.
const formatFix = "fix"

// checkFixFlags rejects the flag combinations -fix and -diff cannot
// honour, and sets the output to formatFix when either is given.
func checkFixFlags(o *options) error {
	if !o.fix && !o.diff {
		return nil
	}
	if o.format != "text" {
		return fmt.Errorf("-fix and -diff print no findings: drop -format=%s", o.format)
	}
	o.format = formatFix
	return nil
}

// A fileEdit is a TextEdit as byte offsets in one file.
type fileEdit struct {
	start, end int
	text       string
}

// A fileFix is one suggested fix, its edits grouped by file.
type fileFix struct {
	msg   string
	edits map[string][]fileEdit
}

// applyFixes applies (or, with o.diff, shows) the suggested fixes of
// findings. fset is the file set of the analysed packages, result their
// actions (for the packages' imports, to name them in import removal).
func applyFixes(o options, fset *token.FileSet, findings []finding, result []*driver.Package, stdout, stderr io.Writer) error {
	importsOf := make(map[string]map[string]string) // file name -> its package's import names
	generated := make(map[string]bool)
	source := make(map[string]bool) // the packages' own .go files
	for _, p := range result {
		for _, name := range p.GoFiles {
			source[name] = true
		}
		for name, gen := range p.Generated {
			if _, ok := importsOf[name]; !ok {
				importsOf[name] = p.ImportNames
				generated[name] = gen
			}
		}
	}

	baseline := make(map[string][]byte)
	var fixes []fileFix
	seen := make(map[string]bool)
	unfixed, skipped := 0, 0
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			unfixed++
			continue
		}
		ff, err := toFileFix(fset, f.diag.SuggestedFixes[0], baseline)
		if err != nil {
			return err
		}
		// Not in generated files, nor in what the build made of the
		// sources (cgo's output, in the build cache).
		if slices.ContainsFunc(keys(ff.edits), func(name string) bool { return generated[name] || !source[name] }) {
			skipped++
			continue
		}
		if k := ff.key(); !seen[k] {
			seen[k] = true
			fixes = append(fixes, ff)
		}
	}

	// Merge, in the findings' order.
	accepted := make(map[string][]fileEdit)
	applied, conflicts := 0, 0
	for _, ff := range fixes {
		if !mergeFix(accepted, ff) {
			conflicts++
			continue
		}
		applied++
	}

	files := keys(accepted)
	slices.Sort(files)
	updated := 0
	for _, name := range files {
		old := baseline[name]
		fixed := formatFixed(importsOf[name], old, spliceEdits(old, accepted[name]))
		if bytes.Equal(old, fixed) {
			continue
		}
		if o.diff {
			rel := relative(name)
			if _, err := io.WriteString(stdout, unifiedDiff(rel+"\t(old)", rel+"\t(new)", old, fixed)); err != nil {
				return err
			}
			continue
		}
		mode := os.FileMode(0o644)
		if fi, err := os.Stat(name); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.WriteFile(name, fixed, mode); err != nil {
			return err
		}
		updated++
	}

	if skipped > 0 {
		fmt.Fprintf(stderr, "tokenlint: skipped %s in generated files or cgo's output\n", plural(skipped, "fix", "fixes"))
	}
	if unfixed > 0 {
		fmt.Fprintf(stderr, "tokenlint: %s no suggested fix; run tokenlint without -fix and -diff to list every finding\n",
			plural(unfixed, "finding has", "findings have"))
	}
	if conflicts > 0 {
		if o.diff {
			return fmt.Errorf("%d of %s skipped because they conflict with others", conflicts, plural(len(fixes), "fix", "fixes"))
		}
		return fmt.Errorf("applied %d of %s; %s updated (re-run the command to apply more)",
			applied, plural(len(fixes), "fix", "fixes"), plural(updated, "file", "files"))
	}
	return nil
}

// toFileFix converts a fix's edits to offsets, reading each file it
// touches into baseline. A file whose size differs from the one analysed
// was changed meanwhile: that is an error, as in x/tools.
func toFileFix(fset *token.FileSet, fix analysis.SuggestedFix, baseline map[string][]byte) (fileFix, error) {
	ff := fileFix{msg: fix.Message, edits: make(map[string][]fileEdit)}
	for _, e := range fix.TextEdits {
		tf := fset.File(e.Pos)
		if tf == nil {
			return ff, fmt.Errorf("fix %q: an edit outside the analysed files", fix.Message)
		}
		name := tf.Name()
		if _, ok := baseline[name]; !ok {
			data, err := os.ReadFile(name)
			if err != nil {
				return ff, err
			}
			if len(data) != tf.Size() {
				return ff, fmt.Errorf("%s changed while it was analysed (%d bytes, now %d); no fix applied", relative(name), tf.Size(), len(data))
			}
			baseline[name] = data
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		ff.edits[name] = append(ff.edits[name], fileEdit{start: tf.Offset(e.Pos), end: tf.Offset(end), text: string(e.NewText)})
	}
	return ff, nil
}

func (ff fileFix) key() string {
	var b strings.Builder
	for _, name := range slices.Sorted(slices.Values(keys(ff.edits))) {
		for _, e := range ff.edits[name] {
			fmt.Fprintf(&b, "%s:%d:%d:%q;", name, e.start, e.end, e.text)
		}
	}
	return b.String()
}

// mergeFix adds a fix's edits to accepted if none conflicts with an edit
// already there, and reports whether it did. Two edits conflict when
// their ranges overlap or they start at the same offset, unless they are
// identical (then the edit is taken once).
func mergeFix(accepted map[string][]fileEdit, ff fileFix) bool {
	add := make(map[string][]fileEdit)
	for name, edits := range ff.edits {
		for _, e := range edits {
			dup := false
			for _, a := range accepted[name] {
				if a == e {
					dup = true
					break
				}
				if (e.start < a.end && a.start < e.end) || e.start == a.start {
					return false
				}
			}
			if !dup {
				add[name] = append(add[name], e)
			}
		}
	}
	for name, edits := range add {
		accepted[name] = append(accepted[name], edits...)
	}
	return true
}

// spliceEdits applies non-overlapping edits to src.
func spliceEdits(src []byte, edits []fileEdit) []byte {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(x, y fileEdit) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return x.end - y.end
	})
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// formatFixed gofmts a fixed file and removes the imports that were used
// in old and are not in fixed (so a fix that took the last use of a
// package away still compiles). A result that does not parse is left as
// it is.
func formatFixed(imports map[string]string, old, fixed []byte) []byte {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "fixed.go", fixed, parser.ParseComments)
	if err != nil {
		return fixed
	}
	before := map[string]bool{}
	if of, err := parser.ParseFile(token.NewFileSet(), "old.go", old, parser.SkipObjectResolution|parser.ImportsOnly); err == nil {
		if ob, err := parser.ParseFile(token.NewFileSet(), "old.go", old, 0); err == nil {
			used := usedNames(ob)
			for _, spec := range of.Imports {
				if name := importName(imports, spec); name != "" && used[name] {
					before[name] = true
				}
			}
		}
	}
	used := usedNames(f)
	for _, spec := range f.Imports {
		name := importName(imports, spec)
		if name != "" && before[name] && !used[name] {
			path, _ := strconv.Unquote(spec.Path.Value)
			explicit := ""
			if spec.Name != nil {
				explicit = spec.Name.Name
			}
			astutil.DeleteNamedImport(fset, f, explicit, path)
		}
	}
	ast.SortImports(fset, f)
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return fixed
	}
	return buf.Bytes()
}

// usedNames returns the names used as the package of a qualified
// identifier (X in X.Sel, where X resolves to nothing in the file: a
// package name, not a local).
func usedNames(f *ast.File) map[string]bool {
	used := make(map[string]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

// importName returns the name an import declares: its explicit name, or
// the name of the package it imports as the analysed package knew it. ""
// for blank and dot imports and for imports the package did not have.
func importName(imports map[string]string, spec *ast.ImportSpec) string {
	if spec.Name != nil {
		if spec.Name.Name == "_" || spec.Name.Name == "." {
			return ""
		}
		return spec.Name.Name
	}
	path, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return ""
	}
	return imports[path]
}

func keys[M ~map[string]V, V any](m M) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
