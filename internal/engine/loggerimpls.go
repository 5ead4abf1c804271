package engine

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// A service often logs through an interface of its own
// (type logger interface{ Infof(string, ...any) }) that a catalogue
// logger implements: a *logrus.Logger, a *zap.SugaredLogger, a
// *log.Logger assigned to it. A call of such a method logs as the
// logger does. The user's own types implementing the interface are
// followed through their bodies instead (implementations, cha.go).

// loggerSinks returns the log sinks an interface method call may reach:
// one per catalogue logger type, visible to the package (imported by it,
// directly or not), that implements the interface and logs with the
// method. The sinks are named by the interface's method when more than
// one logger implements it.
func (a *analysisState) loggerSinks(recv types.Type, m *types.Func) []catalog.LogSink {
	if a.logImpls == nil {
		a.logImpls = make(map[*types.Func][]catalog.LogSink)
	}
	if out, ok := a.logImpls[m]; ok {
		return out
	}
	var out []catalog.LogSink
	iface, ok := types.Unalias(recv).Underlying().(*types.Interface)
	if ok && (m.Pkg() == nil || !a.foreign(m.Pkg().Path())) {
		keys := make([]catalog.TypeKey, 0, len(catalog.LogMethods))
		for k := range catalog.LogMethods {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(x, y catalog.TypeKey) int {
			return strings.Compare(x.Pkg+"."+x.Name, y.Pkg+"."+y.Name)
		})
		for _, k := range keys {
			sink, ok := catalog.LogMethods[k][m.Name()]
			if !ok {
				continue
			}
			p := a.importedPackage(k.Pkg)
			if p == nil {
				continue
			}
			tn, ok := p.Scope().Lookup(k.Name).(*types.TypeName)
			if !ok {
				continue
			}
			if types.Implements(tn.Type(), iface) || types.Implements(types.NewPointer(tn.Type()), iface) {
				out = append(out, sink)
			}
		}
	}
	if len(out) > 1 {
		name := m.Name()
		if named, ok := types.Unalias(recv).(*types.Named); ok {
			name = named.Obj().Name() + "." + name
		}
		first := out[0]
		first.Name = name + " (a logger interface)"
		first.Reflective = slices.ContainsFunc(out, func(s catalog.LogSink) bool { return s.Reflective })
		out = []catalog.LogSink{first}
	}
	a.logImpls[m] = out
	return out
}

// interfaceLogSinks reports the secrets an interface method call that a
// catalogue logger implements writes.
func (s *funcState) interfaceLogSinks(c *ssa.CallCommon) {
	if !c.IsInvoke() {
		return
	}
	for _, sink := range s.a.loggerSinks(c.Value.Type(), c.Method) {
		s.logSink(c, sink, append([]ssa.Value{c.Value}, c.Args...), true)
	}
}
