// Package othersdk calls identically named functions of a real fork of the
// v1 SDK (IBM COS): symbols are matched by import path, so nothing here is
// reported even though the values come from AWS STS.
package othersdk

import (
	"context"

	ibmcreds "github.com/IBM/ibm-cos-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func fork(ctx context.Context, c *sts.Client) *ibmcreds.Credentials {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return ibmcreds.NewStaticCredentials(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
}

func forkLiteral(ctx context.Context, c *sts.Client) *ibmcreds.Credentials {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return ibmcreds.NewCredentials(&ibmcreds.StaticProvider{Value: ibmcreds.Value{AccessKeyID: *out.Credentials.AccessKeyId}})
}
