// Package s3list lists objects with the v2 SDK, loading credentials the
// recommended way (the default chain). It contains no finding.
package s3list

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Object is one listed key.
type Object struct {
	Key  string
	Size int64
}

// NewClient builds an S3 client from the default configuration chain.
func NewClient(ctx context.Context, region string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	return s3.NewFromConfig(cfg), nil
}

// NewClientWithKeys builds an S3 client from long-lived keys the caller got
// from its own configuration. A static provider is fine here: the values do
// not come from STS, so this is NOT a finding (a precision check).
func NewClientWithKeys(ctx context.Context, region, keyID, secret string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion(region),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(keyID, secret, "")),
	)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	return s3.NewFromConfig(cfg), nil
}

// List returns every object under prefix.
func List(ctx context.Context, c *s3.Client, bucket, prefix string) ([]Object, error) {
	var out []Object
	p := s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{
		Bucket: aws.String(bucket),
		Prefix: aws.String(prefix),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list s3://%s/%s: %w", bucket, prefix, err)
		}
		for _, o := range page.Contents {
			out = append(out, Object{Key: aws.ToString(o.Key), Size: aws.ToInt64(o.Size)})
		}
	}
	return out, nil
}
