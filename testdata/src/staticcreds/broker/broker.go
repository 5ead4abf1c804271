// Package broker fetches temporary credentials for other packages: the
// facts it exports say so, and package app is reported where it freezes
// them.
package broker

import (
	"context"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Session holds credentials fetched from STS.
type Session struct {
	Key, Secret, Token string
	Expires            time.Time
}

// Fetch assumes a role and returns the session.
func Fetch(ctx context.Context, c *sts.Client, arn string) (Session, error) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn)})
	if err != nil {
		return Session{}, err
	}
	return Session{
		Key:     aws.ToString(out.Credentials.AccessKeyId),
		Secret:  aws.ToString(out.Credentials.SecretAccessKey),
		Token:   aws.ToString(out.Credentials.SessionToken),
		Expires: aws.ToTime(out.Credentials.Expiration),
	}, nil
}

// Keys returns long-lived keys from the environment: no fact.
func Keys() Session {
	return Session{Key: os.Getenv("AWS_ACCESS_KEY_ID"), Secret: os.Getenv("AWS_SECRET_ACCESS_KEY")}
}

// Static builds a static provider from its arguments.
func Static(key, secret, token string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(key, secret, token)
}

// Snapshot returns a one-off snapshot of a provider.
func Snapshot(ctx context.Context, p aws.CredentialsProvider) aws.Credentials {
	v, _ := p.Retrieve(ctx)
	return v
}

// Into fills a session through a pointer.
func Into(ctx context.Context, c *sts.Client, s *Session) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	s.Key, s.Secret, s.Token = *out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken
	s.Expires = aws.ToTime(out.Credentials.Expiration)
	return nil
}
