// Package v1 exercises singletonclient with the v1 SDK.
package v1

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/s3/s3manager"
)

// A session with a static token.
var sess = session.Must(session.NewSession(&aws.Config{
	Credentials: credentials.NewStaticCredentials(os.Getenv("K"), os.Getenv("S"), os.Getenv("T")),
}))

var svc = s3.New(sess)                        // want `package-level variable svc holds a \*s3\.S3 .* a static provider with a session token`
var up = s3manager.NewUploaderWithClient(svc) // want `package-level variable up holds a \*s3manager\.Uploader`

// The default chain: not reported.
var defaultSess = session.Must(session.NewSession())
var defaultSvc = s3.New(defaultSess)
var defaultDown = s3manager.NewDownloader(defaultSess)

// Long-lived keys set with WithCredentials: not reported.
var keysSvc = s3.New(defaultSess, aws.NewConfig().WithCredentials(credentials.NewStaticCredentials("k", "s", "")))

// A token set with WithCredentials.
var tokenSvc = s3.New(defaultSess, aws.NewConfig().WithCredentials(credentials.NewStaticCredentials("k", "s", os.Getenv("T")))) // want `package-level variable tokenSvc holds a \*s3\.S3`
