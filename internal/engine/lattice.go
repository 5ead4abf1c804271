package engine

import (
	"maps"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// taint is what the engine knows about one value: the temporary
// credentials it may carry (src) and, while summarising a function, which
// of the function's parameters and free variables flow into it (params,
// a bit set over go/ssa's Params followed by FreeVars).
//
// parts says which parts of the credentials (key id, secret, session
// token) a value with a src carries; entry names the credential variable
// or key ("AWS_SESSION_TOKEN") of a text that puts a value under that name
// ("AWS_SESSION_TOKEN=" + v, an ini key, a map entry).
//
// frozen describes a credentials provider that cannot refresh which the
// value is or holds (a static provider with a session token, ...), and
// client names the AWS client type the value is or holds (singletonclient).
type taint struct {
	src    catalog.Source
	parts  uint8
	params uint64
	entry  string
	frozen string
	client string
	// frozenIf: the value is frozen if the caller's argument for any of
	// these parameters is not provably empty (a helper that builds a
	// static provider from its token parameter).
	frozenIf uint64
	// frozenSrcIf: the value is a provider frozen from these parameters'
	// values: frozen if the caller's argument carries temporary
	// credentials (a helper that builds a static provider from a
	// credentials parameter).
	frozenSrcIf uint64
}

func (t taint) empty() bool {
	return t.src.Label == "" && t.params == 0 && t.entry == "" && t.frozen == "" && t.client == "" && t.frozenIf == 0 && t.frozenSrcIf == 0
}

// minLabel returns the smaller non-empty label.
func minLabel(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// sourced returns the taint of a value fresh from a source.
func sourced(src catalog.Source) taint { return taint{src: src, parts: catalog.PartsAll} }

// join merges two taints. Of two sources (or entries) the one with the
// smaller label wins, so that the result does not depend on visiting order.
func join(a, b taint) taint {
	if a.src.Label == "" || (b.src.Label != "" && b.src.Label < a.src.Label) {
		a.src = b.src
	}
	a.entry = minLabel(a.entry, b.entry)
	a.frozen = minLabel(a.frozen, b.frozen)
	a.client = minLabel(a.client, b.client)
	a.parts |= b.parts
	a.params |= b.params
	a.frozenIf |= b.frozenIf
	a.frozenSrcIf |= b.frozenSrcIf
	return a
}

// narrow keeps only the given parts of the credentials.
func narrow(t taint, mask uint8) taint {
	t.parts &= mask
	if t.parts == 0 {
		t.src = catalog.Source{}
	}
	return t
}

// hasToken reports whether t carries a session token from a source.
func (t taint) hasToken() bool { return t.src.Label != "" && t.parts&catalog.PartToken != 0 }

// rtaint is the taint of a function result: of the whole value, and,
// for a struct built in the function, of each of its fields, so that a
// caller that uses only the metadata (an expiry time) is not tainted by
// the credentials beside it.
type rtaint struct {
	whole  taint
	fields map[int]taint
}

func (r rtaint) joinAll() taint {
	t := r.whole
	for _, f := range r.fields {
		t = join(t, f)
	}
	return t
}

// maxParams bounds the symbolic parameters tracked per function.
const maxParams = 64

func joinR(a, b rtaint) rtaint {
	out := rtaint{whole: join(a.whole, b.whole)}
	if len(a.fields)+len(b.fields) > 0 {
		out.fields = make(map[int]taint)
		for i, t := range a.fields {
			out.fields[i] = join(out.fields[i], t)
		}
		for i, t := range b.fields {
			out.fields[i] = join(out.fields[i], t)
		}
	}
	return out
}

func equalR(a, b rtaint) bool {
	return a.whole == b.whole && maps.Equal(a.fields, b.fields)
}

func bits(x uint64) []int {
	var out []int
	for i := 0; i < maxParams; i++ {
		if x&(1<<i) != 0 {
			out = append(out, i)
		}
	}
	return out
}
