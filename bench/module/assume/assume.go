// Package assume assumes a role the correct way: an STS AssumeRole provider
// wrapped in a credentials cache, so the temporary credentials are refreshed
// before they expire. It contains no finding.
package assume

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Config returns a configuration whose credentials come from assuming
// roleARN, refreshed automatically.
func Config(ctx context.Context, roleARN, sessionName string) (aws.Config, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Config{}, fmt.Errorf("load config: %w", err)
	}
	stsClient := sts.NewFromConfig(cfg)
	provider := stscreds.NewAssumeRoleProvider(stsClient, roleARN, func(o *stscreds.AssumeRoleOptions) {
		o.RoleSessionName = sessionName
		o.Duration = time.Hour
	})
	cfg.Credentials = aws.NewCredentialsCache(provider)
	return cfg, nil
}

// S3 returns an S3 client acting as roleARN.
func S3(ctx context.Context, roleARN string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), roleARN))
	return s3.NewFromConfig(cfg), nil
}

// WhoAmI reports the caller identity, which is a read of STS output that
// does not build credentials (not a finding).
func WhoAmI(ctx context.Context, cfg aws.Config) (string, error) {
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Arn), nil
}
