// Package logapp writes credentials to the user's audit logger (a log
// sink, by the configuration).
package logapp

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"

	"example.com/fixtures/config/audit"
	"example.com/fixtures/config/broker"
)

func record(ctx context.Context, cfg aws.Config, l *audit.Logger) {
	v, _ := cfg.Credentials.Retrieve(ctx)
	l.Record(ctx, "refreshed", "token", v.SessionToken) // want `audit\.Logger\.Record logs a session token`
	l.Record(ctx, "refreshed", "source", v.Source, "expires", v.Expires)
	l.Trace("token", v.SessionToken)
}

// A user source's own struct, with the SDK's field names: the token is a
// secret, the access key id is not.
func recordBroker(ctx context.Context, c *broker.Client, l *audit.Logger) {
	cr, _ := c.Fetch(ctx, "deploy")
	l.Record(ctx, "refreshed", "token", cr.SessionToken) // want `audit\.Logger\.Record logs a session token \(broker\.Client\.Fetch result`
	l.Record(ctx, "refreshed", "key", cr.AccessKeyID, "expires", cr.Expires)
}
