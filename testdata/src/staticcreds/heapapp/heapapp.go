// Package heapapp freezes credentials that other packages stored in
// struct fields: the stores are in heapbroker and heapfill, the reads
// here.
package heapapp

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"example.com/fixtures/staticcreds/heapbroker"
	"example.com/fixtures/staticcreds/heapfill"
)

// The session's own method stored the output (a fact on the field).
func fromSession(s *heapbroker.Session) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(*s.Creds.AccessKeyId, *s.Creds.SecretAccessKey, *s.Creds.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

// Its profile name is not a credential: not reported.
func fromProfile(s *heapbroker.Session) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(s.Profile, "", "")
}

// Package heapfill's Fill stored the output into heapbroker's type; this
// package calls only heapfill.Region, yet sees what Fill stores.
func fromHolder(h *heapbroker.Holder) aws.CredentialsProvider {
	heapfill.Region(h)
	return credentials.NewStaticCredentialsProvider(h.ID, h.Secret, h.Token) // want `static credentials built from sts\.AssumeRole output`
}

// The region heapfill stores is not a credential: not reported.
func fromRegion(h *heapbroker.Holder) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(h.Region, "", "")
}
