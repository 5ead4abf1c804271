// Package setters exercises environment variables named away from the
// call that sets them: a helper given the name, and a map of variables
// ranged over.
package setters

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// setEnv sets what its caller names.
func setEnv(name, value string) error { return os.Setenv(name, value) }

func export(ctx context.Context, c *sts.Client) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	if err := setEnv("AWS_ACCESS_KEY_ID", *out.Credentials.AccessKeyId); err != nil { // want `os\.Setenv\("AWS_ACCESS_KEY_ID"\) persists temporary credentials from sts\.AssumeRole output \(.+\) in the process environment \(through setters\.setEnv\)`
		return err
	}
	return setEnv("AWS_SESSION_TOKEN", *out.Credentials.SessionToken) // want `os\.Setenv\("AWS_SESSION_TOKEN"\) persists temporary credentials`
}

// Other variables through the same helper: not reported.
func region() error { return setEnv("AWS_REGION", "eu-west-1") }

// A map of variables, ranged over.
func exportAll(token, region string) {
	vars := map[string]string{
		"AWS_SESSION_TOKEN": token,
		"AWS_REGION":        region,
	}
	for k, v := range vars {
		os.Setenv(k, v) // want `os\.Setenv\("AWS_SESSION_TOKEN"\) persists temporary credentials`
	}
}

// A map of non-secret variables: not reported.
func exportRegion(region string) {
	for k, v := range map[string]string{"AWS_REGION": region, "AWS_PROFILE": "dev"} {
		os.Setenv(k, v)
	}
}
