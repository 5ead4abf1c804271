// Package app uses package broker: the temporary credentials that
// broker.Fetch returns are reported here, where they are frozen.
package app

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/fixtures/staticcreds/broker"
)

func fromBroker(ctx context.Context, cfg aws.Config) *s3.Client {
	s, err := broker.Fetch(ctx, sts.NewFromConfig(cfg), "arn")
	if err != nil {
		panic(err)
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token) // want `static credentials built from sts\.AssumeRole output \(.+\) never refresh`
	return s3.NewFromConfig(cfg)
}

// Long-lived keys from the broker: not reported.
func fromKeys(cfg aws.Config) *s3.Client {
	s := broker.Keys()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(s.Key, s.Secret, "")
	return s3.NewFromConfig(cfg)
}

// The broker's helper builds the static provider: reported at the call.
func viaStatic(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	s, _ := broker.Fetch(ctx, sts.NewFromConfig(cfg), "arn")
	return broker.Static(s.Key, s.Secret, s.Token) // want `broker\.Static builds credentials\.NewStaticCredentialsProvider from sts\.AssumeRole output`
}

// The same helper with long-lived keys: not reported.
func viaStaticKeys() aws.CredentialsProvider {
	s := broker.Keys()
	return broker.Static(s.Key, s.Secret, "")
}

// A snapshot taken by the broker.
func viaSnapshot(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v := broker.Snapshot(ctx, cfg.Credentials)
	return credentials.StaticCredentialsProvider{Value: v} // want `a one-off Retrieve\(\) snapshot`
}

// Only the expiry of the broker's session is used: not reported.
func expiryOnly(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	s, _ := broker.Fetch(ctx, sts.NewFromConfig(cfg), "arn")
	return credentials.NewStaticCredentialsProvider(s.Expires.String(), "", "")
}

// The broker fills a session through a pointer: reported here.
func viaInto(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	var s broker.Session
	if err := broker.Into(ctx, sts.NewFromConfig(cfg), &s); err != nil {
		panic(err)
	}
	return credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token) // want `sts\.AssumeRole output`
}

// Only its expiry: not reported.
func viaIntoExpiry(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	var s broker.Session
	_ = broker.Into(ctx, sts.NewFromConfig(cfg), &s)
	return credentials.NewStaticCredentialsProvider(s.Expires.String(), "", "")
}
