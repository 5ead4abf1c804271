// Package config parses and validates tokenlint's configuration: the
// catalogue entries a user adds for their own code and libraries (sources
// of temporary credentials, static sinks, refreshing providers, client
// types, log sinks). The same keys come from a YAML file (-config=FILE)
// or from the golangci-lint plugin's settings; both are checked by one
// validator, so that a mistake reads the same either way, with the file,
// the line and the key when they are known.
//
// The analyzers never read the configuration: a driver parses it with
// this package and installs it (see catalog.Extend and engine.SetCatalog).
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// Config is a validated configuration. Indices (Result, Key, Secret,
// Token, Arg) count a function's parameters or results from 0, without
// the receiver.
type Config struct {
	Sources             []Source
	StaticSinks         []StaticSink
	RefreshingProviders []Type
	Clients             []Type
	LogSinks            []LogSink
}

// Empty reports whether the configuration adds nothing.
func (c *Config) Empty() bool {
	return c == nil || len(c.Sources)+len(c.StaticSinks)+len(c.RefreshingProviders)+len(c.Clients)+len(c.LogSinks) == 0
}

// Func names a package-level function (Receiver "") or a method, by its
// package's import path, its receiver's type name (pointer or not) and
// its name.
type Func struct {
	Package, Receiver, Function string
	// Line is where the entry starts in the file (0 for plugin settings).
	Line int
}

func (f Func) String() string {
	if f.Receiver != "" {
		return f.Package + "." + f.Receiver + "." + f.Function
	}
	return f.Package + "." + f.Function
}

// A Source is a function or method whose result carries temporary
// credentials: the whole result Result, or only its field Field (a
// dotted path of field names) when Field is set.
type Source struct {
	Func
	Result int
	Field  string
	// Label names the source in messages; Fix says what to use instead.
	Label, Fix string
}

// A StaticSink is a function or method that freezes the credentials it
// is given: argument Key is the access key id, Secret the secret access
// key, Token the session token (-1 when it takes none).
type StaticSink struct {
	Func
	Key, Secret, Token int
}

// A Type is a named type, by package import path and name.
type Type struct {
	Package, Type string
	Line          int
}

func (t Type) String() string { return t.Package + "." + t.Type }

// A LogSink is a function or method that writes its arguments, from
// argument Arg on, to a log or the console.
type LogSink struct {
	Func
	Arg int
}

// Parse parses and validates a configuration file's contents; errors
// name the file, the line and the key.
func Parse(filename string, data []byte) (*Config, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &Config{}, nil // an empty file adds nothing
		}
		return nil, fmt.Errorf("%s: %v", filename, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, fmt.Errorf("%s:%d: want one YAML document, found another", filename, extra.Line)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return validate(filename, root)
}

// FromSettings validates settings decoded by another program (the
// golangci-lint plugin's settings: maps, lists and scalars). Lines are
// not known there, so errors start with where, then the key.
func FromSettings(where string, settings map[string]any) (*Config, error) {
	var n yaml.Node
	if err := n.Encode(settings); err != nil {
		return nil, fmt.Errorf("%s: %v", where, err)
	}
	return validate(where, &n)
}

// Keys are the top-level keys of a configuration.
var Keys = []string{"sources", "static_sinks", "refreshing_providers", "clients", "log_sinks"}
