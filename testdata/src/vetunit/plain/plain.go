// Package plain cannot carry AWS credentials: go vet's unit for it needs
// only its types.
package plain

import "strings"

type Options struct{ Region string }

func Region(o Options) string { return strings.TrimSpace(o.Region) }
