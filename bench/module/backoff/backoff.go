// Package backoff retries operations with capped exponential backoff and
// jitter. It imports no AWS package.
package backoff

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// Policy controls retries.
type Policy struct {
	Base     time.Duration
	Max      time.Duration
	Attempts int
}

// Permanent wraps an error that must not be retried.
type Permanent struct{ Err error }

func (p Permanent) Error() string { return "permanent: " + p.Err.Error() }
func (p Permanent) Unwrap() error { return p.Err }

// Delay returns the wait before retry number n (0-based), with full jitter.
func (p Policy) Delay(n int) time.Duration {
	d := p.Base << uint(n)
	if d <= 0 || d > p.Max {
		d = p.Max
	}
	if d <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(d)))
}

// Do calls op until it succeeds, returns a Permanent error, the attempts run
// out, or ctx is done.
func (p Policy) Do(ctx context.Context, op func(context.Context) error) error {
	attempts := p.Attempts
	if attempts <= 0 {
		attempts = 1
	}
	var err error
	for i := 0; i < attempts; i++ {
		if err = op(ctx); err == nil {
			return nil
		}
		var perm Permanent
		if errors.As(err, &perm) {
			return perm.Err
		}
		if i == attempts-1 {
			break
		}
		t := time.NewTimer(p.Delay(i))
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(err, ctx.Err())
		case <-t.C:
		}
	}
	return err
}
