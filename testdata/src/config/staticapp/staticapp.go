// Package staticapp freezes the broker's credentials (user sources) and
// the SDK's into providers and into the vault's static sinks.
package staticapp

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"example.com/fixtures/config/broker"
	"example.com/fixtures/config/relay"
	"example.com/fixtures/config/vault"
)

// A user source, caught in the caller.
func fromFetch(ctx context.Context, c *broker.Client) aws.CredentialsProvider {
	cr, _ := c.Fetch(ctx, "deploy")
	return credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken) // want `static credentials built from broker\.Client\.Fetch result \(config/staticapp/staticapp\.go:18\)`
}

// Describe is not a source: not reported.
func fromDescribe(ctx context.Context, c *broker.Client) aws.CredentialsProvider {
	cr, _ := c.Describe(ctx, "deploy")
	return credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken)
}

// Through another package's helper: the source comes with relay's facts.
func fromRelay(ctx context.Context, c *broker.Client) aws.CredentialsProvider {
	cr := relay.Latest(ctx, c)
	return credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken) // want `static credentials built from broker\.Client\.Fetch result \(config/relay/relay\.go:13\)`
}

// relay.Settings returns Describe's answer: not reported.
func fromSettings(ctx context.Context, c *broker.Client) aws.CredentialsProvider {
	cr := relay.Settings(ctx, c)
	return credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken)
}

// A source in a field of the result, with its own label and fix.
func fromGrant(ctx context.Context) aws.CredentialsProvider {
	g, _ := broker.Renew(ctx, "lease-1")
	return credentials.NewStaticCredentialsProvider(g.Creds.AccessKeyID, g.Creds.SecretAccessKey, g.Creds.SessionToken) // want `static credentials built from a broker lease .*; use broker\.Provider, which renews the lease before it ends`
}

// The grant's other fields are not credentials: not reported.
func fromGrantID(ctx context.Context) aws.CredentialsProvider {
	g, _ := broker.Renew(ctx, "lease-1")
	return credentials.NewStaticCredentialsProvider(g.ID, g.ID, g.ID)
}

// A user static sink, given a snapshot of a provider.
func vaultStatic(ctx context.Context, cfg aws.Config) *vault.Auth {
	v, _ := cfg.Credentials.Retrieve(ctx)
	return vault.NewStaticAuth(v.AccessKeyID, v.SecretAccessKey, v.SessionToken) // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// The provider itself: not reported.
func vaultProvider(cfg aws.Config) *vault.Auth {
	return vault.NewAuth(cfg.Credentials)
}

// A user sink that is a method, fed by a user source.
func vaultKeys(ctx context.Context, c *broker.Client, a *vault.Auth) *vault.Auth {
	cr, _ := c.Fetch(ctx, "deploy")
	return a.WithKeys(cr.AccessKeyID, cr.SecretAccessKey) // want `static credentials built from broker\.Client\.Fetch result`
}

// WithRegion is not a sink: not reported.
func vaultRegion(ctx context.Context, c *broker.Client, a *vault.Auth) *vault.Auth {
	cr, _ := c.Fetch(ctx, "deploy")
	return a.WithRegion(cr.SessionToken)
}

// Pinned returns the credentials it was built with: a static provider.
type Pinned struct{ creds aws.Credentials }

func (p *Pinned) Retrieve(context.Context) (aws.Credentials, error) { return p.creds, nil }

func pinned(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v, _ := cfg.Credentials.Retrieve(ctx)
	return &Pinned{creds: v} // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// Renewing looks the same to the analysis, but the configuration says it
// refreshes (a refreshing provider): not reported.
type Renewing struct{ creds aws.Credentials }

func (p *Renewing) Retrieve(context.Context) (aws.Credentials, error) { return p.creds, nil }

func renewing(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v, _ := cfg.Credentials.Retrieve(ctx)
	return &Renewing{creds: v}
}

// An interface method declared a source: whatever implements it.
func fromIssuer(ctx context.Context, i broker.Issuer) aws.CredentialsProvider {
	cr, _ := i.Issue(ctx)
	return credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken) // want `static credentials built from broker\.Issuer\.Issue result`
}

// Another interface with the same method: not a source, not reported.
type issuer interface {
	Issue(ctx context.Context) (broker.Creds, error)
}

func fromOtherIssuer(ctx context.Context, i issuer) aws.CredentialsProvider {
	cr, _ := i.Issue(ctx)
	return credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken)
}
