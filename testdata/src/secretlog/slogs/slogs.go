// Package slogs exercises secretlog on log/slog: messages and attributes.
package slogs

import (
	"context"
	"log/slog"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func attrs(ctx context.Context, cfg aws.Config, logger *slog.Logger) {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	slog.Info("refreshed", "token", creds.SessionToken)                     // want `slog\.Info logs a session token`
	logger.Debug("refreshed", slog.String("secret", creds.SecretAccessKey)) // want `slog\.Logger\.Debug logs a secret access key`
	logger.With("creds", creds).Info("refreshed")                           // want `slog\.Logger\.Info logs a secret access key and a session token`
	// Metadata: not reported.
	slog.Info("refreshed", "source", creds.Source, "expires", creds.Expires, slog.Bool("canExpire", creds.CanExpire))
}
