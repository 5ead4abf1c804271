// Package app contains the cross-package form of the bug: the Session that
// broker.Fetch filled from STS AssumeRole output becomes a static provider
// here, in a different package from the AssumeRole call.
package app

import (
	"context"

	"benchmod/broker"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Client returns an S3 client acting as arn, with credentials that are never
// refreshed.
func Client(ctx context.Context, arn string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	s, err := broker.Fetch(ctx, sts.NewFromConfig(cfg), arn)
	if err != nil {
		return nil, err
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token)
	return s3.NewFromConfig(cfg), nil
}
