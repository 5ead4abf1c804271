// Package logapp writes credentials to the user's audit logger (a log
// sink, by the configuration).
package logapp

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"

	"example.com/fixtures/config/audit"
)

func record(ctx context.Context, cfg aws.Config, l *audit.Logger) {
	v, _ := cfg.Credentials.Retrieve(ctx)
	l.Record(ctx, "refreshed", "token", v.SessionToken) // want `audit\.Logger\.Record logs a session token`
	l.Record(ctx, "refreshed", "source", v.Source, "expires", v.Expires)
	l.Trace("token", v.SessionToken)
}
