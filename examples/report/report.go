// Command report uploads a nightly report to S3 from a long-running
// worker. It shows the bug tokenlint catches beside the code that is
// right: run "tokenlint ./..." in this module.
package main

import (
	"context"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/tokenlint-examples/broker"
)

// frozenClient works for an hour, then every upload fails with
// ExpiredToken: the session from broker.Assume is frozen into a static
// provider. tokenlint reports it.
func frozenClient(ctx context.Context, cfg aws.Config, roleARN string) (*s3.Client, error) {
	sess, err := broker.Assume(ctx, sts.NewFromConfig(cfg), roleARN)
	if err != nil {
		return nil, err
	}
	log.Printf("assumed %s until %s", roleARN, sess.Expires)
	cfg.Credentials = credentials.NewStaticCredentialsProvider(sess.Key, sess.Secret, sess.Token)
	return s3.NewFromConfig(cfg), nil
}

// refreshingClient is the fix: the SDK's AssumeRole provider, cached,
// asks STS again before the session ends.
func refreshingClient(cfg aws.Config, roleARN string) *s3.Client {
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), roleARN))
	return s3.NewFromConfig(cfg)
}

// snapshotClient freezes a one-off snapshot of the default chain: the
// chain would have refreshed, the snapshot never does. tokenlint reports it.
func snapshotClient(ctx context.Context, cfg aws.Config) (*s3.Client, error) {
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	cfg.Credentials = credentials.StaticCredentialsProvider{Value: creds}
	return s3.NewFromConfig(cfg), nil
}

// longLivedKeys uses an IAM user's keys with no session token: they do
// not expire, so tokenlint stays silent.
func longLivedKeys(cfg aws.Config) *s3.Client {
	cfg.Credentials = credentials.NewStaticCredentialsProvider(os.Getenv("REPORT_KEY_ID"), os.Getenv("REPORT_SECRET"), "")
	return s3.NewFromConfig(cfg)
}

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	role := os.Getenv("REPORT_ROLE_ARN")
	clients := []*s3.Client{refreshingClient(cfg, role), longLivedKeys(cfg)}
	if c, err := frozenClient(ctx, cfg, role); err == nil {
		clients = append(clients, c)
	}
	if c, err := snapshotClient(ctx, cfg); err == nil {
		clients = append(clients, c)
	}
	log.Printf("%d clients ready", len(clients))
}
