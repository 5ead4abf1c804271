package config

import (
	"reflect"
	"testing"
)

const good = `# the broker's credentials are temporary
sources:
  - package: example.com/corp/broker
    receiver: "*Client"
    function: Fetch
    field: Creds
    label: broker.Client.Fetch
    fix: use broker.NewProvider(client), which refetches before expiry
  - package: example.com/corp/broker
    function: Latest
    result: 1
static_sinks:
  - package: example.com/corp/blob
    function: NewStaticAuth
    key: 0
    secret: 1
    token: 2
  - package: example.com/corp/blob
    receiver: Config
    function: WithKeys
    key: 0
    secret: 1
refreshing_providers:
  - {package: example.com/corp/broker, type: Provider}
clients:
  - {package: example.com/corp/blob, type: Client}
log_sinks:
  - package: example.com/corp/audit
    receiver: Logger
    function: Record
    arg: 1
`

func TestParseGood(t *testing.T) {
	c, err := Parse("tokenlint.yml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Sources: []Source{
			{Func: Func{"example.com/corp/broker", "Client", "Fetch", 3}, Field: "Creds", Label: "broker.Client.Fetch", Fix: "use broker.NewProvider(client), which refetches before expiry"},
			{Func: Func{"example.com/corp/broker", "", "Latest", 9}, Result: 1},
		},
		StaticSinks: []StaticSink{
			{Func: Func{"example.com/corp/blob", "", "NewStaticAuth", 13}, Key: 0, Secret: 1, Token: 2},
			{Func: Func{"example.com/corp/blob", "Config", "WithKeys", 18}, Key: 0, Secret: 1, Token: -1},
		},
		RefreshingProviders: []Type{{"example.com/corp/broker", "Provider", 24}},
		Clients:             []Type{{"example.com/corp/blob", "Client", 26}},
		LogSinks:            []LogSink{{Func: Func{"example.com/corp/audit", "Logger", "Record", 28}, Arg: 1}},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Parse:\n got %+v\nwant %+v", c, want)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, text := range []string{"", "# nothing\n", "sources: []\n", "sources:\n"} {
		c, err := Parse("f.yml", []byte(text))
		if err != nil || !c.Empty() {
			t.Errorf("Parse(%q) = %+v, %v; want an empty config", text, c, err)
		}
	}
}

func TestParseBad(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"source: []\n", `f.yml:1: source: unknown key (valid: sources, static_sinks, refreshing_providers, clients, log_sinks)`},
		{"- a\n", `f.yml:1: the configuration: want a mapping of keys (sources, static_sinks, refreshing_providers, clients, log_sinks), got a list`},
		{"sources: {package: x}\n", `f.yml:1: sources: want a list of entries, got a mapping`},
		{"sources:\n  - package: example.com/b\n    function: Fetch\n    recv: Client\n", `f.yml:4: sources[0].recv: unknown key (valid: package, receiver, function, result, field, label, fix)`},
		{"sources:\n  - function: Fetch\n", `f.yml:2: sources[0]: missing key "package" (the import path)`},
		{"sources:\n  - package: example.com/b\n", `f.yml:2: sources[0]: missing key "function" (a function or method name)`},
		{"sources:\n  - package: example.com/b\n    function: Fetch()\n", `f.yml:3: sources[0].function: want a function or method name, got "Fetch()"`},
		{"sources:\n  - package: example.com/b\n    function: Fetch\n    receiver: c.Client\n", `f.yml:4: sources[0].receiver: want a type name (such as Client or *Client), got "c.Client"`},
		{"sources:\n  - package: \"example.com/b \"\n    function: Fetch\n", `f.yml:2: sources[0].package: want an import path (such as example.com/broker), got "example.com/b "`},
		{"sources:\n  - package: 12\n    function: Fetch\n", `f.yml:2: sources[0].package: want a string, got 12`},
		{"sources:\n  - package: example.com/b\n    function: Fetch\n    result: first\n", `f.yml:4: sources[0].result: want an index from 0 to 63, got "first"`},
		{"sources:\n  - package: example.com/b\n    function: Fetch\n    result: -1\n", `f.yml:4: sources[0].result: want an index from 0 to 63, got -1`},
		{"sources:\n  - package: example.com/b\n    function: Fetch\n    field: Creds.\n", `f.yml:4: sources[0].field: want a field name or a dotted path of them (such as Credentials.Secret), got "Creds."`},
		{"sources:\n  - package: example.com/b\n    function: Fetch\n    label: \" \"\n", `f.yml:4: sources[0].label: want a non-empty string`},
		{"sources:\n  - package: example.com/b\n    function: Fetch\n    function: Get\n", `f.yml:4: sources[0].function: duplicate key`},
		{"sources:\n  - package: example.com/b\n    function: Fetch\n  - package: example.com/b\n    function: Fetch\n", `f.yml:4: sources[1]: example.com/b.Fetch is already declared by sources[0]`},
		{"static_sinks:\n  - package: example.com/b\n    function: New\n    key: 0\n", `f.yml:2: static_sinks[0]: missing key "secret" (the index of the secret access key argument)`},
		{"static_sinks:\n  - package: example.com/b\n    function: New\n    key: 0\n    secret: 0\n", `f.yml:2: static_sinks[0]: key, secret and token must be different arguments`},
		{"static_sinks:\n  - package: example.com/b\n    function: New\n    key: 0\n    secret: 1\n    session: 2\n", `f.yml:6: static_sinks[0].session: unknown key (valid: package, receiver, function, key, secret, token)`},
		{"clients:\n  - package: example.com/b\n", `f.yml:2: clients[0]: missing key "type" (a type name)`},
		{"refreshing_providers:\n  - package: example.com/b\n    type: \"*P\"\n", `f.yml:3: refreshing_providers[0].type: want a type name, got "*P"`},
		{"refreshing_providers:\n  - example.com/b.P\n", `f.yml:2: refreshing_providers[0]: want a mapping of keys (package, type), got "example.com/b.P"`},
		{"log_sinks:\n  - package: example.com/b\n    function: Log\n    arg: [1]\n", `f.yml:4: log_sinks[0].arg: want an index from 0 to 63, got a list`},
		{"sources: [\n", `f.yml: yaml: line 1: did not find expected node content`},
		{"sources: []\n---\nclients: []\n", `f.yml:2: want one YAML document, found another`},
		// Every problem is reported, in order.
		{"sources:\n  - package: example.com/b\n    function: F\n    x: 1\nclients:\n  - {package: p, kind: T}\n",
			"f.yml:4: sources[0].x: unknown key (valid: package, receiver, function, result, field, label, fix)\n" +
				"f.yml:6: clients[0].kind: unknown key (valid: package, type)"},
	} {
		c, err := Parse("f.yml", []byte(tc.text))
		if err == nil {
			t.Errorf("Parse(%q) = %+v, want error %q", tc.text, c, tc.want)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("Parse(%q):\n got %q\nwant %q", tc.text, err, tc.want)
		}
	}
}

func TestFromSettings(t *testing.T) {
	c, err := FromSettings("settings", map[string]any{
		"sources": []any{map[string]any{"package": "example.com/b", "function": "Fetch", "result": 1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 1 || c.Sources[0].Func.String() != "example.com/b.Fetch" || c.Sources[0].Result != 1 {
		t.Errorf("FromSettings = %+v", c)
	}
	_, err = FromSettings("settings", map[string]any{
		"sources": []any{map[string]any{"package": "example.com/b", "name": "Fetch"}},
	})
	want := "settings: sources[0].name: unknown key (valid: package, receiver, function, result, field, label, fix)"
	if err == nil || err.Error() != want {
		t.Errorf("FromSettings: got %v\nwant %s", err, want)
	}
}
