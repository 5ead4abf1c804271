package worker

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/sts/types"
)

// Jobs assumes its role once, at start-up, keeps the output in a field
// and builds clients from it for as long as the process runs: an hour
// later every upload fails with ExpiredToken. tokenlint reports it
// (staticcreds), with the trail from the AssumeRole call to the field.
type Jobs struct {
	sts   *sts.Client
	creds *types.Credentials
}

// Start assumes the role.
func (j *Jobs) Start(ctx context.Context, roleARN string) error {
	out, err := j.sts.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(roleARN), RoleSessionName: aws.String("jobs")})
	if err != nil {
		return err
	}
	j.creds = out.Credentials
	return nil
}

// Uploader builds a client from the credentials Start kept.
func (j *Jobs) Uploader() *s3.Client {
	return s3.New(s3.Options{
		Region:      "eu-west-1",
		Credentials: credentials.NewStaticCredentialsProvider(*j.creds.AccessKeyId, *j.creds.SecretAccessKey, *j.creds.SessionToken),
	})
}

// RefreshingUploader is the fix: a provider that assumes the role again
// before the session ends. Not reported.
func (j *Jobs) RefreshingUploader(roleARN string) *s3.Client {
	return s3.New(s3.Options{
		Region:      "eu-west-1",
		Credentials: aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(j.sts, roleARN)),
	})
}
