// Package order exercises program order: memory that stays in a function
// is read as it is at each statement, so a provider built before its
// inputs are overwritten with temporary credentials is not frozen from
// them (a false positive found in a real credential tool).
package order

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

type keyPair struct{ id, secret, token string }

// The long-lived keys sign the GetSessionToken call; the same variable
// then holds its output.
func overwrite(ctx context.Context) (aws.CredentialsProvider, error) {
	var k keyPair
	k.id, k.secret = os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
	base := credentials.NewStaticCredentialsProvider(k.id, k.secret, k.token)
	out, err := sts.New(sts.Options{Credentials: base}).GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	if err != nil {
		return nil, err
	}
	k = keyPair{id: *out.Credentials.AccessKeyId, secret: *out.Credentials.SecretAccessKey, token: *out.Credentials.SessionToken}
	return credentials.NewStaticCredentialsProvider(k.id, k.secret, k.token), nil // want `static credentials built from sts\.GetSessionToken output`
}

// The same through a pointer to a local struct, field by field.
func overwriteFields(ctx context.Context, c *sts.Client) (aws.CredentialsProvider, aws.CredentialsProvider) {
	k := &keyPair{id: os.Getenv("K"), secret: os.Getenv("S")}
	before := credentials.NewStaticCredentialsProvider(k.id, k.secret, "")
	out, _ := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	k.id, k.secret, k.token = *out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken
	after := credentials.NewStaticCredentialsProvider(k.id, k.secret, k.token) // want `static credentials built from sts\.GetSessionToken output`
	return before, after
}

// Temporary credentials on one branch only: the provider after the
// merge may be frozen from them.
func oneBranch(ctx context.Context, c *sts.Client, mfa bool) aws.CredentialsProvider {
	k := keyPair{id: os.Getenv("K"), secret: os.Getenv("S")}
	if mfa {
		out, _ := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
		k.token = *out.Credentials.SessionToken
	}
	return credentials.NewStaticCredentialsProvider(k.id, k.secret, k.token) // want `static credentials built from sts\.GetSessionToken output`
}

// Temporary credentials overwritten by long-lived keys before the
// provider is built: not reported.
func overwrittenBack(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	var k keyPair
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	k.id, k.secret, k.token = *out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken
	k = keyPair{id: os.Getenv("K"), secret: os.Getenv("S")}
	return credentials.NewStaticCredentialsProvider(k.id, k.secret, k.token)
}

// A config copied before its provider is replaced keeps what it copied.
func copiedConfig(ctx context.Context, cfg aws.Config) (aws.Config, aws.Config) {
	saved := cfg
	v, _ := cfg.Credentials.Retrieve(ctx)
	cfg.Credentials = credentials.StaticCredentialsProvider{Value: v} // want `static credentials built from a one-off Retrieve\(\) snapshot`
	return saved, cfg
}
