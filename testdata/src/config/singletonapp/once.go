package singletonapp

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"example.com/fixtures/config/blob"
	"example.com/fixtures/config/broker"
)

// A user client type made once for the process.
var getStore = sync.OnceValue(func() *blob.Client { // want `sync\.OnceValue holds a \*blob\.Client for the whole process`
	cr, _ := new(broker.Client).Fetch(context.Background(), "store")
	return blob.New(credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken))
})

// blob.Other is not a declared client type: not reported.
var getOther = sync.OnceValue(func() *blob.Other {
	cr, _ := new(broker.Client).Fetch(context.Background(), "store")
	return blob.NewOther(credentials.NewStaticCredentialsProvider(cr.AccessKeyID, cr.SecretAccessKey, cr.SessionToken))
})
