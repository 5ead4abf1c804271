package catalog

import (
	"strings"

	"github.com/tokenlint/tokenlint/internal/config"
)

// User entries: what a configuration (internal/config) adds to the
// built-in catalogue. A *Catalog is immutable once made; the nil
// *Catalog is the built-in catalogue alone.

// A MemberKey identifies a package-level function (Recv "") or a method
// (Recv is its receiver's type name, without the pointer).
type MemberKey struct{ Pkg, Recv, Name string }

// A UserSource is a function or method whose result Result (or its field
// path Field, ".A.B", when set) carries temporary credentials.
type UserSource struct {
	Source Source
	Result int
	Field  string
}

// A UserStaticSink freezes its arguments Key, Secret and Token (-1: none)
// into a provider that never refreshes.
type UserStaticSink struct {
	Name               string
	Key, Secret, Token int
}

// Catalog is the built-in catalogue extended with a user's entries.
type Catalog struct {
	sources     map[MemberKey]UserSource
	byKey       map[string]Source
	staticSinks map[MemberKey]UserStaticSink
	logSinks    map[MemberKey]LogSink
	refreshing  map[TypeKey]bool
	clients     map[TypeKey]string
	packages    map[string]bool
}

// UserSourcePrefix starts the key of every user source (facts carry the
// key, so a source declared in the configuration is the same source in
// every package that imports the one that returns it).
const UserSourcePrefix = "config:"

// Extend returns the catalogue extended with the configuration's
// entries; nil for an empty configuration.
func Extend(c *config.Config) *Catalog {
	if c.Empty() {
		return nil
	}
	cat := &Catalog{
		sources:     make(map[MemberKey]UserSource),
		byKey:       make(map[string]Source),
		staticSinks: make(map[MemberKey]UserStaticSink),
		logSinks:    make(map[MemberKey]LogSink),
		refreshing:  make(map[TypeKey]bool),
		clients:     make(map[TypeKey]string),
		packages:    make(map[string]bool),
	}
	member := func(f config.Func) MemberKey {
		cat.packages[f.Package] = true
		return MemberKey{f.Package, f.Receiver, f.Function}
	}
	for _, s := range c.Sources {
		label := s.Label
		if label == "" {
			label = spell(s.Func) + " result"
		}
		fix := s.Fix
		if fix == "" {
			fix = "pass a provider that fetches again before the credentials expire (an aws.CredentialsProvider wrapped in aws.NewCredentialsCache) instead of one result of " + spell(s.Func)
		}
		src := Source{Key: UserSourcePrefix + s.Func.String(), Label: label, Fix: fix}
		field := ""
		if s.Field != "" {
			field = "." + s.Field
		}
		cat.sources[member(s.Func)] = UserSource{Source: src, Result: s.Result, Field: field}
		cat.byKey[src.Key] = src
	}
	for _, s := range c.StaticSinks {
		cat.staticSinks[member(s.Func)] = UserStaticSink{Name: spell(s.Func), Key: s.Key, Secret: s.Secret, Token: s.Token}
	}
	for _, s := range c.LogSinks {
		cat.logSinks[member(s.Func)] = LogSink{Name: spell(s.Func), Arg: s.Arg}
	}
	for _, t := range c.RefreshingProviders {
		cat.refreshing[TypeKey{t.Package, t.Type}] = true
		cat.packages[t.Package] = true
	}
	for _, t := range c.Clients {
		cat.clients[TypeKey{t.Package, t.Type}] = "*" + lastElem(t.Package) + "." + t.Type
		cat.packages[t.Package] = true
	}
	return cat
}

// spell is how messages name a user's function: pkg.Recv.Name.
func spell(f config.Func) string {
	if f.Receiver != "" {
		return lastElem(f.Package) + "." + f.Receiver + "." + f.Function
	}
	return lastElem(f.Package) + "." + f.Function
}

func lastElem(path string) string {
	if i := strings.LastIndex(path, "/"); i >= 0 {
		return path[i+1:]
	}
	return path
}

// UserSourceOf returns the user source a function or method is.
func (c *Catalog) UserSourceOf(k MemberKey) (UserSource, bool) {
	if c == nil {
		return UserSource{}, false
	}
	s, ok := c.sources[k]
	return s, ok
}

// StaticSinkOf returns the user static sink a function or method is.
func (c *Catalog) StaticSinkOf(k MemberKey) (UserStaticSink, bool) {
	if c == nil {
		return UserStaticSink{}, false
	}
	s, ok := c.staticSinks[k]
	return s, ok
}

// LogSinkOf returns the user log sink a function or method is.
func (c *Catalog) LogSinkOf(k MemberKey) (LogSink, bool) {
	if c == nil {
		return LogSink{}, false
	}
	s, ok := c.logSinks[k]
	return s, ok
}

// Refreshing reports whether values of a type refresh their credentials
// (they are never frozen, whatever they were built from).
func (c *Catalog) Refreshing(k TypeKey) bool { return c != nil && c.refreshing[k] }

// ClientType returns how messages spell a user client type.
func (c *Catalog) ClientType(k TypeKey) (string, bool) {
	if c == nil {
		return "", false
	}
	l, ok := c.clients[k]
	return l, ok
}

// Known reports whether the catalogue describes a function or method:
// built in (see [Known]) or a user entry. The engine goes by the
// catalogue for those, not by their code.
func (c *Catalog) Known(k MemberKey) bool {
	if k.Recv == "" && Known(FuncKey{k.Pkg, k.Name}) {
		return true
	}
	if c == nil {
		return false
	}
	_, src := c.sources[k]
	_, sink := c.staticSinks[k]
	_, log := c.logSinks[k]
	return src || sink || log
}

// Mentions reports whether a package holds a user entry: its importers
// can carry credentials (as the SDK's do).
func (c *Catalog) Mentions(pkg string) bool { return c != nil && c.packages[pkg] }

// SourceByKey returns the source with the given key, the user's or the
// built-in one (see the package-level [SourceByKey]).
func (c *Catalog) SourceByKey(key string) Source {
	if c != nil {
		if s, ok := c.byKey[key]; ok {
			return s
		}
	}
	if strings.HasPrefix(key, UserSourcePrefix) {
		// A fact written with another configuration: the key still
		// names the function.
		return Source{Key: key, Label: strings.TrimPrefix(key, UserSourcePrefix) + " result"}
	}
	return SourceByKey(key)
}

// IsUserClient reports whether a client label names one of the user's
// client types: singletonclient reports those whatever -services says,
// since the user asked for them.
func (c *Catalog) IsUserClient(label string) bool {
	if c == nil {
		return false
	}
	for _, l := range c.clients {
		if l == label {
			return true
		}
	}
	return false
}
