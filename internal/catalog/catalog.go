// Package catalog is tokenlint's table of AWS SDK symbols: where temporary
// credentials come from (sources), which constructions freeze them (sinks),
// how values travel through SDK helpers (passthroughs), and which struct
// fields carry secrets. Every rule in the analyzers is driven by this data,
// matched by import path and name, never by identifier alone: forks of the
// SDK reuse the same names under other import paths.
package catalog

import "strings"

// Import paths of the SDK packages the catalogue refers to.
const (
	V2Root        = "github.com/aws/aws-sdk-go-v2"
	V2AWS         = "github.com/aws/aws-sdk-go-v2/aws"
	V2Credentials = "github.com/aws/aws-sdk-go-v2/credentials"
	V2STS         = "github.com/aws/aws-sdk-go-v2/service/sts"
	V2SSO         = "github.com/aws/aws-sdk-go-v2/service/sso"

	V1Root        = "github.com/aws/aws-sdk-go"
	V1AWS         = "github.com/aws/aws-sdk-go/aws"
	V1Credentials = "github.com/aws/aws-sdk-go/aws/credentials"
	V1STS         = "github.com/aws/aws-sdk-go/service/sts"
	V1SSO         = "github.com/aws/aws-sdk-go/service/sso"

	SmithyRoot = "github.com/aws/smithy-go"
)

// sdkRoots are the module roots whose packages are the SDK itself. Their
// code is never analysed: the SDK builds static providers from its own
// environment and shared-config snapshots on purpose.
var sdkRoots = []string{V2Root, V1Root, SmithyRoot}

// IsSDK reports whether the package path belongs to an AWS SDK for Go
// (v1 or v2) or to smithy-go.
func IsSDK(path string) bool {
	for _, root := range sdkRoots {
		if path == root || strings.HasPrefix(path, root+"/") {
			return true
		}
	}
	return false
}

// A Source describes one kind of value that carries temporary credentials.
type Source struct {
	// Label names the origin in messages, e.g. "sts.AssumeRole output".
	Label string
	// Fix is the clause that says which SDK call replaces the frozen copy.
	Fix string
}

// A TypeKey identifies a named type by package path and name.
type TypeKey struct{ Pkg, Name string }

// OutputSources maps SDK operation output types to the temporary
// credentials they carry. Any call whose result has one of these types
// (a client method, an interface of the user's, a mock) is a source:
// the type itself says the value came from an STS or SSO operation.
var OutputSources = map[TypeKey]Source{}

func init() {
	assumeRole := "use aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsClient, roleARN))"
	webIdentity := "use aws.NewCredentialsCache(stscreds.NewWebIdentityRoleProvider(stsClient, roleARN, stscreds.IdentityTokenFile(tokenPath)))"
	custom := "use a provider whose Retrieve calls STS again and returns CanExpire: true and Expires, wrapped in aws.NewCredentialsCache"
	v2 := map[string]string{
		"AssumeRole":                assumeRole,
		"AssumeRoleWithWebIdentity": webIdentity,
		"AssumeRoleWithSAML":        custom,
		"GetSessionToken":           custom,
		"GetFederationToken":        custom,
		"AssumeRoot":                custom,
		"GetDelegatedAccessToken":   custom,
	}
	for op, fix := range v2 {
		OutputSources[TypeKey{V2STS, op + "Output"}] = Source{Label: "sts." + op + " output", Fix: fix}
	}
	OutputSources[TypeKey{V2SSO, "GetRoleCredentialsOutput"}] = Source{
		Label: "sso.GetRoleCredentials output",
		Fix:   "use aws.NewCredentialsCache(ssocreds.New(ssoClient, accountID, roleName, startURL))",
	}
	v1 := map[string]string{
		"AssumeRole":                "use stscreds.NewCredentials(sess, roleARN)",
		"AssumeRoleWithWebIdentity": "use stscreds.NewWebIdentityCredentials(sess, roleARN, sessionName, tokenPath)",
		"AssumeRoleWithSAML":        "use a credentials.Provider whose IsExpired reports the session's expiry",
		"GetSessionToken":           "use a credentials.Provider whose IsExpired reports the session's expiry",
		"GetFederationToken":        "use a credentials.Provider whose IsExpired reports the session's expiry",
	}
	for op, fix := range v1 {
		OutputSources[TypeKey{V1STS, op + "Output"}] = Source{Label: "sts." + op + " output", Fix: fix}
	}
	OutputSources[TypeKey{V1SSO, "GetRoleCredentialsOutput"}] = Source{
		Label: "sso.GetRoleCredentials output",
		Fix:   "use ssocreds.NewCredentials(sess, accountID, roleName, startURL)",
	}
}

// Snapshot sources: the result of asking a provider once.
var (
	// V2Snapshot is an aws.Credentials returned by Retrieve.
	V2Snapshot = Source{
		Label: "a one-off Retrieve() snapshot",
		Fix:   "pass the provider itself (e.g. cfg.Credentials) instead of a snapshot of it",
	}
	// V1Snapshot is a credentials.Value returned by Get or Retrieve.
	V1Snapshot = Source{
		Label: "a one-off Credentials.Get() snapshot",
		Fix:   "pass the *credentials.Credentials itself (e.g. sess.Config.Credentials) instead of a snapshot of it",
	}
)

// SnapshotTypes are the value types a provider returns; with the method
// names that return them once.
var SnapshotTypes = map[TypeKey]struct {
	Methods map[string]bool
	Source  Source
}{
	{V2AWS, "Credentials"}: {map[string]bool{"Retrieve": true}, V2Snapshot},
	{V1Credentials, "Value"}: {map[string]bool{
		"Get": true, "GetWithContext": true, "Retrieve": true, "RetrieveWithContext": true,
	}, V1Snapshot},
}

// StaticProviderTypes are provider types whose Retrieve returns the value
// they were built with: a snapshot of one of them is only as temporary as
// what it was built from, which the analysis tracks at its construction.
var StaticProviderTypes = map[TypeKey]bool{
	{V2Credentials, "StaticCredentialsProvider"}: true,
	{V1Credentials, "StaticProvider"}:            true,
}

// A FuncKey identifies a package-level function by package path and name.
type FuncKey struct{ Pkg, Name string }

// Passthrough functions return (a form of) their argument.
var Passthrough = map[FuncKey]bool{
	{V2AWS, "ToString"}:       true,
	{V2AWS, "String"}:         true,
	{V2AWS, "ToStringSlice"}:  true,
	{V1AWS, "StringValue"}:    true,
	{V1AWS, "String"}:         true,
	{V1AWS, "StringSlice"}:    true,
	{V1AWS, "StringValueMap"}: true,
}

// SecretFields are the fields of SDK credential-carrying structs that hold
// key material. Selecting any other field of an SDK struct (Expiration,
// Expires, Source, CanExpire, AssumedRoleUser, ...) yields metadata, not a
// credential.
var SecretFields = map[string]bool{
	"Credentials":     true, // sts outputs
	"RoleCredentials": true, // sso output
	"AccessKeyId":     true, // sts/sso types
	"AccessKeyID":     true, // aws.Credentials, v1 credentials.Value
	"SecretAccessKey": true,
	"SecretKey":       true, // cognito identity
	"SessionToken":    true,
	"Value":           true, // v1 StaticProvider embeds Value
}

// A StaticSink is a construction that freezes its inputs into a provider
// that never refreshes.
type StaticSink struct {
	// Name is how messages spell the API.
	Name string
	// Args are the indices of the credential parameters.
	Args []int
}

// StaticSinkFuncs are constructor functions of static providers.
var StaticSinkFuncs = map[FuncKey]StaticSink{
	{V2Credentials, "NewStaticCredentialsProvider"}:  {"credentials.NewStaticCredentialsProvider", []int{0, 1, 2}},
	{V1Credentials, "NewStaticCredentials"}:          {"credentials.NewStaticCredentials", []int{0, 1, 2}},
	{V1Credentials, "NewStaticCredentialsFromCreds"}: {"credentials.NewStaticCredentialsFromCreds", []int{0}},
}

// StaticSinkTypes are static provider structs: a composite literal of one
// of them with credential values is a construction too.
var StaticSinkTypes = map[TypeKey]string{
	{V2Credentials, "StaticCredentialsProvider"}: "credentials.StaticCredentialsProvider",
	{V1Credentials, "StaticProvider"}:            "credentials.StaticProvider",
}

// ProviderFuncType is the v2 adapter that turns a func into a provider: a
// func that returns a value it captured once is a static provider too.
var ProviderFuncType = TypeKey{V2AWS, "CredentialsProviderFunc"}
