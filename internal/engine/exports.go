package engine

import (
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// Intentional exports. A credential tool prints credentials to standard
// output for another program: export lines for eval
// ("export AWS_SESSION_TOKEN=%s", "$env:AWS_SESSION_TOKEN=...", "set ..."),
// KEY=value lines of an env file, the JSON a credential_process prints for
// the SDK. Such a print is a finding of the intentional-export category
// (Finding.Export), which the -exports switch governs across analyzers
// with envoverride's child environments (internal/analysisutil/exports.go);
// a print to a log, or to stderr, or of a secret under no credential name,
// is a leak.

// exportForm reports whether a print to standard output of values puts
// credentials under a credential name: a format or a text that names the
// variable or key, or an encoding of a type whose fields are named so.
func (s *funcState) exportForm(sink catalog.LogSink, values []ssa.Value) bool {
	if !sink.Stdout {
		return false
	}
	if len(values) > 1 {
		if _, ok := values[0].(*ssa.Const); ok {
			if t := s.formatEntry(taint{}, values[0], values[1:]); t.entry != "" || t.entryIf != 0 {
				return true
			}
		}
	}
	for _, v := range values {
		if v == nil {
			continue
		}
		if t := s.get(underlyingValue(v)); t.entry != "" || t.entryIf != 0 {
			return true
		}
		if encodesCredentialNames(v) || sink.Reflective && namesSecretFields(underlyingValue(v).Type(), 0) {
			return true // an encoding of credentials under their names
		}
	}
	return false
}

// encodesCredentialNames reports whether v is (the text of) an encoding,
// json.Marshal and the like, of a value whose type names its secret
// fields as the credential_process JSON and the credentials file do
// (SecretAccessKey, SessionToken, aws_session_token, ...).
func encodesCredentialNames(v ssa.Value) bool {
	v = underlyingValue(v)
	if cv, ok := v.(*ssa.Convert); ok {
		v = cv.X // string(b)
	}
	ex, ok := v.(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	fn := call.Common().StaticCallee()
	if fn == nil || fn.Pkg == nil || len(call.Common().Args) == 0 ||
		!catalog.Marshalers[catalog.FuncKey{Pkg: fn.Pkg.Pkg.Path(), Name: fn.Name()}] {
		return false
	}
	return namesSecretFields(underlyingValue(call.Common().Args[0]).Type(), 0)
}

// namesSecretFields reports whether a struct type (through pointers and
// one level of nesting) has a field whose Go or encoded name is a secret
// credential name.
func namesSecretFields(t types.Type, depth int) bool {
	st, ok := types.Unalias(deref(t)).Underlying().(*types.Struct)
	if !ok || depth > 1 {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		names := []string{f.Name()}
		for _, key := range []string{"json", "yaml", "ini", "toml"} {
			if tag, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get(key), ","); tag != "" {
				names = append(names, tag)
			}
		}
		for _, n := range names {
			if catalog.FieldParts[n]&catalog.PartsSecret != 0 && isString(deref(f.Type())) ||
				catalog.IsTokenName(n) || catalog.IsKeyName(n) || catalog.IsTokenName(strings.ToUpper(n)) || catalog.IsKeyName(strings.ToUpper(n)) {
				return true
			}
		}
		if namesSecretFields(f.Type(), depth+1) {
			return true
		}
	}
	return false
}
