// Package optfns: a process-wide client whose functional option installs
// the credentials provider. The option decides, whatever the config holds.
package optfns

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

var frozen, refreshing, plain *s3.Client

// A static provider from AssumeRole output: frozen for the whole process.
func initFrozen(ctx context.Context, cfg aws.Config, c *sts.Client) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	frozen = s3.NewFromConfig(cfg, func(o *s3.Options) { // want `package-level variable frozen holds a \*s3\.Client for the whole process, but its credentials come from a static provider built from sts\.AssumeRole output`
		o.Credentials = credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
	})
}

// A refreshing provider installed by the option: not reported.
func initRefreshing(cfg aws.Config, c *sts.Client) {
	refreshing = s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(c, "arn:aws:iam::123456789012:role/app"))
	})
}

// An option that sets only the region and path style: not reported.
func initPlain(cfg aws.Config) {
	plain = s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.Region = "eu-west-1"
		o.UsePathStyle = true
	})
}
