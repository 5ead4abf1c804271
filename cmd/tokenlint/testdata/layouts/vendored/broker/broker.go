package broker

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Provider returns a provider that never refreshes.
func Provider(ctx context.Context, role string) aws.CredentialsProvider {
	out, err := sts.New(sts.Options{}).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(role)})
	if err != nil {
		return nil
	}
	c := out.Credentials
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken)
}
