// Package v2 exercises envoverride's process-environment rule with the v2 SDK.
package v2

import (
	"context"
	"os"
	"syscall"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

const tokenVar = "AWS_SESSION_TOKEN"

// Exporting STS output into the environment.
func exportAssumed(ctx context.Context, c *sts.Client) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	os.Setenv("AWS_ACCESS_KEY_ID", aws.ToString(out.Credentials.AccessKeyId))         // want `os\.Setenv\("AWS_ACCESS_KEY_ID"\) persists temporary credentials from sts\.AssumeRole output \(.+\) in the process environment: the SDK reads them once, before web identity, container and IMDS credentials, so they shadow refreshing credentials and fail with ExpiredToken when the session ends; leave credentials to the SDK's refreshing providers`
	os.Setenv("AWS_SECRET_ACCESS_KEY", aws.ToString(out.Credentials.SecretAccessKey)) // want `os\.Setenv\("AWS_SECRET_ACCESS_KEY"\)`
	os.Setenv(tokenVar, aws.ToString(out.Credentials.SessionToken))                   // want `os\.Setenv\("AWS_SESSION_TOKEN"\) persists temporary credentials from sts\.AssumeRole output`
	os.Setenv("AWS_REGION", "us-east-1")
	os.Setenv("AWS_PROFILE", "prod")
}

// A session token under its name is a finding whatever its origin.
func exportFlag(token string) {
	syscall.Setenv("AWS_SECURITY_TOKEN", token) // want `syscall\.Setenv\("AWS_SECURITY_TOKEN"\)`
}

// The name may be built from constants.
func exportBuilt(token string) {
	const prefix = "AWS_"
	os.Setenv(prefix+"SESSION_TOKEN", token) // want `os\.Setenv\("AWS_SESSION_TOKEN"\)`
}

// Long-lived keys in the environment are not temporary credentials.
func exportKeys(id, secret string) {
	os.Setenv("AWS_ACCESS_KEY_ID", id)
	os.Setenv("AWS_SECRET_ACCESS_KEY", secret)
}

// Clearing a token, or restoring one saved from the environment, is fine.
func clearAndRestore() func() {
	os.Unsetenv("AWS_SESSION_TOKEN")
	os.Setenv("AWS_SESSION_TOKEN", "")
	old, ok := os.LookupEnv("AWS_SESSION_TOKEN")
	return func() {
		if ok {
			os.Setenv("AWS_SESSION_TOKEN", old)
		}
	}
}

// A name that is not provably a credential name: not reported.
func exportAny(name, value string) {
	os.Setenv(name, value)
}

// A helper that exports its parameter as a key: reported where temporary
// credentials are passed to it.
func setKey(id string) {
	os.Setenv("AWS_ACCESS_KEY_ID", id)
}

func callsSetKey(ctx context.Context, c *sts.Client) {
	out, _ := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	setKey(*out.Credentials.AccessKeyId) // want `os\.Setenv\("AWS_ACCESS_KEY_ID"\) persists temporary credentials from sts\.GetSessionToken output \(.+\) in the process environment \(through v2\.setKey\)`
	setKey(os.Getenv("KEY"))
}

// A snapshot's access key id exported.
func exportSnapshot(ctx context.Context, cfg aws.Config) {
	v, _ := cfg.Credentials.Retrieve(ctx)
	os.Setenv("AWS_ACCESS_KEY_ID", v.AccessKeyID) // want `a one-off Retrieve\(\) snapshot`
	os.Setenv("AWS_CREDENTIAL_EXPIRATION", v.Expires.String())
}

// Suppressed with a reason.
func suppressed(token string) {
	//tokenlint:ignore envoverride a one-shot CLI that exits in seconds
	os.Setenv("AWS_SESSION_TOKEN", token)
}

// A typo of envoverride is envoverride's to report, and suppresses
// nothing.
func suppressedTypo(token string) {
	// want +1 `//tokenlint:ignore envoveride: no analyzer is named "envoveride" \(did you mean envoverride\?\)`
	//tokenlint:ignore envoveride a one-shot CLI that exits in seconds
	os.Setenv("AWS_SESSION_TOKEN", token) // want `os\.Setenv\("AWS_SESSION_TOKEN"\)`
}
