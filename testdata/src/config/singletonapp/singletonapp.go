// Package singletonapp keeps clients of the user's client type (by the
// configuration) for the whole process.
package singletonapp

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"example.com/fixtures/config/blob"
	"example.com/fixtures/config/broker"
)

var (
	store *blob.Client
	other *blob.Other
)

func init() {
	cr, _ := new(broker.Client).Fetch(context.Background(), "store")
	p := credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken)
	store = blob.New(p) // want `package-level variable store holds a \*blob\.Client for the whole process, but its credentials come from a static provider built from broker\.Client\.Fetch result`
	other = blob.NewOther(p)
}
