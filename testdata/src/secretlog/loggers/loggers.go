// Package loggers exercises secretlog on the common structured loggers:
// zap, logrus, zerolog and klog.
package loggers

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

func zapLogs(ctx context.Context, cfg aws.Config, logger *zap.Logger, c *sts.Client) {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	logger.Info("refreshed", zap.String("token", creds.SessionToken)) // want `zap\.Logger\.Info logs a session token`
	logger.Info("refreshed", zap.String("source", creds.Source), zap.Time("expires", creds.Expires))
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	// zap encodes Any by reflection, following pointers.
	logger.Debug("assumed", zap.Any("credentials", out.Credentials)) // want `zap\.Logger\.Debug logs a secret access key and a session token`
	logger.Sugar().Infow("assumed", "expiration", out.Credentials.Expiration)
}

func logrusLogs(ctx context.Context, cfg aws.Config) {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	logrus.WithField("secret", creds.SecretAccessKey).Info("refreshed") // want `logrus\.Info logs a secret access key`
	logrus.WithField("source", creds.Source).Info("refreshed")
	logrus.Infof("token %s", creds.SessionToken) // want `logrus\.Infof logs a session token`
}

func zerologLogs(ctx context.Context, cfg aws.Config, l zerolog.Logger) {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	zlog.Info().Str("token", creds.SessionToken).Msg("refreshed") // want `zerolog\.Event\.Msg logs a session token`
	l.Debug().Interface("creds", creds).Send()                    // want `zerolog\.Event\.Send logs a secret access key and a session token`
	zlog.Info().Str("source", creds.Source).Time("expires", creds.Expires).Msg("refreshed")
}

func klogLogs(ctx context.Context, cfg aws.Config) {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	klog.Infof("token %s", creds.SessionToken)      // want `klog\.Infof logs a session token`
	klog.V(2).Info("secret", creds.SecretAccessKey) // want `klog\.Verbose\.Info logs a secret access key`
	klog.InfoS("refreshed", "source", creds.Source, "expires", creds.Expires)
}
