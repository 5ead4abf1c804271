// Package useconfig keeps clients built from package cfgpkg's configs.
package useconfig

import (
	"context"
	"os"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/fixtures/singletonclient/cfgpkg"
)

var frozen = s3.NewFromConfig(cfgpkg.Frozen("k", "s", os.Getenv("T"))) // want `package-level variable frozen holds a \*s3\.Client .* a static provider with a session token`

var fine = s3.NewFromConfig(cfgpkg.Default(context.Background()))

// The same helper with long-lived keys (an empty token): not reported.
var keys = s3.NewFromConfig(cfgpkg.Frozen("k", "s", ""))

// A config from another package's helper around a snapshot.
var snapshotClient *s3.Client

func initSnapshot(ctx context.Context) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	v, _ := cfg.Credentials.Retrieve(ctx)
	snapshotClient = s3.NewFromConfig(cfgpkg.FromCredentials(v)) // want `package-level variable snapshotClient holds a \*s3\.Client .* a static provider built from a one-off Retrieve\(\) snapshot`
}

// The same helper with long-lived keys: not reported.
var keyClient = s3.NewFromConfig(cfgpkg.FromCredentials(aws.Credentials{AccessKeyID: os.Getenv("K"), SecretAccessKey: os.Getenv("S")}))

// Another package's setter keeps the client: reported at the call.
func setFrozen() {
	cfgpkg.SetClient(s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("k", "s", os.Getenv("T"))})) // want `package-level variable shared \(through cfgpkg\.SetClient\) holds a \*s3\.Client`
}

func setDefault(ctx context.Context) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	cfgpkg.SetClient(s3.NewFromConfig(cfg))
}

// Goroutines that capture a snapshot and keep clients in a package-level map.
var (
	mu      sync.Mutex
	clients = map[string]*s3.Client{}
)

func startWorkers(ctx context.Context, cfg aws.Config) {
	snap, _ := cfg.Credentials.Retrieve(ctx)
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			c := cfg.Copy()
			c.Credentials = credentials.StaticCredentialsProvider{Value: snap}
			clients[name] = s3.NewFromConfig(c) // want `package-level variable clients holds a \*s3\.Client .* a one-off Retrieve\(\) snapshot`
		})
	}
	wg.Wait()
}

// The same with the config's own provider: not reported.
func startDefaultWorkers(cfg aws.Config) {
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			clients[name] = s3.NewFromConfig(cfg)
		})
	}
	wg.Wait()
}
