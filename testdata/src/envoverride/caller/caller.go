// Package caller passes temporary credentials to package helper, which
// writes them: reported here, at the call.
package caller

import (
	"bytes"
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/fixtures/envoverride/helper"
)

func cache(ctx context.Context, cfg aws.Config) error {
	v, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	return helper.Save("/tmp/creds.json", v) // want `os\.WriteFile writes a session token from a one-off Retrieve\(\) snapshot \(.+\) to disk \(through helper\.Save\)`
}

// Long-lived keys through the same helpers: not reported.
func cacheKeys() error {
	helper.Export(os.Getenv("KEY"))
	return helper.Save("/tmp/creds.json", aws.Credentials{AccessKeyID: os.Getenv("KEY"), SecretAccessKey: os.Getenv("SECRET")})
}

func export(ctx context.Context, c *sts.Client) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	helper.Export(*out.Credentials.AccessKeyId) // want `os\.Setenv\("AWS_ACCESS_KEY_ID"\) persists temporary credentials from sts\.AssumeRole output \(.+\) in the process environment \(through helper\.Export\)`
}

// The helper writes to whatever writer it is given: a file is reported at
// the call, standard output and a buffer are not.
func encode(ctx context.Context, cfg aws.Config, f *os.File) {
	v, _ := cfg.Credentials.Retrieve(ctx)
	_ = helper.Encode(f, v) // want `json\.Encoder\.Encode writes a session token from a one-off Retrieve\(\) snapshot \(.+\) to disk \(through helper\.Encode\)`
	_ = helper.Encode(os.Stdout, v)
	var buf bytes.Buffer
	_ = helper.Encode(&buf, v)
}
