package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/tokenlint/tokenlint/internal/catalog"
	"golang.org/x/tools/go/ssa"
)

// sinkHit is a construction reached by a tainted value inside a function.
type sinkHit struct {
	kind Kind
	pos  token.Pos
	sink string
	// name is the variable or key written (envoverride).
	name  string
	via   string
	t     taint
	force bool
	// export: a print to standard output in a form meant for another
	// program (exports.go).
	export bool
	// oneShot and escape: a StaticProvider hit's lifetime, as computed
	// where the provider is built (lifetime.go), carried to callers.
	oneShot bool
	escape  string
	// ifSource (singletonclient): the parameters in t.params make the
	// stored client frozen when they carry temporary credentials.
	ifSource bool
	// nameParam, if not 0, is 1 + the parameter that names the variable
	// set (envoverride), for the summary.
	nameParam int
	// val is the construction's value (a static provider's call or
	// literal), for suggested fixes.
	val ssa.Value
}

// resolve re-targets a hit recorded inside a callee or closure with the
// taint its parameters take at a call or where the closure is made.
func resolve(h sinkHit, t taint) sinkHit {
	if h.kind == Singleton {
		if t.client == "" {
			t.client = h.t.client
		}
		if h.ifSource && t.frozen == "" && t.src.Label != "" {
			t.frozen, t.frozenAt = "a static provider built from "+t.src.Label, t.origin
		}
	}
	h.t, h.force = t, false
	return h
}

// hit records that taint t reaches a construction. A hit is a finding
// when its taint has a source (or h.force is set: a session token under
// its own name is one whatever its origin); a hit through parameters goes
// into the function's summary for its callers.
func (s *funcState) hit(h sinkHit) {
	if h.t.empty() && !h.force {
		return
	}
	if h.kind.isEnv() && s.inTest() {
		// t.Setenv and helpers that take a testing.TB: tests persist nothing.
		return
	}
	if (h.kind == Singleton || h.kind == SecretLog) && strings.HasSuffix(s.a.pass.Fset.Position(h.pos).Filename, "_test.go") {
		// Test fixtures live as long as the test binary; tests log (mock
		// credentials) to their own output.
		return
	}
	if !h.force {
		s.fi.sinks = append(s.fi.sinks, h)
	}
	if h.force || isFinding(h.kind, h.t) {
		s.fi.hits = append(s.fi.hits, h)
	}
}

// isFinding reports whether taint t reaching a sink of the kind is a
// finding: temporary credentials in a static provider or under a key
// name; a credential entry in a child's environment; a session token (or
// a text that names one) written to disk.
func isFinding(k Kind, t taint) bool {
	switch k {
	case EnvChild:
		return t.entry != ""
	case DiskWrite:
		return t.entry != "" || t.hasToken()
	case Singleton:
		return t.frozen != "" && t.client != ""
	case SecretLog:
		return t.secret != 0 || t.src.Label != "" && t.parts&catalog.PartsSecret != 0
	}
	return t.src.Label != ""
}

// inTest reports whether the function (or one it is nested in) takes a
// *testing.T, *testing.B, *testing.F or testing.TB.
func (s *funcState) inTest() bool {
	for fn := s.fi.fn; fn != nil; fn = fn.Parent() {
		for _, p := range fn.Params {
			if k, ok := typeKey(p.Type()); ok && k.Pkg == "testing" {
				switch k.Name {
				case "T", "B", "F", "TB":
					return true
				}
			}
		}
	}
	return false
}

// findings converts the hits at the fixed point into findings, in position
// order, one per construction.
func (a *analysisState) findings() []Finding {
	a.indexSyntax()
	byPos := make(map[token.Pos]Finding)
	for _, h := range a.hits {
		f := Finding{Kind: h.kind, Pos: h.pos, Sink: h.sink, Name: h.name, Via: h.via, Source: h.t.src, Frozen: h.t.frozen, Client: h.t.client, UserClient: a.cat.IsUserClient(h.t.client), Export: h.export, tokenTrail: h.t.tokenTrail}
		if h.kind == StaticProvider {
			f.OneShot, f.Escape = h.lifetime()
		}
		if h.kind == SecretLog {
			f.Secret = h.t.secret
			if h.t.src.Label != "" {
				f.Secret |= h.t.parts & catalog.PartsSecret
			}
			if f.Name == "" {
				f.Name = minLabel(h.t.secretFrom, h.t.src.Label)
			}
		}
		if h.kind == Singleton && h.t.frozenAt != nil {
			f.Trail = h.t.frozenAt.hops
		} else if h.t.origin != nil {
			f.Trail = h.t.origin.hops
		}
		if call, ok := a.calls[h.pos]; ok {
			f.Pos, f.End = call.Pos(), call.End()
		} else if lit, ok := a.lits[h.pos]; ok {
			f.Pos, f.End = lit.Pos(), lit.End()
		} else if lit, ok := a.funcLits[h.pos]; ok {
			f.Pos, f.End = lit.Pos(), lit.Type.End()
		} else if lhs := a.lhsAt(h.pos); lhs != nil {
			// A store: report the variable, field or element assigned.
			f.Pos, f.End = lhs.Pos(), lhs.End()
		}
		f.Fixes = a.fixes(h, f)
		if old, ok := byPos[f.Pos]; ok && findingLess(old, f) {
			continue
		}
		byPos[f.Pos] = f
	}
	out := slices.Collect(maps.Values(byPos))
	sort.Slice(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out
}

// lhsAt returns the innermost assigned expression that contains pos.
func (a *analysisState) lhsAt(pos token.Pos) ast.Expr {
	var best ast.Expr
	for _, e := range a.lhs {
		if e.Pos() <= pos && pos < e.End() && (best == nil || e.Pos() >= best.Pos()) {
			best = e
		}
	}
	return best
}

// indexSyntax maps the positions go/ssa gives (a call's Lparen, a
// composite literal's Lbrace) back to the expressions, so that findings
// span what the user wrote.
func (a *analysisState) indexSyntax() {
	a.calls = make(map[token.Pos]*ast.CallExpr)
	a.lits = make(map[token.Pos]*ast.CompositeLit)
	a.funcLits = make(map[token.Pos]*ast.FuncLit)
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				a.calls[n.Lparen] = n
			case *ast.CompositeLit:
				a.lits[n.Lbrace] = n
			case *ast.FuncLit:
				a.funcLits[n.Type.Func] = n
			case *ast.AssignStmt:
				a.lhs = append(a.lhs, n.Lhs...)
			case *ast.UnaryExpr:
				if lit, ok := n.X.(*ast.CompositeLit); ok && n.Op == token.AND {
					a.lits[lit.Lbrace] = lit
				}
			}
			return true
		})
	}
}

// findingLess orders two findings at one position, for the one kept: by
// kind, then source and name, then the session token's trail before
// another part's (lattice.go), then trail.
func findingLess(a, b Finding) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if ka, kb := a.Source.Label+a.Name, b.Source.Label+b.Name; ka != kb {
		return ka < kb
	}
	if a.tokenTrail != b.tokenTrail {
		return a.tokenTrail
	}
	return fmt.Sprint(a.Trail) <= fmt.Sprint(b.Trail)
}

// lifetime returns whether a StaticProvider hit's provider is used only
// by calls in the function that builds it, and otherwise how it outlives
// that function ("" when unknown).
func (h sinkHit) lifetime() (bool, string) {
	if h.val != nil {
		e := escapeOf(h.val)
		return e == "", e
	}
	return h.oneShot, h.escape
}
