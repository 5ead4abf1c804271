// Package order exercises program order for singletons: a client built
// from a config before the config's credentials are replaced keeps the
// config it copied.
package order

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	presigner *s3.PresignClient
	client    *s3.Client
)

// The presign client copies the default-chain config; the client built
// after the replacement is frozen.
func setup(ctx context.Context, token string) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	presigner = s3.NewPresignClient(s3.NewFromConfig(cfg))
	cfg.Credentials = credentials.NewStaticCredentialsProvider(os.Getenv("K"), os.Getenv("S"), token)
	client = s3.NewFromConfig(cfg) // want `package-level variable client holds a \*s3\.Client for the whole process`
	return nil
}

// The same with a package-level config: the variable declarations run
// before init, so the presign client has the default chain; init replaces
// the provider, and what is built from the config afterwards is frozen.
var cfg, _ = config.LoadDefaultConfig(context.Background())

var presign = s3.NewPresignClient(s3.NewFromConfig(cfg))

func init() {
	cfg.Credentials = credentials.NewStaticCredentialsProvider(os.Getenv("K"), os.Getenv("S"), os.Getenv("T"))
}

var later *s3.Client

func init() {
	later = s3.NewFromConfig(cfg) // want `package-level variable later holds a \*s3\.Client for the whole process`
}
