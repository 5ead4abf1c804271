// Package ctxvalue: credentials carried in a context.Context value and
// read back by a job that outlives the request keep their provenance; a
// context that carries only a role ARN or a request id carries none.
package ctxvalue

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

type credsKey struct{}

type roleKey struct{}

// withCreds puts the assumed role's ARN and credentials into the context.
func withCreds(ctx context.Context, c *sts.Client) context.Context {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	ctx = context.WithValue(ctx, roleKey{}, aws.ToString(out.AssumedRoleUser.Arn))
	return context.WithValue(ctx, credsKey{}, aws.Credentials{
		AccessKeyID:     aws.ToString(out.Credentials.AccessKeyId),
		SecretAccessKey: aws.ToString(out.Credentials.SecretAccessKey),
		SessionToken:    aws.ToString(out.Credentials.SessionToken),
	})
}

func handle(ctx context.Context, c *sts.Client) {
	ctx = withCreds(ctx, c)
	go sync(context.WithoutCancel(ctx))
	go audit(ctx)
}

// sync runs for hours on what the request's context carried.
func sync(ctx context.Context) {
	cr := ctx.Value(credsKey{}).(aws.Credentials)
	client := s3.New(s3.Options{Credentials: credentials.StaticCredentialsProvider{Value: cr}}) // want `static credentials built from sts\.AssumeRole output`
	for range time.Tick(time.Hour) {
		_, _ = client.ListBuckets(ctx, nil)
	}
}

// audit reads only the role ARN: not reported.
func audit(ctx context.Context) {
	role, _ := ctx.Value(roleKey{}).(string)
	_ = credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", role, "")
}

// In one function, by key.
func inline(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	ctx = context.WithValue(ctx, credsKey{}, aws.ToString(out.Credentials.SessionToken))
	ctx = context.WithValue(ctx, roleKey{}, aws.ToString(out.AssumedRoleUser.Arn))
	role := ctx.Value(roleKey{}).(string)
	_ = credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", role, "")
	token := ctx.Value(credsKey{}).(string)
	return credentials.NewStaticCredentialsProvider("AKID", "secret", token) // want `static credentials built from sts\.AssumeRole output`
}
