package engine

import (
	"go/token"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// taint is what the engine knows about one value: the temporary
// credentials it may carry (src), and, while summarising a function,
// what it owes to the function's parameters and free variables (bit sets
// over go/ssa's Params followed by FreeVars).
//
// parts says which parts of the credentials (key id, secret, session
// token) a value with a src carries; entry names the credential variable
// or key ("AWS_SESSION_TOKEN") of a text that puts a value under that name
// ("AWS_SESSION_TOKEN=" + v, an ini key, a map entry).
//
// frozen describes a credentials provider that cannot refresh which the
// value is or holds (a static provider with a session token, ...), and
// client names the AWS client type the value is or holds (singletonclient).
//
// fns are the functions a value of func type may be (a bound method value,
// a closure, a function assigned to a variable), so that calls through it
// can be followed.
type taint struct {
	src   catalog.Source
	parts uint8
	// params: the parameters whose values flow into this one.
	params uint64
	// calls: the value is what calling these (func-typed) parameters
	// returns, as in func freeze(get func() Creds) { c := get() ... }.
	calls uint64
	entry string
	// entryIf: the value puts a value under the name the caller passes in
	// these parameters (func (e *environ) Set(key, val string)).
	entryIf uint64
	frozen  string
	// frozenAt is where the frozen provider was made (and where its
	// credentials came from): it goes with frozen.
	frozenAt *trail
	client   string
	// frozenIf: the value is frozen if the caller's argument for any of
	// these parameters is not provably empty (a helper that builds a
	// static provider from its token parameter).
	frozenIf uint64
	// frozenSrcIf: the value is a provider frozen from these parameters'
	// values: frozen if the caller's argument carries temporary
	// credentials (a helper that builds a static provider from a
	// credentials parameter).
	frozenSrcIf uint64
	fns         fnSet
	// secret says which secret parts (catalog.PartSecret, PartToken) the
	// value is known to be by what it was read from: a field of the SDK's
	// credential types, a secret environment variable; secretFrom names
	// it (secretlog).
	secret     uint8
	secretFrom string
	// origin is where src came from: the source and the hops between
	// (see trail.go); it goes with src.
	origin *trail
	// tokenTrail says that origin is the trail of a value that carries
	// the session token: of the trails of one source, the token's wins,
	// since the token is what expires and what every finding is about
	// (a static provider built from h.ID, h.Secret, h.Token names the
	// store into h.Token, not the one into h.ID).
	tokenTrail bool
	// pathOnly are the bits of params that the value owes only to fields
	// read through those parameters, at the paths ppaths lists (a getter
	// returns c.profile: its result owes c's .profile, not c's token).
	pathOnly uint64
	ppaths   *paramPaths
}

func (t taint) empty() bool {
	return t.src.Label == "" && t.params == 0 && t.calls == 0 && t.entry == "" && t.entryIf == 0 &&
		t.frozen == "" && t.client == "" && t.frozenIf == 0 && t.frozenSrcIf == 0 && t.fns.empty() && t.secret == 0
}

// minLabel returns the smaller non-empty label.
func minLabel(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// sourced returns the taint of a value fresh from a source.
func sourced(src catalog.Source) taint {
	return taint{src: src, parts: catalog.PartsAll, tokenTrail: true}
}

// join merges two taints. Of two sources (or entries) the one with the
// smaller label wins (then the smaller trail), so that the result does
// not depend on visiting order.
func join(a, b taint) taint {
	if b.src.Label != "" && (a.src.Label == "" || sourceLess(b, a)) {
		a.src, a.origin, a.tokenTrail = b.src, b.origin, b.tokenTrail
	}
	a.entry = betterEntry(a.entry, b.entry)
	if b.frozen != "" && (a.frozen == "" || b.frozen < a.frozen || b.frozen == a.frozen && b.frozenAt.less(a.frozenAt)) {
		a.frozen, a.frozenAt = b.frozen, b.frozenAt
	}
	a.client = minLabel(a.client, b.client)
	a.parts |= b.parts
	a.pathOnly = (a.pathOnly | ^a.params) & (b.pathOnly | ^b.params) & (a.params | b.params)
	a.ppaths = a.ppaths.union(b.ppaths)
	a.params |= b.params
	a.calls |= b.calls
	a.entryIf |= b.entryIf
	a.frozenIf |= b.frozenIf
	a.frozenSrcIf |= b.frozenSrcIf
	a.fns = a.fns.union(b.fns)
	a.secret |= b.secret
	a.secretFrom = minLabel(a.secretFrom, b.secretFrom)
	return a
}

// freeze marks t as a frozen provider described by label, made at the
// hops of at.
func freeze(t taint, label string, at *trail) taint {
	return join(t, taint{frozen: label, frozenAt: at})
}

// sourceLess orders the sources of two taints: by label, then key (v1
// and v2 share labels), then trail.
func sourceLess(a, b taint) bool {
	if a.src.Label != b.src.Label {
		return a.src.Label < b.src.Label
	}
	if a.src.Key != b.src.Key {
		return a.src.Key < b.src.Key
	}
	if a.tokenTrail != b.tokenTrail {
		return a.tokenTrail
	}
	return a.origin.less(b.origin)
}

// narrow keeps only the given parts of the credentials.
func narrow(t taint, mask uint8) taint {
	t.parts &= mask
	if t.parts == 0 {
		t.src, t.origin = catalog.Source{}, nil
	}
	if t.parts&catalog.PartToken == 0 {
		t.tokenTrail = false
	}
	if t.secret &= mask; t.secret == 0 {
		t.secretFrom = ""
	}
	return t
}

// local drops what only makes sense inside one call: the parameters and
// what depends on them. Memory that outlives the call (the heap, package
// variables) keeps the rest.
func local(t taint) taint {
	t.params, t.calls, t.entryIf, t.frozenIf, t.frozenSrcIf = 0, 0, 0, 0, 0
	t.pathOnly, t.ppaths = 0, nil
	return t
}

// hasToken reports whether t carries a session token from a source.
func (t taint) hasToken() bool { return t.src.Label != "" && t.parts&catalog.PartToken != 0 }

// rtaint is the taint of a value with fields: of the whole value (what
// cannot be attributed to one field), and of each field path (".Key",
// ".Inner.Token"), so that a caller that uses only the metadata (an
// expiry time) is not tainted by the credentials beside it.
type rtaint struct {
	whole  taint
	fields map[string]taint
}

func (r rtaint) joinAll() taint {
	t := r.whole
	for _, f := range r.fields {
		t = join(t, f)
	}
	return t
}

func joinR(a, b rtaint) rtaint {
	out := rtaint{whole: join(a.whole, b.whole)}
	if len(a.fields)+len(b.fields) > 0 {
		out.fields = make(map[string]taint, len(a.fields)+len(b.fields))
		for p, t := range a.fields {
			out.fields[p] = t
		}
		for p, t := range b.fields {
			out.fields[p] = join(out.fields[p], t)
		}
	}
	return out
}

func equalR(a, b rtaint) bool {
	return a.whole == b.whole && maps.Equal(a.fields, b.fields)
}

// maxParams bounds the symbolic parameters tracked per function.
const maxParams = 64

func bits(x uint64) []int {
	var out []int
	for i := 0; i < maxParams; i++ {
		if x&(1<<i) != 0 {
			out = append(out, i)
		}
	}
	return out
}

// maxFns bounds the functions a func value is known to be: beyond it the
// ones that sort first are kept (deterministically), the rest dropped.
const maxFns = 4

// fnSet is a small sorted set of functions, comparable so that taints
// stay comparable values.
type fnSet [maxFns]*ssa.Function

func (s fnSet) empty() bool { return s[0] == nil }

func fnSetOf(fn *ssa.Function) fnSet { return fnSet{fn} }

func (s fnSet) union(o fnSet) fnSet {
	if o.empty() || s == o {
		return s
	}
	if s.empty() {
		return o
	}
	var all []*ssa.Function
	for _, f := range append(s[:], o[:]...) {
		if f != nil && !slices.Contains(all, f) {
			all = append(all, f)
		}
	}
	slices.SortFunc(all, fnOrder)
	var out fnSet
	copy(out[:], all)
	return out
}

func (s fnSet) list() []*ssa.Function {
	var out []*ssa.Function
	for _, f := range s {
		if f != nil {
			out = append(out, f)
		}
	}
	return out
}

// fnOrder orders functions by position, then by name.
func fnOrder(a, b *ssa.Function) int {
	if a.Pos() != b.Pos() {
		if a.Pos() == token.NoPos || (b.Pos() != token.NoPos && a.Pos() < b.Pos()) {
			return -1
		}
		return 1
	}
	return strings.Compare(a.String(), b.String())
}
