// Package v2 exercises singletonclient with the v2 SDK.
package v2

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The Lambda pattern: a package-level client from the default chain.
var lambdaCfg, _ = config.LoadDefaultConfig(context.Background())
var lambdaClient = s3.NewFromConfig(lambdaCfg)

// A static provider with a session token, in the declaration.
var staticCfg = aws.Config{
	Region:      "us-east-1",
	Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN")),
}
var staticClient = s3.NewFromConfig(staticCfg) // want `package-level variable staticClient holds a \*s3\.Client for the whole process, but its credentials come from a static provider with a session token \(singletonclient/v2/v2\.go:25\) and cannot refresh: requests fail with ExpiredToken once the session ends; build it from config\.LoadDefaultConfig or a refreshing provider \(aws\.NewCredentialsCache\(stscreds\.NewAssumeRoleProvider\(\.\.\.\)\)\)`

// Long-lived keys (no session token): not reported.
var keysClient = s3.New(s3.Options{
	Region:      "us-east-1",
	Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("K"), os.Getenv("S"), ""),
})

// A client set in init from AssumeRole output frozen into a static provider.
var (
	uploader  *manager.Uploader
	presigner *s3.PresignClient
	assumed   *s3.Client
)

func init() {
	cfg, _ := config.LoadDefaultConfig(context.Background())
	out, err := sts.NewFromConfig(cfg).AssumeRole(context.Background(), &sts.AssumeRoleInput{})
	if err != nil {
		panic(err)
	}
	cfg.Credentials = aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken))
	assumed = s3.NewFromConfig(cfg)          // want `package-level variable assumed holds a \*s3\.Client .* credentials come from a static provider built from sts\.AssumeRole output`
	uploader = manager.NewUploader(assumed)  // want `package-level variable uploader holds a \*manager\.Uploader`
	presigner = s3.NewPresignClient(assumed) // want `package-level variable presigner holds a \*s3\.PresignClient`
}

// The refreshing provider in init: not reported.
var refreshing *s3.Client

func init() {
	cfg, _ := config.LoadDefaultConfig(context.Background())
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), "arn"))
	refreshing = s3.NewFromConfig(cfg)
}

// An uncached refreshing provider is slow, not stale: not reported.
var uncached = s3.NewFromConfig(aws.Config{Credentials: stscreds.NewAssumeRoleProvider(sts.New(sts.Options{}), "arn")})

// Set by a function, through config.WithCredentialsProvider and a snapshot.
var fromSnapshot *transfermanager.Client

func Setup(ctx context.Context) error {
	base, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	snap, err := base.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	cfg, err := config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(credentials.StaticCredentialsProvider{Value: snap}))
	if err != nil {
		return err
	}
	fromSnapshot = transfermanager.New(s3.NewFromConfig(cfg)) // want `package-level variable fromSnapshot holds a \*transfermanager\.Client .* a static provider built from a one-off Retrieve\(\) snapshot`
	return nil
}

// A client built per call: not reported.
func perCall(ctx context.Context, token string) *s3.Client {
	return s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("k", "s", token)})
}

// A package-level struct and map of clients.
type service struct {
	client *s3.Client
	bucket string
}

var (
	svc     = &service{bucket: "b"}
	clients = map[string]*s3.Client{}
)

func configure(token string) {
	cfg := aws.Config{Credentials: credentials.NewStaticCredentialsProvider("k", "s", token)}
	c := s3.NewFromConfig(cfg)
	svc.client = c         // want `package-level variable svc holds a \*s3\.Client`
	clients["default"] = c // want `package-level variable clients holds a \*s3\.Client`
}

func configureDefault(ctx context.Context) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	c := s3.NewFromConfig(cfg)
	svc.client = c
	clients["default"] = c
}

// Other service clients are covered only with -singletonclient.services=all.
var stsClient = sts.NewFromConfig(staticCfg)
