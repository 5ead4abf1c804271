// Package app freezes a dependency's AssumeRole output into a static
// provider: the findings need the facts of carrier and wrap, and plain's
// types.
package app

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/fixtures/vetunit/carrier"
	"example.com/fixtures/vetunit/plain"
	"example.com/fixtures/vetunit/wrap"
)

func Config(ctx context.Context, c *sts.Client, o plain.Options) (aws.Config, error) {
	s, err := carrier.Fetch(ctx, c)
	if err != nil {
		return aws.Config{}, err
	}
	return aws.Config{
		Region:      plain.Region(o),
		Credentials: credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token),
	}, nil
}

// Later builds a provider from what a worker kept at start-up.
func Later(ctx context.Context, c *sts.Client) (aws.CredentialsProvider, error) {
	s, err := carrier.Fetch(ctx, c)
	if err != nil {
		return nil, err
	}
	key, secret, token := wrap.Keys(wrap.Cached{S: s})
	return credentials.NewStaticCredentialsProvider(key, secret, token), nil
}
