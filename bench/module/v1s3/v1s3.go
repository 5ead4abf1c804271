// Package v1s3 uses the (deprecated) v1 SDK the usual way: a session from
// the default chain and an S3 client from it. It contains no finding.
package v1s3

import (
	"context"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
)

// Keys lists the keys in bucket.
func Keys(ctx context.Context, region, bucket string) ([]string, error) {
	sess, err := session.NewSession(&aws.Config{Region: aws.String(region)})
	if err != nil {
		return nil, err
	}
	svc := s3.New(sess)
	var keys []string
	err = svc.ListObjectsV2PagesWithContext(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)},
		func(page *s3.ListObjectsV2Output, last bool) bool {
			for _, o := range page.Contents {
				keys = append(keys, aws.StringValue(o.Key))
			}
			return true
		})
	if err != nil {
		return nil, err
	}
	return keys, nil
}
