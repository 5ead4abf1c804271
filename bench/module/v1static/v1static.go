// Package v1static contains the bug with the v1 SDK: the output of v1 STS
// AssumeRole is frozen into credentials.NewStaticCredentials.
package v1static

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/sts"
)

// S3AsRole returns a v1 S3 client acting as arn, with credentials that are
// never refreshed.
func S3AsRole(region, arn string) (*s3.S3, error) {
	sess, err := session.NewSession(&aws.Config{Region: aws.String(region)})
	if err != nil {
		return nil, err
	}
	out, err := sts.New(sess).AssumeRole(&sts.AssumeRoleInput{
		RoleArn:         aws.String(arn),
		RoleSessionName: aws.String("v1static"),
	})
	if err != nil {
		return nil, err
	}
	creds := credentials.NewStaticCredentials(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
	return s3.New(sess, &aws.Config{Credentials: creds}), nil
}
