// Package allsvc is checked with -singletonclient.services=all.
package allsvc

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

var stsClient = sts.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("k", "s", "token")}) // want `package-level variable stsClient holds a \*sts\.Client`

var keys = sts.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("k", "s", "")})
