// Package fixes checks staticcreds' suggested fixes (fixes.go.golden is
// this file with every fix applied) and the cases where none is offered.
package fixes

import (
	"context"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// A snapshot of the config's provider: use the provider, cached.
func snapshot(ctx context.Context, cfg aws.Config) (aws.Config, error) {
	snap, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return cfg, err
	}
	cfg.Credentials = credentials.StaticCredentialsProvider{Value: snap} // want `a one-off Retrieve\(\) snapshot`
	return cfg, nil
}

// The snapshot is also logged: it stays.
func snapshotLogged(ctx context.Context, cfg aws.Config) *s3.Client {
	snap, _ := cfg.Credentials.Retrieve(ctx)
	log.Printf("credentials expire at %s", snap.Expires)
	return s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(snap.AccessKeyID, snap.SecretAccessKey, snap.SessionToken)}) // want `a one-off Retrieve\(\) snapshot`
}

// A snapshot of a cache: the cache itself.
func snapshotOfCache(ctx context.Context, cache *aws.CredentialsCache) aws.CredentialsProvider {
	v, _ := cache.Retrieve(ctx)
	return &credentials.StaticCredentialsProvider{Value: v} // want `a one-off Retrieve\(\) snapshot`
}

// AssumeRole with a plain client, role and session name: the refreshing
// provider for the same role.
func assumeRole(ctx context.Context, client *sts.Client, roleARN string) (aws.CredentialsProvider, error) {
	out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(roleARN), RoleSessionName: aws.String("worker")})
	if err != nil {
		return nil, err
	}
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken), nil // want `sts\.AssumeRole output`
}

// No fix: the input asks for a duration the provider would not know.
func assumeRoleDuration(ctx context.Context, client *sts.Client) aws.CredentialsProvider {
	out, _ := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn"), DurationSeconds: aws.Int32(3600)})
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `sts\.AssumeRole output`
}

// No fix: the static provider is used as its own type.
func asStaticType(ctx context.Context, cfg aws.Config) credentials.StaticCredentialsProvider {
	snap, _ := cfg.Credentials.Retrieve(ctx)
	return credentials.StaticCredentialsProvider{Value: snap} // want `a one-off Retrieve\(\) snapshot`
}

// No fix: the provider is not a plain value at the construction.
func providerFromCall(ctx context.Context, get func() aws.CredentialsProvider) aws.CredentialsProvider {
	snap, _ := get().Retrieve(ctx)
	return credentials.StaticCredentialsProvider{Value: snap} // want `a one-off Retrieve\(\) snapshot`
}

// No fix: the source is in another function.
func fetch(ctx context.Context, client *sts.Client) (*sts.AssumeRoleOutput, error) {
	return client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn")})
}

func otherFunction(ctx context.Context, client *sts.Client) aws.CredentialsProvider {
	out, _ := fetch(ctx, client)
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `sts\.AssumeRole output`
}
