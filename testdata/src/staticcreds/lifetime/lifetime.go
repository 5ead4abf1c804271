// Package lifetime: how long frozen credentials live. A static provider
// kept beyond the function that built it (in a field, a package variable,
// a returned config or client, a goroutine, a worker's loop) is the
// seed's outage and stays an error; one used only by calls a few lines
// later, then dropped, is a one-shot use, reported as a warning.
package lifetime

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func assume(ctx context.Context, c *sts.Client) *sts.AssumeRoleOutput {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return out
}

func static(out *sts.AssumeRoleOutput) credentials.StaticCredentialsProvider {
	cr := out.Credentials
	return credentials.NewStaticCredentialsProvider(*cr.AccessKeyId, *cr.SecretAccessKey, *cr.SessionToken)
}

// One-shot: a debug lookup right after the role is assumed.
func whoAmI(ctx context.Context, c *sts.Client) string {
	out := assume(ctx, c)
	cfg := aws.Config{Region: "eu-west-1"}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `static credentials built from sts\.AssumeRole output .* used once here, only by calls in this function, .*-staticcreds\.one-shot=false`
	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return ""
	}
	return aws.ToString(id.Arn)
}

// One-shot: a per-request client, used and dropped.
func handle(ctx context.Context, c *sts.Client, bucket string) error {
	out := assume(ctx, c)
	client := s3.New(s3.Options{Region: "eu-west-1", Credentials: credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)}) // want `used once here`
	_, err := client.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(bucket)})
	return err
}

// The seed's worker, in every variant, stays an error.
type worker struct {
	client *s3.Client
	creds  aws.CredentialsProvider
}

func (w *worker) start(ctx context.Context, c *sts.Client) {
	out := assume(ctx, c)
	w.creds = credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `outlive this function \(stored in the field creds\)`
}

var shared aws.CredentialsProvider

func startGlobal(ctx context.Context, c *sts.Client) {
	out := assume(ctx, c)
	shared = credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `outlive this function \(stored in the package-level variable shared\)`
}

func newClient(ctx context.Context, c *sts.Client) *s3.Client {
	out := assume(ctx, c)
	p := credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `outlive this function \(returned\)`
	return s3.NewFromConfig(aws.Config{Region: "eu-west-1", Credentials: p})
}

func background(ctx context.Context, c *sts.Client) {
	out := assume(ctx, c)
	client := s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)}) // want `outlive this function \(captured by a closure\)`
	go func() {
		for range time.Tick(time.Minute) {
			_, _ = client.ListBuckets(ctx, nil)
		}
	}()
}

func loop(ctx context.Context, c *sts.Client) {
	out := assume(ctx, c)
	client := s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)}) // want `outlive this function \(used in a loop that runs on after it is built\)`
	for range time.Tick(time.Minute) {
		_, _ = client.ListBuckets(ctx, nil)
	}
}

func (w *worker) startClient(ctx context.Context, c *sts.Client) {
	out := assume(ctx, c)
	cfg := aws.Config{Credentials: credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)} // want `outlive this function \(stored in the field client\)`
	w.client = s3.NewFromConfig(cfg)
}

// Built afresh in each round of the loop: each is used once.
func perRound(ctx context.Context, c *sts.Client) {
	for range time.Tick(time.Minute) {
		out := assume(ctx, c)
		client := s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)}) // want `used once here`
		_, _ = client.ListBuckets(ctx, nil)
	}
}

func use(p credentials.StaticCredentialsProvider) { _ = p }

func viaHelper(ctx context.Context, c *sts.Client) {
	use(static(assume(ctx, c))) // want `lifetime\.static builds credentials\.NewStaticCredentialsProvider .* they outlive this function \(returned\)`
}

// One-shot: the operation's output is returned, not the client. What an
// SDK call returns carries the provider only if its type can hold one
// (an interface, a func, at any depth): an output of strings and
// metadata cannot.
func callerIdentity(ctx context.Context, c *sts.Client) (*sts.GetCallerIdentityOutput, error) {
	out := assume(ctx, c)
	client := sts.New(sts.Options{Credentials: credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)}) // want `used once here`
	return client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
}

// A paginator holds the client it pages with: returned, the frozen
// credentials outlive the function.
func lister(ctx context.Context, c *sts.Client, bucket string) *s3.ListObjectsV2Paginator {
	out := assume(ctx, c)
	client := s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)}) // want `outlive this function \(returned\)`
	return s3.NewListObjectsV2Paginator(client, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
}
