package main

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"example.com/lib/creds"
)

func main() {
	c, err := creds.Assume(context.Background())
	if err != nil {
		return
	}
	_ = credentials.StaticCredentialsProvider{Value: *c}
}
