// Package v1 exercises staticcreds on the AWS SDK for Go v1.
package v1

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/sso"
	"github.com/aws/aws-sdk-go/service/sts"
)

// AssumeRole output frozen into a static provider.
func assumeRole(sess *session.Session) *s3.S3 {
	out, err := sts.New(sess).AssumeRole(&sts.AssumeRoleInput{RoleArn: aws.String("arn")})
	if err != nil {
		panic(err)
	}
	creds := credentials.NewStaticCredentials( // want `static credentials built from sts\.AssumeRole output \(.+\) never refresh and fail with ExpiredToken when the session ends; use stscreds\.NewCredentials\(sess, roleARN\)`
		aws.StringValue(out.Credentials.AccessKeyId),
		aws.StringValue(out.Credentials.SecretAccessKey),
		aws.StringValue(out.Credentials.SessionToken))
	return s3.New(sess, aws.NewConfig().WithCredentials(creds))
}

// The fix: stscreds refreshes. Not reported.
func assumeRoleProvider(sess *session.Session) *s3.S3 {
	return s3.New(sess, aws.NewConfig().WithCredentials(stscreds.NewCredentials(sess, "arn")))
}

// Long-lived keys from the environment: not reported.
func envKeys() *credentials.Credentials {
	return credentials.NewStaticCredentials(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")
}

// The WithContext variant and the Value form.
func sessionToken(sess *session.Session) *credentials.Credentials {
	out, _ := sts.New(sess).GetSessionTokenWithContext(aws.BackgroundContext(), &sts.GetSessionTokenInput{})
	v := credentials.Value{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
	}
	return credentials.NewStaticCredentialsFromCreds(v) // want `sts\.GetSessionToken output`
}

// A Get snapshot of the session's credentials, in a StaticProvider literal.
func getSnapshot(sess *session.Session) *credentials.Credentials {
	v, err := sess.Config.Credentials.Get()
	if err != nil {
		panic(err)
	}
	return credentials.NewCredentials(&credentials.StaticProvider{Value: v}) // want `static credentials built from a one-off Credentials\.Get\(\) snapshot.*pass the \*credentials\.Credentials itself`
}

// Get used to check that credentials exist: not reported.
func getCheck(sess *session.Session) bool {
	v, err := sess.Config.Credentials.Get()
	return err == nil && v.ProviderName != ""
}

// SSO role credentials.
func ssoCreds(sess *session.Session) *credentials.Credentials {
	out, _ := sso.New(sess).GetRoleCredentials(&sso.GetRoleCredentialsInput{})
	rc := out.RoleCredentials
	return credentials.NewStaticCredentials(*rc.AccessKeyId, *rc.SecretAccessKey, *rc.SessionToken) // want `sso\.GetRoleCredentials output.*ssocreds\.NewCredentials`
}

// Anonymous credentials are not a finding.
func anonymous(sess *session.Session) *s3.S3 {
	return s3.New(sess, aws.NewConfig().WithCredentials(credentials.AnonymousCredentials))
}
