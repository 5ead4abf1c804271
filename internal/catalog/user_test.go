package catalog

import (
	"testing"

	"github.com/tokenlint/tokenlint/internal/config"
)

func TestExtend(t *testing.T) {
	cfg, err := config.Parse("t.yml", []byte(`
sources:
  - {package: example.com/corp/broker, receiver: "*Client", function: Fetch}
  - {package: example.com/corp/broker, function: Renew, result: 1, field: Lease.Creds, label: a lease, fix: renew it}
static_sinks:
  - {package: example.com/corp/vault, function: NewStatic, key: 2, secret: 0}
refreshing_providers:
  - {package: example.com/corp/broker, type: Provider}
clients:
  - {package: example.com/corp/blob, type: Client}
log_sinks:
  - {package: example.com/corp/audit, receiver: Logger, function: Record, arg: 1}
`))
	if err != nil {
		t.Fatal(err)
	}
	c := Extend(cfg)
	fetch, ok := c.UserSourceOf(MemberKey{"example.com/corp/broker", "Client", "Fetch"})
	if !ok || fetch.Result != 0 || fetch.Field != "" || fetch.Source.Label != "broker.Client.Fetch result" ||
		fetch.Source.Key != "config:example.com/corp/broker.Client.Fetch" {
		t.Errorf("Fetch = %+v, %v", fetch, ok)
	}
	// Facts carry the key only: it finds the same source again.
	if got := c.SourceByKey(fetch.Source.Key); got != fetch.Source {
		t.Errorf("SourceByKey(%q) = %+v, want %+v", fetch.Source.Key, got, fetch.Source)
	}
	renew, ok := c.UserSourceOf(MemberKey{"example.com/corp/broker", "", "Renew"})
	if !ok || renew.Result != 1 || renew.Field != ".Lease.Creds" || renew.Source.Label != "a lease" || renew.Source.Fix != "renew it" {
		t.Errorf("Renew = %+v, %v", renew, ok)
	}
	if _, ok := c.UserSourceOf(MemberKey{"example.com/corp/broker", "Client", "Renew"}); ok {
		t.Error("a method with a source function's name is a source")
	}
	if s, ok := c.StaticSinkOf(MemberKey{"example.com/corp/vault", "", "NewStatic"}); !ok || s != (UserStaticSink{"vault.NewStatic", 2, 0, -1}) {
		t.Errorf("NewStatic = %+v, %v", s, ok)
	}
	if l, ok := c.LogSinkOf(MemberKey{"example.com/corp/audit", "Logger", "Record"}); !ok || l.Name != "audit.Logger.Record" || l.Arg != 1 {
		t.Errorf("Record = %+v, %v", l, ok)
	}
	if !c.Refreshing(TypeKey{"example.com/corp/broker", "Provider"}) || c.Refreshing(TypeKey{"example.com/corp/broker", "Client"}) {
		t.Error("Refreshing")
	}
	if l, ok := c.ClientType(TypeKey{"example.com/corp/blob", "Client"}); !ok || l != "*blob.Client" || !c.IsUserClient(l) || c.IsUserClient("*s3.Client") {
		t.Errorf("ClientType = %q, %v", l, ok)
	}
	for _, p := range []string{"example.com/corp/broker", "example.com/corp/vault", "example.com/corp/blob", "example.com/corp/audit"} {
		if !c.Mentions(p) {
			t.Errorf("Mentions(%q) = false", p)
		}
	}
	if c.Mentions("example.com/corp") {
		t.Error("Mentions of a parent path")
	}
	if !c.Known(MemberKey{"example.com/corp/audit", "Logger", "Record"}) || !c.Known(MemberKey{V2Credentials, "", "NewStaticCredentialsProvider"}) || c.Known(MemberKey{"example.com/corp/audit", "Logger", "Flush"}) {
		t.Error("Known")
	}
}

// The nil *Catalog is the built-in catalogue.
func TestNilCatalog(t *testing.T) {
	var c *Catalog
	if Extend(&config.Config{}) != nil {
		t.Error("Extend of an empty configuration is not nil")
	}
	if _, ok := c.UserSourceOf(MemberKey{"a", "", "F"}); ok || c.Refreshing(TypeKey{"a", "T"}) || c.Mentions("a") || c.IsUserClient("*a.T") {
		t.Error("nil catalog has user entries")
	}
	if got := c.SourceByKey("v2.sts.AssumeRole"); got.Label != "sts.AssumeRole output" {
		t.Errorf("built-in source by key = %+v", got)
	}
	// A key written with another configuration still reads as the function.
	if got := c.SourceByKey("config:example.com/b.Fetch"); got.Label != "example.com/b.Fetch result" {
		t.Errorf("unknown user key = %+v", got)
	}
}
