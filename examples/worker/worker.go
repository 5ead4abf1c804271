// Package worker keeps one S3 client for the whole process and hands
// credentials to a child process. It shows singletonclient and envoverride
// findings beside the code that is right.
package worker

import (
	"context"
	"os"
	"os/exec"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// client lives for the whole process with a session token frozen into a
// static provider: every request fails once the session ends.
// tokenlint reports it (singletonclient).
var client = s3.NewFromConfig(aws.Config{
	Region: "eu-west-1",
	Credentials: credentials.NewStaticCredentialsProvider(
		os.Getenv("WORKER_KEY_ID"), os.Getenv("WORKER_SECRET"), os.Getenv("WORKER_SESSION_TOKEN")),
})

// defaultCfg and lambdaClient are the pattern AWS recommends for Lambda:
// the default chain refreshes, so a package-level client is right.
var defaultCfg, _ = config.LoadDefaultConfig(context.Background())
var lambdaClient = s3.NewFromConfig(defaultCfg)

// Sync runs the AWS CLI with the worker's token in its environment: a
// sync that outlives the session fails. tokenlint reports it (envoverride).
func Sync(ctx context.Context, token string) error {
	cmd := exec.CommandContext(ctx, "aws", "s3", "sync", ".", "s3://reports")
	cmd.Env = append(os.Environ(), "AWS_SESSION_TOKEN="+token)
	return cmd.Run()
}

// SyncRegion passes only non-secret settings: not reported.
func SyncRegion(ctx context.Context) error {
	cmd := exec.CommandContext(ctx, "aws", "s3", "sync", ".", "s3://reports")
	cmd.Env = append(os.Environ(), "AWS_REGION=eu-west-1")
	return cmd.Run()
}

// Clients returns the clients, so that the example compiles without
// unused variables.
func Clients() []*s3.Client { return []*s3.Client{client, lambdaClient} }
