// Package cgopkg uses cgo beside the SDK: tokenlint analyses it like any
// other package, in both modes.
package cgopkg

/*
static int answer(void) { return 42; }
*/
import "C"

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Answer calls C.
func Answer() int { return int(C.answer()) }

// Frozen freezes AssumeRole output.
func Frozen(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
}
