// Package trail checks the trail each finding carries: the source and
// every hop (a helper's return, a store into a field) as related
// information, and the source's place in the message. A "related"
// comment marks each position a trail must show, with its message.
package trail

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"

	"example.com/fixtures/staticcreds/trailbroker"
)

type Worker struct {
	c     *sts.Client
	creds *ststypes.Credentials
}

// Start keeps what another package returned.
func (w *Worker) Start(ctx context.Context) error {
	c, err := trailbroker.Fetch(ctx, w.c) // related `returned by trailbroker\.Fetch`
	if err != nil {
		return err
	}
	w.creds = c // related `stored in Worker\.creds`
	return nil
}

// Job freezes it: the message names the source's place in the broker.
func (w *Worker) Job() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(*w.creds.AccessKeyId, *w.creds.SecretAccessKey, *w.creds.SessionToken) // want `static credentials built from sts\.AssumeRole output \(staticcreds/trailbroker/trailbroker\.go:14\) never refresh`
}

// A source in the same function: one related entry, at the snapshot.
func local(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v, _ := cfg.Credentials.Retrieve(ctx)                  // related `a one-off Retrieve\(\) snapshot`
	return credentials.StaticCredentialsProvider{Value: v} // want `static credentials built from a one-off Retrieve\(\) snapshot \(staticcreds/trail/trail\.go:40\) never refresh`
}
