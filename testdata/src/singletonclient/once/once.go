// Package once exercises singletonclient on lazily built singletons.
package once

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	once   sync.Once
	client *s3.Client
)

// Client builds the client once, from a snapshot.
func Client(ctx context.Context) *s3.Client {
	once.Do(func() {
		cfg, _ := config.LoadDefaultConfig(ctx)
		v, _ := cfg.Credentials.Retrieve(ctx)
		cfg.Credentials = credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken)
		client = s3.NewFromConfig(cfg) // want `package-level variable client holds a \*s3\.Client`
	})
	return client
}

// sync.OnceValue of a frozen client.
var frozen = sync.OnceValue(func() *s3.Client { // want `sync\.OnceValue holds a \*s3\.Client for the whole process, but its credentials come from a static provider with a session token`
	return s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("k", "s", "session-token")})
})

// sync.OnceValues of the default chain: not reported.
var fine = sync.OnceValues(func() (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
})
