// Package sdkerrors: an error an SDK call returns holds none of the
// credentials passed to it. A false positive found in a public MSK signer
// (aws-msk-iam-sasl-signer-go): the error of config.LoadDefaultConfig,
// given a static provider built from a snapshot, was reported as logging a
// secret access key and a session token.
package sdkerrors

import (
	"context"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

func loadWithSnapshot(ctx context.Context, provider aws.CredentialsProvider) {
	creds, err := provider.Retrieve(ctx)
	if err != nil {
		log.Printf("retrieve: %v", err)
		return
	}
	_, err = config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(credentials.StaticCredentialsProvider{Value: creds}))
	if err != nil {
		log.Printf("failed to load AWS configuration: %v", err) // the error holds no credentials: not reported
		return
	}
	// An error built from the secret does hold it: reported.
	err = fmt.Errorf("token %s rejected", creds.SessionToken)
	log.Print(err) // want `log\.Print logs a session token`
}
