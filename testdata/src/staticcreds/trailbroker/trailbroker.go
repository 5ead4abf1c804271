// Package trailbroker fetches temporary credentials for package trail:
// the trail of trail's findings starts here.
package trailbroker

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

// Fetch returns AssumeRole output.
func Fetch(ctx context.Context, c *sts.Client) (*ststypes.Credentials, error) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{}) // related `sts\.AssumeRole output`
	if err != nil {
		return nil, err
	}
	return out.Credentials, nil
}
