// Package typeerr does not type-check: tokenlint must say so and exit 1.
package typeerr

import "github.com/aws/aws-sdk-go-v2/credentials"

var P = credentials.NewStaticCredentialsProvider(1, 2, 3)
