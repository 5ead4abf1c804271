package config

import (
	"errors"
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// validator collects every problem of a configuration, each with the
// file (or settings name), the line when known, and the key.
type validator struct {
	where string
	errs  []error
}

func (v *validator) errorf(n *yaml.Node, key, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if key != "" {
		msg = key + ": " + msg
	}
	if n != nil && n.Line > 0 {
		v.errs = append(v.errs, fmt.Errorf("%s:%d: %s", v.where, n.Line, msg))
		return
	}
	v.errs = append(v.errs, fmt.Errorf("%s: %s", v.where, msg))
}

func validate(where string, root *yaml.Node) (*Config, error) {
	v := &validator{where: where}
	c := &Config{}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	fields, ok := v.mapping(root, "", Keys)
	if !ok {
		return nil, errors.Join(v.errs...)
	}
	for _, key := range Keys {
		n := fields[key]
		if n == nil {
			continue
		}
		items := v.list(n, key)
		for i, item := range items {
			path := fmt.Sprintf("%s[%d]", key, i)
			switch key {
			case "sources":
				if e, ok := v.source(item, path); ok {
					c.Sources = append(c.Sources, e)
				}
			case "static_sinks":
				if e, ok := v.staticSink(item, path); ok {
					c.StaticSinks = append(c.StaticSinks, e)
				}
			case "refreshing_providers":
				if e, ok := v.typ(item, path); ok {
					c.RefreshingProviders = append(c.RefreshingProviders, e)
				}
			case "clients":
				if e, ok := v.typ(item, path); ok {
					c.Clients = append(c.Clients, e)
				}
			case "log_sinks":
				if e, ok := v.logSink(item, path); ok {
					c.LogSinks = append(c.LogSinks, e)
				}
			}
		}
	}
	v.duplicates(c)
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	return c, nil
}

// mapping checks that n is a mapping with only the allowed keys, each
// once, and returns the value of each key.
func (v *validator) mapping(n *yaml.Node, path string, allowed []string) (map[string]*yaml.Node, bool) {
	if n.Kind != yaml.MappingNode {
		what := "the configuration"
		if path != "" {
			what = path
		}
		v.errorf(n, "", "%s: want a mapping of keys (%s), got %s", what, strings.Join(allowed, ", "), kind(n))
		return nil, false
	}
	out := make(map[string]*yaml.Node)
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name := k.Value
		full := name
		if path != "" {
			full = path + "." + name
		}
		switch {
		case k.Kind != yaml.ScalarNode:
			v.errorf(k, path, "want a key name, got %s", kind(k))
			ok = false
		case !contains(allowed, name):
			v.errorf(k, full, "unknown key (valid: %s)", strings.Join(allowed, ", "))
			ok = false
		case out[name] != nil:
			v.errorf(k, full, "duplicate key")
			ok = false
		default:
			out[name] = val
		}
	}
	return out, ok
}

// list returns the items of a sequence (none for null).
func (v *validator) list(n *yaml.Node, path string) []*yaml.Node {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		v.errorf(n, path, "want a list of entries, got %s", kind(n))
		return nil
	}
	return n.Content
}

var (
	funcKeys   = []string{"package", "receiver", "function"}
	sourceKeys = append(append([]string(nil), funcKeys...), "result", "field", "label", "fix")
	sinkKeys   = append(append([]string(nil), funcKeys...), "key", "secret", "token")
	logKeys    = append(append([]string(nil), funcKeys...), "arg")
	typeKeys   = []string{"package", "type"}
)

func (v *validator) fn(fields map[string]*yaml.Node, n *yaml.Node, path string) (Func, bool) {
	f := Func{Line: n.Line}
	ok := true
	f.Package, ok = v.importPath(fields, n, path)
	if r := fields["receiver"]; r != nil {
		s, good := v.str(r, path+".receiver")
		if good && !token.IsIdentifier(strings.TrimPrefix(s, "*")) {
			v.errorf(r, path+".receiver", "want a type name (such as Client or *Client), got %q", s)
			good = false
		}
		f.Receiver = strings.TrimPrefix(s, "*")
		ok = ok && good
	}
	name, good := v.ident(fields, n, path, "function", "a function or method name")
	f.Function = name
	return f, ok && good
}

func (v *validator) importPath(fields map[string]*yaml.Node, n *yaml.Node, path string) (string, bool) {
	p := fields["package"]
	if p == nil {
		v.errorf(n, path, "missing key \"package\" (the import path)")
		return "", false
	}
	s, ok := v.str(p, path+".package")
	if !ok {
		return "", false
	}
	if s == "" || strings.ContainsAny(s, " \t\\\"'`:") || strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/") || strings.Contains(s, "//") {
		v.errorf(p, path+".package", "want an import path (such as example.com/broker), got %q", s)
		return "", false
	}
	return s, true
}

func (v *validator) ident(fields map[string]*yaml.Node, n *yaml.Node, path, key, what string) (string, bool) {
	p := fields[key]
	if p == nil {
		v.errorf(n, path, "missing key %q (%s)", key, what)
		return "", false
	}
	s, ok := v.str(p, path+"."+key)
	if ok && !token.IsIdentifier(s) {
		v.errorf(p, path+"."+key, "want %s, got %q", what, s)
		return "", false
	}
	return s, ok
}

func (v *validator) str(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		v.errorf(n, path, "want a string, got %s", kind(n))
		return "", false
	}
	return n.Value, true
}

// index returns an optional non-negative index (def when absent).
func (v *validator) index(fields map[string]*yaml.Node, path, key string, def int) (int, bool) {
	n := fields[key]
	if n == nil {
		return def, true
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if i, err := strconv.Atoi(n.Value); err == nil && i >= 0 && i < 64 {
			return i, true
		}
	}
	v.errorf(n, path+"."+key, "want an index from 0 to 63, got %s", kind(n))
	return 0, false
}

func (v *validator) source(n *yaml.Node, path string) (Source, bool) {
	fields, ok := v.mapping(n, path, sourceKeys)
	if !ok {
		return Source{}, false
	}
	f, ok := v.fn(fields, n, path)
	s := Source{Func: f}
	var good bool
	s.Result, good = v.index(fields, path, "result", 0)
	ok = ok && good
	if fn := fields["field"]; fn != nil {
		s.Field, good = v.str(fn, path+".field")
		for _, part := range strings.Split(s.Field, ".") {
			if good && !token.IsIdentifier(part) {
				v.errorf(fn, path+".field", "want a field name or a dotted path of them (such as Credentials.Secret), got %q", s.Field)
				good = false
			}
		}
		ok = ok && good
	}
	for _, k := range []string{"label", "fix"} {
		if ln := fields[k]; ln != nil {
			t, good := v.str(ln, path+"."+k)
			if good && strings.TrimSpace(t) == "" {
				v.errorf(ln, path+"."+k, "want a non-empty string")
				good = false
			}
			if k == "label" {
				s.Label = t
			} else {
				s.Fix = t
			}
			ok = ok && good
		}
	}
	return s, ok
}

func (v *validator) staticSink(n *yaml.Node, path string) (StaticSink, bool) {
	fields, ok := v.mapping(n, path, sinkKeys)
	if !ok {
		return StaticSink{}, false
	}
	f, ok := v.fn(fields, n, path)
	s := StaticSink{Func: f, Token: -1}
	for _, k := range []string{"key", "secret"} {
		if fields[k] == nil {
			v.errorf(n, path, "missing key %q (the index of the %s argument)", k, map[string]string{"key": "access key id", "secret": "secret access key"}[k])
			ok = false
		}
	}
	var g1, g2, g3 bool
	s.Key, g1 = v.index(fields, path, "key", -1)
	s.Secret, g2 = v.index(fields, path, "secret", -1)
	s.Token, g3 = v.index(fields, path, "token", -1)
	ok = ok && g1 && g2 && g3
	if ok && (s.Key == s.Secret || s.Key == s.Token || s.Secret == s.Token) {
		v.errorf(n, path, "key, secret and token must be different arguments")
		ok = false
	}
	return s, ok
}

func (v *validator) logSink(n *yaml.Node, path string) (LogSink, bool) {
	fields, ok := v.mapping(n, path, logKeys)
	if !ok {
		return LogSink{}, false
	}
	f, ok := v.fn(fields, n, path)
	s := LogSink{Func: f}
	var good bool
	s.Arg, good = v.index(fields, path, "arg", 0)
	return s, ok && good
}

func (v *validator) typ(n *yaml.Node, path string) (Type, bool) {
	fields, ok := v.mapping(n, path, typeKeys)
	if !ok {
		return Type{}, false
	}
	t := Type{Line: n.Line}
	var good bool
	t.Package, ok = v.importPath(fields, n, path)
	t.Type, good = v.ident(fields, n, path, "type", "a type name")
	return t, ok && good
}

// duplicates reports an entry that names the same function or type as
// an earlier one of its kind.
func (v *validator) duplicates(c *Config) {
	check := func(section string, keys []string, lines []int) {
		seen := make(map[string]int)
		for i, k := range keys {
			if j, ok := seen[k]; ok {
				v.errorf(&yaml.Node{Line: lines[i]}, fmt.Sprintf("%s[%d]", section, i), "%s is already declared by %s[%d]", k, section, j)
				continue
			}
			seen[k] = i
		}
	}
	var keys []string
	var lines []int
	for _, s := range c.Sources {
		keys, lines = append(keys, s.String()), append(lines, s.Line)
	}
	check("sources", keys, lines)
	keys, lines = nil, nil
	for _, s := range c.StaticSinks {
		keys, lines = append(keys, s.String()), append(lines, s.Line)
	}
	check("static_sinks", keys, lines)
	keys, lines = nil, nil
	for _, s := range c.LogSinks {
		keys, lines = append(keys, s.String()), append(lines, s.Line)
	}
	check("log_sinks", keys, lines)
	for _, sec := range []struct {
		name  string
		types []Type
	}{{"refreshing_providers", c.RefreshingProviders}, {"clients", c.Clients}} {
		keys, lines = nil, nil
		for _, t := range sec.types {
			keys, lines = append(keys, t.String()), append(lines, t.Line)
		}
		check(sec.name, keys, lines)
	}
}

func kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!str":
			return strconv.Quote(n.Value)
		}
		return n.Value
	}
	return "a document"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
