package engine

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// packageLevel returns the package-level variable an address or map
// belongs to: the variable itself, a field or element of it, or what a
// pointer held in it points to.
func packageLevel(addr ssa.Value) *ssa.Global {
	v := addr
	for range 16 {
		switch r := v.(type) {
		case *ssa.Global:
			return r
		case *ssa.FieldAddr:
			v = r.X
		case *ssa.IndexAddr:
			v = r.X
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
			v = r.X
		default:
			return nil
		}
	}
	return nil
}

// singletonStore reports a client that cannot refresh its credentials
// stored into package-level state.
func (s *funcState) singletonStore(pos token.Pos, g *ssa.Global, t taint) {
	if t.frozenIf != 0 {
		// A session token from a parameter, kept for the whole process:
		// not provably empty where the client becomes a singleton.
		t.frozen = minLabel(t.frozen, "a static provider with a session token")
	}
	if !pos.IsValid() {
		pos = g.Pos()
	}
	h := sinkHit{kind: Singleton, pos: pos, sink: "package-level variable " + g.Name(), name: g.Name()}
	if t.client != "" && t.frozen != "" {
		h.t = t
		h.t.params = 0
		s.hit(h)
		return
	}
	// Otherwise the stored value may still be frozen by what callers (or
	// the function making this closure) pass: record the parameters, for
	// the summary and for resolve.
	if src := t.frozenSrcIf & t.params; src != 0 {
		h.t, h.ifSource = taint{params: src, client: t.client}, true
		s.hit(h)
	}
	if plain := t.params &^ t.frozenSrcIf; plain != 0 {
		h.t, h.ifSource = taint{params: plain, client: t.client}, false
		s.hit(h)
	}
}

// onceSingleton reports sync.OnceValue(s) of a func that returns a client
// whose credentials cannot refresh: the client lives for the process.
func (s *funcState) onceSingleton(c *ssa.CallCommon, once string, f ssa.Value, res []rtaint) {
	var fn *ssa.Function
	switch f := f.(type) {
	case *ssa.MakeClosure:
		fn, _ = f.Fn.(*ssa.Function)
	case *ssa.Function:
		fn = f
	}
	fi, ok := s.infoOf(fn)
	if !ok || len(fi.results) == 0 {
		return
	}
	t := fi.results[0].joinAll()
	t.params = 0
	if t.frozenIf != 0 {
		t.frozen = minLabel(t.frozen, "a static provider with a session token")
	}
	for i := range res {
		res[i].whole = join(res[i].whole, taint{frozen: t.frozen, frozenAt: t.frozenAt, client: t.client})
	}
	if s.record {
		s.hit(sinkHit{kind: Singleton, pos: c.Pos(), sink: once, t: t})
	}
}
