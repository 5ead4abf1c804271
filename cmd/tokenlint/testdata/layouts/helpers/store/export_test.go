package store

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// AssumeForTest returns assumed credentials for the external tests.
func AssumeForTest(ctx context.Context) (aws.Credentials, error) {
	out, err := sts.New(sts.Options{}).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("r")})
	if err != nil {
		return aws.Credentials{}, err
	}
	c := out.Credentials
	return aws.Credentials{AccessKeyID: *c.AccessKeyId, SecretAccessKey: *c.SecretAccessKey, SessionToken: *c.SessionToken}, nil
}
