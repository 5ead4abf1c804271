// Package minio exercises staticcreds on minio-go's static credentials:
// services that talk to S3 through minio-go often take the keys from an
// AWS provider's Retrieve.
package minio

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// A snapshot of the AWS provider, frozen into minio's static V4 keys.
func fromSnapshot(ctx context.Context, cfg aws.Config) (*minio.Client, error) {
	v, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	return minio.New("s3.amazonaws.com", &minio.Options{
		Creds:  credentials.NewStaticV4(v.AccessKeyID, v.SecretAccessKey, v.SessionToken), // want `static credentials built from a one-off Retrieve\(\) snapshot \(.+\) never refresh and fail with ExpiredToken when the session ends; give minio refreshing credentials instead: credentials.NewIAM\(""\) on AWS compute`
		Secure: true,
	})
}

// The literal form, wrapped by credentials.New.
func literal(ctx context.Context, cfg aws.Config) *credentials.Credentials {
	v, _ := cfg.Credentials.Retrieve(ctx)
	return credentials.New(&credentials.Static{Value: credentials.Value{AccessKeyID: v.AccessKeyID, SecretAccessKey: v.SecretAccessKey, SessionToken: v.SessionToken}}) // want `a one-off Retrieve\(\) snapshot .*give minio refreshing credentials instead: credentials.NewIAM`
}

// Long-lived keys from the environment: not reported.
func fromEnv() *credentials.Credentials {
	return credentials.NewStaticV4(os.Getenv("MINIO_ACCESS_KEY"), os.Getenv("MINIO_SECRET_KEY"), "")
}

// minio's own refreshing chain: not reported.
func chain() *credentials.Credentials {
	return credentials.NewChainCredentials([]credentials.Provider{&credentials.EnvAWS{}, &credentials.IAM{}})
}
