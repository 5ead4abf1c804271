package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// Suggested fixes replace a static provider built from temporary
// credentials with the refreshing provider they came from, where the
// rewrite is mechanical and compiles:
//
//   - a Retrieve snapshot of a provider still in scope: the provider
//     itself, in aws.NewCredentialsCache unless it is a cache already;
//   - sts.AssumeRole output, where the client and the role ARN are plain
//     values at the call: aws.NewCredentialsCache(
//     stscreds.NewAssumeRoleProvider(client, roleARN)).
//
// No fix is offered when the construction is used as anything but an
// aws.CredentialsProvider (the cache has another type), when the source
// is in another function, when an input the provider would need is not
// a plain value visible at the construction, or when the AssumeRole
// input sets what the provider would not (a policy, a duration, ...).
// The variable that held the temporary credentials becomes _ when the
// construction was its only use, so that the result still compiles.

const stscredsPath = "github.com/aws/aws-sdk-go-v2/credentials/stscreds"

// fixes returns the suggested fixes for a finding.
func (a *analysisState) fixes(h sinkHit, f Finding) []analysis.SuggestedFix {
	if h.kind == SecretLog {
		if h.export {
			return nil // the output is the program's purpose: logging Source instead would break it
		}
		return a.secretLogFix(h)
	}
	if h.kind != StaticProvider || h.val == nil || h.t.origin == nil || !f.Pos.IsValid() {
		return nil
	}
	if h.sink != "credentials.NewStaticCredentialsProvider" && h.sink != "credentials.StaticCredentialsProvider" {
		return nil
	}
	src := h.t.origin.hops[0]
	call, ok := a.calls[src.pos]
	if !ok || !a.usedAsProvider(h.val) {
		return nil
	}
	file, fn := a.enclosing(f.Pos)
	if fn == nil {
		return nil
	}
	if _, fn2 := a.enclosing(src.pos); fn2 != fn {
		return nil
	}
	start, end := a.constructionRange(file, f)
	fx := &fixer{a: a, file: file, at: start}
	var text, msg string
	switch h.t.src.Key {
	case catalog.V2Snapshot.Key:
		text, msg = fx.snapshot(call)
	case "v2.sts.AssumeRole":
		text, msg = fx.assumeRole(call)
	}
	if text == "" || fx.failed {
		return nil
	}
	edits := []analysis.TextEdit{{Pos: start, End: end, NewText: []byte(text)}}
	edits = append(edits, a.unuseResult(file, call, start, end)...)
	edits = append(edits, fx.imports...)
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

// usedAsProvider reports whether a static provider's value is only ever
// converted to an interface that *aws.CredentialsCache also implements.
func (a *analysisState) usedAsProvider(v ssa.Value) bool {
	cache := a.cacheType()
	if cache == nil {
		return false
	}
	var ok func(v ssa.Value, depth int) bool
	ok = func(v ssa.Value, depth int) bool {
		refs := v.Referrers()
		if refs == nil || depth > 2 {
			return false
		}
		n := 0
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.FieldAddr:
				// The literal's own fields being set.
			case *ssa.DebugRef:
			case *ssa.MakeInterface:
				if !types.AssignableTo(cache, r.Type()) {
					return false
				}
				n++
			case *ssa.UnOp:
				if r.Op != token.MUL || !ok(r, depth+1) {
					return false
				}
				n++
			default:
				return false
			}
		}
		return n > 0
	}
	return ok(v, 0)
}

// cacheType returns *aws.CredentialsCache, if the package sees it.
func (a *analysisState) cacheType() types.Type {
	p := a.importedPackage(catalog.V2AWS)
	if p == nil {
		return nil
	}
	tn, ok := p.Scope().Lookup("CredentialsCache").(*types.TypeName)
	if !ok {
		return nil
	}
	return types.NewPointer(tn.Type())
}

// enclosing returns the file and the innermost function (declaration or
// literal) around pos.
func (a *analysisState) enclosing(pos token.Pos) (*ast.File, ast.Node) {
	for _, f := range a.pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		var fn ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || n.Pos() > pos || pos >= n.End() {
				return false
			}
			switch n.(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				fn = n
			}
			return true
		})
		return f, fn
	}
	return nil, nil
}

// constructionRange widens a finding's range to &T{...} for a literal
// whose address is taken.
func (a *analysisState) constructionRange(file *ast.File, f Finding) (token.Pos, token.Pos) {
	start, end := f.Pos, f.End
	ast.Inspect(file, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND && u.X.Pos() == start && u.X.End() == end {
			start = u.Pos()
		}
		return n != nil && n.Pos() <= start && start < n.End()
	})
	return start, end
}

// A fixer builds a fix's text: the expressions it reuses must be plain
// (identifiers, selectors, literals) and mean the same at the
// construction; the packages it names are imported if they are not.
type fixer struct {
	a       *analysisState
	file    *ast.File
	at      token.Pos
	imports []analysis.TextEdit
	failed  bool
}

// plain returns the text of an expression that can be repeated at the
// construction: a literal, or identifiers and selectors of identifiers
// that denote the same objects there.
func (fx *fixer) plain(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Value
	case *ast.Ident:
		obj := fx.a.pass.TypesInfo.Uses[e]
		if obj == nil {
			break
		}
		if _, ok := obj.(*types.PkgName); ok {
			break
		}
		if e.Name == "_" {
			break
		}
		scope := fx.a.pass.Pkg.Scope().Innermost(fx.at)
		if scope == nil {
			break
		}
		if _, found := scope.LookupParent(e.Name, fx.at); found == obj {
			return e.Name
		}
	case *ast.SelectorExpr:
		if sel := fx.a.pass.TypesInfo.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			if x := fx.plain(e.X); x != "" {
				return x + "." + e.Sel.Name
			}
		}
	}
	fx.failed = true
	return ""
}

// pkg returns the name by which the file refers to the package at path,
// adding an import when it has none.
func (fx *fixer) pkg(path, name string) string {
	for _, imp := range fx.file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == path {
			if imp.Name != nil {
				if imp.Name.Name == "_" || imp.Name.Name == "." {
					fx.failed = true
					return ""
				}
				return imp.Name.Name
			}
			return name
		}
	}
	if scope := fx.a.pass.Pkg.Scope().Innermost(fx.at); scope == nil {
		fx.failed = true
		return ""
	} else if _, obj := scope.LookupParent(name, fx.at); obj != nil {
		fx.failed = true // the name is taken
		return ""
	}
	for _, d := range fx.file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT && g.Lparen.IsValid() {
			// After the last import that sorts before it, so that the
			// group stays sorted.
			at := g.Lparen + 1
			for _, spec := range g.Specs {
				if p, _ := strconv.Unquote(spec.(*ast.ImportSpec).Path.Value); p < path {
					at = spec.End()
				}
			}
			fx.imports = append(fx.imports, analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n\t" + strconv.Quote(path))})
			return name
		}
	}
	fx.imports = append(fx.imports, analysis.TextEdit{Pos: fx.file.Name.End(), End: fx.file.Name.End(), NewText: []byte("\n\nimport " + strconv.Quote(path))})
	return name
}

// snapshot fixes a static provider built from p.Retrieve(ctx): p itself.
func (fx *fixer) snapshot(call *ast.CallExpr) (string, string) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Retrieve" {
		return "", ""
	}
	p := fx.plain(sel.X)
	if p == "" {
		return "", ""
	}
	if t := fx.a.pass.TypesInfo.TypeOf(sel.X); t != nil && types.Identical(t, fx.a.cacheType()) {
		return p, "Use " + p + " instead of a snapshot of it"
	}
	return fx.pkg(catalog.V2AWS, "aws") + ".NewCredentialsCache(" + p + ")", "Use " + p + ", cached, instead of a snapshot of it"
}

// assumeRole fixes a static provider built from client.AssumeRole(ctx,
// &sts.AssumeRoleInput{RoleArn: aws.String(arn)}): the SDK's refreshing
// provider for the same role.
func (fx *fixer) assumeRole(call *ast.CallExpr) (string, string) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) < 2 || len(call.Args) > 2 {
		return "", ""
	}
	if k, ok := typeKey(fx.a.pass.TypesInfo.TypeOf(sel.X)); !ok || k != (catalog.TypeKey{Pkg: catalog.V2STS, Name: "Client"}) {
		return "", ""
	}
	u, ok := call.Args[1].(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return "", ""
	}
	lit, ok := u.X.(*ast.CompositeLit)
	if !ok {
		return "", ""
	}
	var arn, name string
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return "", ""
		}
		key, _ := kv.Key.(*ast.Ident)
		v := fx.awsString(kv.Value)
		switch {
		case key == nil || v == "":
			return "", ""
		case key.Name == "RoleArn":
			arn = v
		case key.Name == "RoleSessionName":
			name = v
		default:
			return "", "" // the provider would not send it
		}
	}
	client := fx.plain(sel.X)
	if arn == "" || client == "" {
		return "", ""
	}
	stscreds := fx.pkg(stscredsPath, "stscreds")
	args := client + ", " + arn
	if name != "" {
		args += ", func(o *" + stscreds + ".AssumeRoleOptions) { o.RoleSessionName = " + name + " }"
	}
	text := fx.pkg(catalog.V2AWS, "aws") + ".NewCredentialsCache(" + stscreds + ".NewAssumeRoleProvider(" + args + "))"
	return text, "Use a refreshing stscreds.NewAssumeRoleProvider for the role"
}

// awsString returns the plain text E of aws.String(E).
func (fx *fixer) awsString(e ast.Expr) string {
	c, ok := e.(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return ""
	}
	if fn, ok := typesCallee(fx.a.pass.TypesInfo, c); !ok || fn.Pkg() == nil || fn.Pkg().Path() != catalog.V2AWS || fn.Name() != "String" {
		return ""
	}
	return fx.plain(c.Args[0])
}

// typesCallee returns the function a call calls, if it is a named one.
func typesCallee(info *types.Info, c *ast.CallExpr) (*types.Func, bool) {
	var id *ast.Ident
	switch f := c.Fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	}
	if id == nil {
		return nil, false
	}
	fn, ok := info.Uses[id].(*types.Func)
	return fn, ok
}

// unuseResult returns the edits that keep the source's statement
// compiling once the construction no longer uses its result: the
// variable becomes _ (and := becomes = if nothing else is declared).
func (a *analysisState) unuseResult(file *ast.File, call *ast.CallExpr, start, end token.Pos) []analysis.TextEdit {
	var as *ast.AssignStmt
	ast.Inspect(file, func(n ast.Node) bool {
		if s, ok := n.(*ast.AssignStmt); ok && len(s.Rhs) == 1 && s.Rhs[0] == call {
			as = s
		}
		return as == nil
	})
	if as == nil || len(as.Lhs) == 0 {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	obj := a.pass.TypesInfo.ObjectOf(id)
	for use, o := range a.pass.TypesInfo.Uses {
		if o == obj && (use.Pos() < start || use.Pos() >= end) {
			return nil // still used elsewhere
		}
	}
	edits := []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("_")}}
	if as.Tok == token.DEFINE {
		declares := false
		for _, l := range as.Lhs[1:] {
			if li, ok := l.(*ast.Ident); ok && li.Name != "_" && a.pass.TypesInfo.Defs[li] != nil {
				declares = true
			}
		}
		if !declares {
			edits = append(edits, analysis.TextEdit{Pos: as.TokPos, End: as.TokPos + 2, NewText: []byte("=")})
		}
	}
	return edits
}

// secretLogFix logs the credentials' Source where a logging call logs a
// secret field of an aws.Credentials (in its arguments, or in the fields
// its logger was given).
func (a *analysisState) secretLogFix(h sinkHit) []analysis.SuggestedFix {
	call, ok := a.calls[h.pos]
	if !ok {
		return nil
	}
	var edits []analysis.TextEdit
	ast.Inspect(call, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "SecretAccessKey" && sel.Sel.Name != "SessionToken") {
			return true
		}
		if k, ok := typeKey(a.pass.TypesInfo.TypeOf(sel.X)); ok && k == (catalog.TypeKey{Pkg: catalog.V2AWS, Name: "Credentials"}) {
			edits = append(edits, analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("Source")})
		}
		return true
	})
	if len(edits) == 0 {
		return nil
	}
	return []analysis.SuggestedFix{{Message: "Log the credentials' Source instead of the secret", TextEdits: edits}}
}
