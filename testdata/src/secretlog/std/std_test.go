package std

import (
	"log"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Tests log mock credentials to their own output: not reported.
func TestLogsMock(t *testing.T) {
	creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "secret", SessionToken: "token"}
	log.Printf("mock credentials %+v", creds)
}

// Nor in a helper of a test file.
func logMock(creds aws.Credentials) { log.Println(creds.SessionToken) }
