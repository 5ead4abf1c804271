// Package v1 exercises envoverride with the v1 SDK.
package v1

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func export(sess *session.Session) error {
	out, err := sts.New(sess).AssumeRole(&sts.AssumeRoleInput{RoleArn: aws.String("arn")})
	if err != nil {
		return err
	}
	os.Setenv("AWS_ACCESS_KEY", aws.StringValue(out.Credentials.AccessKeyId))     // want `os\.Setenv\("AWS_ACCESS_KEY"\) persists temporary credentials from sts\.AssumeRole output`
	os.Setenv("AWS_SESSION_TOKEN", aws.StringValue(out.Credentials.SessionToken)) // want `os\.Setenv\("AWS_SESSION_TOKEN"\)`
	os.Setenv("AWS_SDK_LOAD_CONFIG", "1")
	return nil
}

// A Get snapshot's expiry is metadata.
func metadata(sess *session.Session) {
	v, _ := sess.Config.Credentials.Get()
	os.Setenv("CREDS_PROVIDER", v.ProviderName)
}
