// Package staticcreds defines an Analyzer that reports static AWS
// credentials providers built from temporary credentials.
//
// # Analyzer staticcreds
//
// staticcreds: report static credentials providers built from temporary AWS credentials
//
// Temporary credentials (from STS AssumeRole, AssumeRoleWithWebIdentity,
// AssumeRoleWithSAML, GetSessionToken, GetFederationToken, AssumeRoot, SSO
// GetRoleCredentials, or a one-off Retrieve() / v1 Credentials.Get()
// snapshot of any provider) expire, typically after 15 minutes to 12 hours.
// A static provider never asks again: once the session ends every request
// fails with ExpiredToken, and wrapping the provider in
// aws.NewCredentialsCache does not help, because the cache re-asks a
// provider that always returns the same value.
//
// The analyzer reports, at the construction, a static provider whose key,
// secret or session token comes from temporary credentials:
//
//	out, _ := stsClient.AssumeRole(ctx, in)
//	cfg.Credentials = credentials.NewStaticCredentialsProvider( // reported
//		aws.ToString(out.Credentials.AccessKeyId),
//		aws.ToString(out.Credentials.SecretAccessKey),
//		aws.ToString(out.Credentials.SessionToken))
//
// Constructions covered: v2 credentials.NewStaticCredentialsProvider and
// credentials.StaticCredentialsProvider{...} literals, an
// aws.CredentialsProviderFunc that returns credentials it captured once,
// and v1 credentials.NewStaticCredentials, NewStaticCredentialsFromCreds
// and credentials.StaticProvider{...} literals. Values are followed through
// locals, pointers, aws.ToString / aws.StringValue, struct fields,
// composite literals, multiple results, closures, and function calls
// within and across the packages of the module.
//
// Long-lived keys (configuration, flags, environment variables, IAM
// CreateAccessKey output), literals, the SDK's refreshing providers, and
// snapshots that are only checked, logged or used to sign one request are
// not reported.
//
// The fix is the SDK's refreshing provider, for instance
// aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsClient, roleARN)).
//
// A provider used only by calls in the function that built it (a debug
// GetCallerIdentity, a per-request client) is a one-shot use, reported as
// a warning; -staticcreds.one-shot=false hides these. One that outlives the
// function (stored, returned, in a goroutine or a worker's loop) is the
// outage, and the message says how it outlives it.
//
// Suppress a finding with a comment on its line or the line above:
//
//	//tokenlint:ignore staticcreds the reason
package staticcreds
