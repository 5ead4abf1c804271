// Package singletonclient defines an Analyzer that reports process-wide S3
// clients whose credentials cannot refresh.
//
// # Analyzer singletonclient
//
// singletonclient: report package-level S3 clients whose credentials cannot refresh
//
// A client held in a package-level variable, or built once by sync.Once or
// sync.OnceValue, lives as long as the process. That is what AWS
// recommends (for Lambda, say) when the client's credentials provider
// refreshes: config.LoadDefaultConfig, stscreds, ssocreds, ec2rolecreds,
// endpointcreds and processcreds all do, and service clients call the
// provider on every request. It is an outage waiting to happen when the
// provider cannot refresh: a static provider with a session token, a
// static provider built from temporary credentials, a one-off Retrieve()
// snapshot, or a func that returns a value it captured. Service clients
// add no credentials cache of their own, and wrappers (transfer managers,
// uploaders, presign clients) sign with their client's credentials, so
// every request fails with ExpiredToken once the session ends, for the
// rest of the process's life.
//
// The analyzer reports, at the package-level variable or the store into
// it: v2 *s3.Client (s3.NewFromConfig, s3.New), *s3.PresignClient,
// manager.Uploader and Downloader, transfermanager.Client; v1 *s3.S3 and
// s3manager uploaders and downloaders; held in package variables (set in
// their declaration, in init or by any function), in fields or elements
// of package-level structs, maps and slices, or returned by sync.OnceValue
// and sync.OnceValues, when the credentials they were built with cannot
// refresh, also when the config or session comes from a helper function
// or another package of the module. With -singletonclient.services=all
// the rule covers every AWS service client.
//
// Not reported: clients built from config.LoadDefaultConfig or any
// refreshing provider (cached or not: without a cache it is slow, not
// stale), from long-lived keys (a static provider whose session token is
// provably empty), from a v1 session with the default chain; clients
// created per call inside functions; test fixtures in _test.go files.
//
// The fix: build the config with config.LoadDefaultConfig, or with a
// refreshing provider such as
// aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsClient, roleARN)).
//
// Suppress a finding with a comment on its line or the line above:
//
//	//tokenlint:ignore singletonclient the reason
package singletonclient
