// Package logadapter is a service's logging interface and its zap and
// standard-library adapters, in a package that never imports the SDK.
package logadapter

import (
	"log"

	"go.uber.org/zap"
)

// Logger is what the service logs through.
type Logger interface {
	Infof(format string, args ...any)
}

type zapLogger struct{ s *zap.SugaredLogger }

func (z zapLogger) Infof(format string, args ...any) { z.s.Infof(format, args...) }

// Zap returns a Logger that writes through zap.
func Zap() Logger { return zapLogger{s: zap.NewExample().Sugar()} }

type stdLogger struct{ l *log.Logger }

func (s *stdLogger) Infof(format string, args ...any) { s.l.Printf(format, args...) }

// Std returns a Logger that writes through the standard library's log.
func Std() Logger { return &stdLogger{l: log.Default()} }
