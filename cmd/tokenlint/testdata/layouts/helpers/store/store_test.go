package store_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"example.com/helpers/store"
	"example.com/helpers/testutil"
)

func TestStore(t *testing.T) {
	creds, err := store.AssumeForTest(context.Background())
	if err != nil {
		t.Skip(err)
	}
	_ = credentials.StaticCredentialsProvider{Value: creds}
	_ = testutil.Frozen(context.Background())
}
