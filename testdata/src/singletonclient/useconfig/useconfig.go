// Package useconfig keeps clients built from package cfgpkg's configs.
package useconfig

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/fixtures/singletonclient/cfgpkg"
)

var frozen = s3.NewFromConfig(cfgpkg.Frozen("k", "s", os.Getenv("T"))) // want `package-level variable frozen holds a \*s3\.Client .* a static provider with a session token`

var fine = s3.NewFromConfig(cfgpkg.Default(context.Background()))

// The same helper with long-lived keys (an empty token): not reported.
var keys = s3.NewFromConfig(cfgpkg.Frozen("k", "s", ""))
