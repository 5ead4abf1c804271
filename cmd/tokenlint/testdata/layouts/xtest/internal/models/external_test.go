package models_test

import (
	"context"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/xtest/internal/models"
)

func provider(ctx context.Context, role string) aws.CredentialsProvider {
	out, err := sts.New(sts.Options{}).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(role)})
	if err != nil {
		return nil
	}
	c := out.Credentials
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken)
}

// exportSession puts the session into the environment (a helper takes
// no *testing.T, so it is reported as any code is).
func exportSession(ctx context.Context) {
	out, err := sts.New(sts.Options{}).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(models.Role)})
	if err != nil {
		return
	}
	os.Setenv("AWS_SESSION_TOKEN", *out.Credentials.SessionToken)
}

func TestAssume(t *testing.T) {
	ctx := context.Background()
	_ = provider(ctx, models.Role)
	exportSession(ctx)
}
