// Package broker hands out temporary credentials from STS AssumeRole as a
// plain struct. It builds no credentials provider itself, so it has no
// finding; the bug is where package app turns a Session into a static
// provider.
package broker

import (
	"context"
	"errors"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Session is a set of temporary credentials.
type Session struct {
	Key     string
	Secret  string
	Token   string
	Expires time.Time
}

// Fetch assumes arn and returns the temporary credentials.
func Fetch(ctx context.Context, c *sts.Client, arn string) (Session, error) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn:         aws.String(arn),
		RoleSessionName: aws.String("broker"),
	})
	if err != nil {
		return Session{}, err
	}
	if out.Credentials == nil {
		return Session{}, errors.New("broker: AssumeRole returned no credentials")
	}
	return Session{
		Key:     aws.ToString(out.Credentials.AccessKeyId),
		Secret:  aws.ToString(out.Credentials.SecretAccessKey),
		Token:   aws.ToString(out.Credentials.SessionToken),
		Expires: aws.ToTime(out.Credentials.Expiration),
	}, nil
}
