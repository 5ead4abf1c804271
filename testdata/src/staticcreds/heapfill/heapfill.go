// Package heapfill stores temporary credentials into the fields of a
// type declared in package heapbroker.
package heapfill

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/fixtures/staticcreds/heapbroker"
)

// Fill puts AssumeRole output into the holder.
func Fill(ctx context.Context, c *sts.Client, h *heapbroker.Holder) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	h.ID = aws.ToString(out.Credentials.AccessKeyId)
	h.Secret = aws.ToString(out.Credentials.SecretAccessKey)
	h.Token = aws.ToString(out.Credentials.SessionToken)
	return nil
}

// Region only sets the region: nothing temporary.
func Region(h *heapbroker.Holder) { h.Region = os.Getenv("AWS_REGION") }
