package store // want package:`awsRelevant` package:`trails\(2\)` package:`foreignStores\(example\.com/fixtures/engine/heapfacts\.Worker\.Creds from sts\.GetSessionToken output\)`

// Package store stores into another package's field: the store travels
// as a package fact.

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/fixtures/engine/heapfacts"
)

func Fill(ctx context.Context, c *sts.Client, w *heapfacts.Worker) { // want Fill:`summary\(param 2\.Creds written from sts\.GetSessionToken output; fetches\)`
	out, _ := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	w.Creds = out.Credentials
}
