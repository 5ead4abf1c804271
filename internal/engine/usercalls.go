package engine

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// userCall applies the user's catalogue entries (see SetCatalog) to a
// call: sources, static sinks and log sinks by the function or method
// called, client types and refreshing providers by the result's type.
func (s *funcState) userCall(c *ssa.CallCommon, value ssa.Value, targets []target, res []rtaint) {
	cat := s.a.cat
	if cat == nil {
		return
	}
	vals := targets0(targets, c).vals
	sig := c.Signature()
	for i := range res {
		k, ok := typeKey(sig.Results().At(i).Type())
		if !ok {
			continue
		}
		if label, ok := cat.ClientType(k); ok && i == 0 {
			t := s.argsTaint(vals)
			if c.IsInvoke() {
				t = join(t, s.get(c.Value))
			}
			res[0].whole = join(res[0].whole, taint{frozen: t.frozen, frozenAt: t.frozenAt, frozenIf: t.frozenIf, frozenSrcIf: t.frozenSrcIf, params: t.params, client: label})
		}
		if cat.Refreshing(k) {
			// The user says values of this type refresh: never frozen.
			res[i].whole = unfreeze(res[i].whole)
			for p, t := range res[i].fields {
				res[i].fields[p] = unfreeze(t)
			}
		}
	}

	var obj *types.Func
	switch {
	case c.IsInvoke():
		obj = c.Method
	case len(targets) == 1:
		obj = targets[0].obj
	}
	k, ok := memberKey(obj)
	if !ok {
		return
	}
	method := obj.Signature().Recv() != nil
	params := vals // the arguments, without the receiver
	if method && !c.IsInvoke() && len(params) > 0 {
		params = params[1:]
	}
	if src, ok := cat.UserSourceOf(k); ok && src.Result < len(res) {
		t := s.sourceAt(src.Source, c.Pos())
		r := &res[src.Result]
		if src.Field == "" {
			r.whole = join(r.whole, t)
		} else {
			if r.fields == nil {
				r.fields = make(map[string]taint)
			}
			r.fields[src.Field] = join(r.fields[src.Field], t)
		}
	}
	if sink, ok := cat.StaticSinkOf(k); ok {
		var args []ssa.Value
		var idx []int
		for _, i := range []int{sink.Key, sink.Secret, sink.Token} {
			if i >= 0 && i < len(params) {
				idx = append(idx, len(args))
				args = append(args, params[i])
			}
		}
		// (key, secret, token): the built-in rule reads the third as the
		// session token; (key, secret) never carries one.
		s.staticSinkCall(c, value, catalog.StaticSink{Name: sink.Name, Args: idx}, args, res)
	}
	if sink, ok := cat.LogSinkOf(k); ok && s.record {
		s.logSink(c, sink, vals, method && !c.IsInvoke())
	}
}

// unfreeze drops what says a value is a provider that cannot refresh.
func unfreeze(t taint) taint {
	t.frozen, t.frozenAt, t.frozenIf, t.frozenSrcIf = "", nil, 0, 0
	return t
}

// refreshing reports whether the user declared a type a refreshing
// provider.
func (s *funcState) refreshing(t types.Type) bool {
	k, ok := typeKey(t)
	return ok && s.a.cat.Refreshing(k)
}

// userFieldParts narrows what a field of the user's own struct carries
// from a user source (see catalog.Extend) when the field has one of the
// SDK's names (AccessKeyID, SecretAccessKey, SessionToken, ...): brokers
// mirror them, and an access key id is not a secret. Fields with other
// names carry all the parts, as the result does.
func userFieldParts(t taint, path string) taint {
	if !strings.HasPrefix(t.src.Key, catalog.UserSourcePrefix) {
		return t
	}
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return t
	}
	if m := catalog.FieldParts[path[i+1:]]; m != 0 && m != catalog.PartsAll {
		return narrow(t, m)
	}
	return t
}
