// Package cfgpkg builds configs for other packages.
package cfgpkg

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Frozen returns a config with a static session token.
func Frozen(key, secret, token string) aws.Config {
	return aws.Config{Region: "eu-west-1", Credentials: credentials.NewStaticCredentialsProvider(key, secret, token)}
}

// Default returns the default chain's config.
func Default(ctx context.Context) aws.Config {
	cfg, _ := config.LoadDefaultConfig(ctx)
	return cfg
}

// FromCredentials returns a config around a set of credentials.
func FromCredentials(v aws.Credentials) aws.Config {
	return aws.Config{Credentials: credentials.StaticCredentialsProvider{Value: v}}
}

var shared *s3Client

type s3Client = s3.Client

// SetClient keeps the caller's client for the whole process.
func SetClient(c *s3.Client) { shared = c }
