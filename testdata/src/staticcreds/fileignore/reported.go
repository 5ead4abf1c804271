package fileignore

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The other file's directive does not reach this one.
func frozenHere(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `sts\.AssumeRole output`
}

// A typo in the analyzer's name suppresses nothing, and is reported.
func typo(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{}) // want +1 `//tokenlint:ignore staticcred: no analyzer is named "staticcred" \(did you mean staticcreds\?\)`
	//tokenlint:ignore staticcred the process exits before the session ends
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `sts\.AssumeRole output`
}

// In a list, the known name suppresses; the unknown one is reported.
func listWithTypo(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{}) // want +1 `no analyzer is named "staticreds" \(did you mean staticcreds\?\)`
	//tokenlint:ignore staticcreds,staticreds a migration script that runs for a minute
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
}

// A directive that names nothing.
func noNames() aws.CredentialsProvider {
	// want +1 `//tokenlint:ignore names no analyzer: want //tokenlint:ignore NAME\[,NAME\] <why>`
	//tokenlint:ignore
	return credentials.NewStaticCredentialsProvider(os.Getenv("K"), os.Getenv("S"), "")
}

// A name nearest to another analyzer is that analyzer's to report: not
// here, where only staticcreds runs.
//
//tokenlint:ignore envoveride not this analyzer's typo
func elsewhere() {}
