// Package v1manager exercises singletonclient on the v1 SDK's transfer
// managers over a session whose credentials were frozen from a snapshot.
package v1manager

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3/s3manager"
)

var sess = session.Must(session.NewSession())

var (
	downloader *s3manager.Downloader
	uploader   = s3manager.NewUploader(sess)
)

func init() {
	v, err := sess.Config.Credentials.Get()
	if err != nil {
		panic(err)
	}
	frozen := session.Must(session.NewSession(&aws.Config{
		Credentials: credentials.NewCredentials(&credentials.StaticProvider{Value: v}),
	}))
	downloader = s3manager.NewDownloader(frozen) // want `package-level variable downloader holds a \*s3manager\.Downloader for the whole process, but its credentials come from a static provider built from a one-off Credentials\.Get\(\) snapshot`
}

// The session's own refreshing credentials: not reported.
var refreshingDownloader = s3manager.NewDownloader(session.Must(session.NewSession(&aws.Config{Credentials: sess.Config.Credentials})))
