// Package creds hands out assumed credentials.
package creds

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Assume returns the assumed role's credentials.
func Assume(ctx context.Context) (*aws.Credentials, error) {
	out, err := sts.New(sts.Options{}).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("r")})
	if err != nil {
		return nil, err
	}
	c := out.Credentials
	return &aws.Credentials{AccessKeyID: *c.AccessKeyId, SecretAccessKey: *c.SecretAccessKey, SessionToken: *c.SessionToken}, nil
}
