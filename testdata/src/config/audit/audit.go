// Package audit is a company's audit logger: the configuration makes
// Logger.Record a log sink (its arguments from 1 on: the context is not
// logged); Trace is not one.
package audit

import "context"

// Logger writes audit records.
type Logger struct{ sink []any }

// Record writes an event with fields.
func (l *Logger) Record(ctx context.Context, event string, fields ...any) {
	l.sink = append(l.sink, event, fields)
}

// Trace keeps fields in memory only.
func (l *Logger) Trace(fields ...any) { l.sink = append(l.sink, fields...) }
