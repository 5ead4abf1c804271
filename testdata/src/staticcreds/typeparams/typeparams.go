// Package typeparams exercises staticcreds on generic code: type
// parameters over credential types and providers.
package typeparams

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// first returns the first of its arguments, whatever their type.
func first[T any](xs ...T) T { return xs[0] }

func genericIdentity(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	tok := first(*out.Credentials.SessionToken, "")
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, tok) // want `sts\.AssumeRole output`
}

func genericKeys() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(first(os.Getenv("K")), first(os.Getenv("S")), "")
}

// snapshot retrieves from any provider type: a one-off snapshot.
func snapshot[P aws.CredentialsProvider](ctx context.Context, p P) aws.Credentials {
	v, _ := p.Retrieve(ctx)
	return v
}

func genericSnapshot(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v := snapshot(ctx, cfg.Credentials)
	return credentials.StaticCredentialsProvider{Value: v} // want `a one-off Retrieve\(\) snapshot`
}

// A generic cache of providers keyed by name: it stores providers, not
// snapshots, so nothing is frozen.
type registry[K comparable, P aws.CredentialsProvider] struct{ m map[K]P }

func (r *registry[K, P]) get(k K) P { return r.m[k] }

func useRegistry(r *registry[string, *aws.CredentialsCache]) aws.CredentialsProvider {
	return r.get("default")
}

// A generic pair whose field carries the token.
type pair[T any] struct{ a, b T }

func genericPair(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	p := pair[string]{a: *out.Credentials.AccessKeyId, b: *out.Credentials.SessionToken}
	return credentials.NewStaticCredentialsProvider(p.a, "secret", p.b) // want `sts\.AssumeRole output`
}
