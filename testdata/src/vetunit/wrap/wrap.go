// Package wrap imports no SDK package, only carrier: it can carry AWS
// credentials because carrier's facts say so, and go vet's unit for it
// runs the analysis.
package wrap

import "example.com/fixtures/vetunit/carrier"

// Cached is what a worker keeps from its start-up.
type Cached struct{ S carrier.Session }

func Keys(c Cached) (key, secret, token string) { return c.S.Key, c.S.Secret, c.S.Token }
