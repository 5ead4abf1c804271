package v2

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// A test fixture with a session token: not reported in _test.go files.
var testClient = s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("k", "s", "token")})
