// Package cfgpkg builds configs for other packages.
package cfgpkg

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
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
