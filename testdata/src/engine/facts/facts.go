package facts // want package:"awsRelevant" package:`trails\(2\)`

// The function summaries the engine exports, checked as facts.

import (
	"context"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

type Session struct {
	Key, Secret, Token string
	Expires            time.Time
}

func Fetch(ctx context.Context, c *sts.Client) (Session, error) { // want Fetch:`summary\(result 0 field \.Key from sts\.AssumeRole output; result 0 field \.Secret from sts\.AssumeRole output; result 0 field \.Secret secret types\.Credentials\.SecretAccessKey; result 0 field \.Token from sts\.AssumeRole output; result 0 field \.Token secret types\.Credentials\.SessionToken; fetches\)`
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
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

func Keys() Session { // want Keys:`summary\(result 0 field \.Secret secret the AWS_SECRET_ACCESS_KEY environment variable\)`
	return Session{Key: os.Getenv("AWS_ACCESS_KEY_ID"), Secret: os.Getenv("AWS_SECRET_ACCESS_KEY")}
}

func Static(key, secret, token string) aws.CredentialsProvider { // want Static:`summary\(result 0 frozen if params \[2\]; result 0 frozen from params \[0 1 2\]; param 0 to credentials\.NewStaticCredentialsProvider; param 1 to credentials\.NewStaticCredentialsProvider; param 2 to credentials\.NewStaticCredentialsProvider\)`
	return credentials.NewStaticCredentialsProvider(key, secret, token)
}

func Snapshot(ctx context.Context, p aws.CredentialsProvider) aws.Credentials { // want Snapshot:`summary\(result 0 from a one-off Retrieve\(\) snapshot; fetches\)`
	v, _ := p.Retrieve(ctx)
	return v
}

func Identity(s string) string { // want Identity:`summary\(result 0 from params \[0\]\)`
	return s
}
