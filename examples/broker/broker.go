// Package broker assumes a role for the rest of the program.
package broker

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Session is a set of temporary credentials.
type Session struct {
	Key, Secret, Token string
	Expires            time.Time
}

// Assume calls STS AssumeRole once and returns the session it got.
func Assume(ctx context.Context, client *sts.Client, roleARN string) (Session, error) {
	out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn:         aws.String(roleARN),
		RoleSessionName: aws.String("report"),
	})
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
