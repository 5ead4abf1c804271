// Package staticsts contains the bug tokenlint looks for, all in one
// function: the temporary credentials returned by STS AssumeRole are frozen
// into a static provider, so the client stops working when they expire
// (after an hour by default) instead of being refreshed.
package staticsts

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// S3AsRole returns an S3 client acting as arn, with credentials that are
// never refreshed.
func S3AsRole(ctx context.Context, arn string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	stsClient := sts.NewFromConfig(cfg)
	out, err := stsClient.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn), RoleSessionName: aws.String("x")})
	if err != nil {
		return nil, fmt.Errorf("assume %s: %w", arn, err)
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(out.Credentials.AccessKeyId), aws.ToString(out.Credentials.SecretAccessKey), aws.ToString(out.Credentials.SessionToken))
	return s3.NewFromConfig(cfg), nil
}
