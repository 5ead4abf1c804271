// Package relay passes the broker's credentials on: its callers in other
// packages learn from its facts that Latest returns a user source.
package relay

import (
	"context"

	"example.com/fixtures/config/broker"
)

// Latest returns the broker's current credentials for the ops role.
func Latest(ctx context.Context, c *broker.Client) broker.Creds {
	cr, _ := c.Fetch(ctx, "ops")
	return cr
}

// Settings returns what Describe says: not a source.
func Settings(ctx context.Context, c *broker.Client) broker.Creds {
	cr, _ := c.Describe(ctx, "ops")
	return cr
}
