// Package panics makes a test build of tokenlint (-tags
// tokenlint_panictest) panic inside the engine: the driver must report an
// error naming the analyzer, the package and the position, go on with the
// other packages, and exit 1.
package panics

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func TokenlintPanicTest(ctx context.Context, c *sts.Client) {
	_, _ = c.AssumeRole(ctx, &sts.AssumeRoleInput{})
}
