package engine

import (
	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// Which formatter a logrus logger prints its fields with. The default
// text formatter prints a field with fmt (a pointer to the SDK's
// types.Credentials as an address); a JSONFormatter encodes it with
// encoding/json, following pointers, and shows the secrets. A logger's
// formatter is known where the code that made it sets it, by the value it
// is given: a logger made by logrus.New() in this function (or an entry of
// it, through the With* methods) whose SetFormatter gets a JSONFormatter,
// or whose Formatter field is assigned one; for logrus's standard logger
// (the package-level functions, StandardLogger()), a call in this package
// that sets one on it. A logger received from elsewhere keeps the
// default: what it prints is not known here.

// jsonFormatted reports whether the logrus logger or entry v prints its
// fields with a JSON formatter.
func (s *funcState) jsonFormatted(v ssa.Value) bool {
	for range 8 {
		c, ok := underlyingValue(v).(*ssa.Call)
		if !ok {
			return false
		}
		fn := c.Call.StaticCallee()
		if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != catalog.Logrus {
			return false
		}
		recv := fn.Signature.Recv()
		switch {
		case recv == nil && fn.Name() == "New":
			return setsJSON(c)
		case recv == nil && (fn.Name() == "StandardLogger" || catalog.LogFieldFuncs[catalog.FuncKey{Pkg: catalog.Logrus, Name: fn.Name()}]):
			return s.a.stdJSON()
		case recv != nil && len(c.Call.Args) > 0:
			k, ok := typeKey(recv.Type())
			if with := catalog.LogFieldMethods[k]; !ok || with == nil || !with(fn.Name()) {
				return false
			}
			v = c.Call.Args[0] // an entry of the logger it was made from
		default:
			return false
		}
	}
	return false
}

// setsJSON reports whether a JSON formatter is given to the logger that
// logger (a logrus.New() or StandardLogger() call) returned.
func setsJSON(logger ssa.Value) bool {
	refs := logger.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		switch r := ref.(type) {
		case *ssa.Call:
			fn := r.Call.StaticCallee()
			if fn != nil && fn.Name() == "SetFormatter" && fn.Signature.Recv() != nil && len(r.Call.Args) == 2 && r.Call.Args[0] == logger && isJSONFormatter(r.Call.Args[1]) {
				return true
			}
		case *ssa.FieldAddr:
			if structFieldName(r.X.Type(), r.Field) != "Formatter" {
				continue
			}
			for _, fr := range *r.Referrers() {
				if st, ok := fr.(*ssa.Store); ok && st.Addr == r && isJSONFormatter(st.Val) {
					return true
				}
			}
		}
	}
	return false
}

// stdJSON reports whether the package gives logrus's standard logger a
// JSON formatter: logrus.SetFormatter, or StandardLogger()'s.
func (a *analysisState) stdJSON() bool {
	if a.stdJSONDone {
		return a.stdJSONSet
	}
	a.stdJSONDone = true
	for _, fn := range a.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				callee := c.Call.StaticCallee()
				if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != catalog.Logrus {
					continue
				}
				switch {
				case callee.Name() == "SetFormatter" && callee.Signature.Recv() == nil && len(c.Call.Args) == 1 && isJSONFormatter(c.Call.Args[0]):
					a.stdJSONSet = true
				case callee.Name() == "StandardLogger" && setsJSON(c):
					a.stdJSONSet = true
				}
			}
		}
	}
	return a.stdJSONSet
}

// isJSONFormatter reports whether v is a logrus JSON formatter.
func isJSONFormatter(v ssa.Value) bool {
	k, ok := typeKey(underlyingValue(v).Type())
	return ok && catalog.JSONFormatters[k]
}
