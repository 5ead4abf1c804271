// Package catalog is tokenlint's table of AWS SDK symbols: where temporary
// credentials come from (sources), which constructions freeze them (sinks),
// how values travel through SDK helpers (passthroughs), and which struct
// fields carry secrets. Every rule in the analyzers is driven by this data,
// matched by import path and name, never by identifier alone: forks of the
// SDK reuse the same names under other import paths.
package catalog

import (
	"strings"
	"sync"
)

// Import paths of the SDK packages the catalogue refers to.
const (
	V2Root        = "github.com/aws/aws-sdk-go-v2"
	V2AWS         = "github.com/aws/aws-sdk-go-v2/aws"
	V2Credentials = "github.com/aws/aws-sdk-go-v2/credentials"
	V2STS         = "github.com/aws/aws-sdk-go-v2/service/sts"
	V2SSO         = "github.com/aws/aws-sdk-go-v2/service/sso"
	// Cognito identity pools issue temporary credentials of the same
	// shape (AccessKeyId, SecretKey, SessionToken, Expiration).
	V2Cognito = "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"

	V2Config     = "github.com/aws/aws-sdk-go-v2/config"
	V2S3         = "github.com/aws/aws-sdk-go-v2/service/s3"
	V2S3Manager  = "github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	V2S3Transfer = "github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager"
	V2Services   = "github.com/aws/aws-sdk-go-v2/service/"

	V1Root        = "github.com/aws/aws-sdk-go"
	V1Session     = "github.com/aws/aws-sdk-go/aws/session"
	V1S3          = "github.com/aws/aws-sdk-go/service/s3"
	V1S3Manager   = "github.com/aws/aws-sdk-go/service/s3/s3manager"
	V1Services    = "github.com/aws/aws-sdk-go/service/"
	V1AWS         = "github.com/aws/aws-sdk-go/aws"
	V1Credentials = "github.com/aws/aws-sdk-go/aws/credentials"
	V1STS         = "github.com/aws/aws-sdk-go/service/sts"
	V1SSO         = "github.com/aws/aws-sdk-go/service/sso"
	V1Cognito     = "github.com/aws/aws-sdk-go/service/cognitoidentity"

	SmithyRoot = "github.com/aws/smithy-go"

	// MinioCredentials is minio-go's credentials package.
	MinioCredentials = "github.com/minio/minio-go/v7/pkg/credentials"
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

// IsStdPath reports whether an import path looks like the standard
// library's: its first element has no dot. Drivers also give std packages
// no module, which callers check where they can.
func IsStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// A Source describes one kind of value that carries temporary credentials.
type Source struct {
	// Key identifies the source uniquely (facts carry only the key:
	// v1 and v2 share labels, not fixes).
	Key string
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
		OutputSources[TypeKey{V2STS, op + "Output"}] = Source{Key: "v2.sts." + op, Label: "sts." + op + " output", Fix: fix}
	}
	OutputSources[TypeKey{V2SSO, "GetRoleCredentialsOutput"}] = Source{
		Key:   "v2.sso.GetRoleCredentials",
		Label: "sso.GetRoleCredentials output",
		Fix:   "use aws.NewCredentialsCache(ssocreds.New(ssoClient, accountID, roleName, startURL))",
	}
	cognito := "call GetCredentialsForIdentity from a provider's Retrieve (aws.CredentialsProviderFunc returning CanExpire: true and the answer's Expiration), wrapped in aws.NewCredentialsCache"
	OutputSources[TypeKey{V2Cognito, "GetCredentialsForIdentityOutput"}] = Source{
		Key: "v2.cognitoidentity.GetCredentialsForIdentity", Label: "cognitoidentity.GetCredentialsForIdentity output", Fix: cognito,
	}
	OutputSources[TypeKey{V1Cognito, "GetCredentialsForIdentityOutput"}] = Source{
		Key: "v1.cognitoidentity.GetCredentialsForIdentity", Label: "cognitoidentity.GetCredentialsForIdentity output",
		Fix: "use a credentials.Provider whose IsExpired reports the answer's Expiration",
	}
	v1 := map[string]string{
		"AssumeRole":                "use stscreds.NewCredentials(sess, roleARN)",
		"AssumeRoleWithWebIdentity": "use stscreds.NewWebIdentityCredentials(sess, roleARN, sessionName, tokenPath)",
		"AssumeRoleWithSAML":        "use a credentials.Provider whose IsExpired reports the session's expiry",
		"GetSessionToken":           "use a credentials.Provider whose IsExpired reports the session's expiry",
		"GetFederationToken":        "use a credentials.Provider whose IsExpired reports the session's expiry",
	}
	for op, fix := range v1 {
		OutputSources[TypeKey{V1STS, op + "Output"}] = Source{Key: "v1.sts." + op, Label: "sts." + op + " output", Fix: fix}
	}
	OutputSources[TypeKey{V1SSO, "GetRoleCredentialsOutput"}] = Source{
		Key:   "v1.sso.GetRoleCredentials",
		Label: "sso.GetRoleCredentials output",
		Fix:   "use ssocreds.NewCredentials(sess, accountID, roleName, startURL)",
	}
}

// Snapshot sources: the result of asking a provider once.
var (
	// V2Snapshot is an aws.Credentials returned by Retrieve.
	V2Snapshot = Source{
		Key:   "v2.snapshot",
		Label: "a one-off Retrieve() snapshot",
		Fix:   "pass the provider itself (e.g. cfg.Credentials) instead of a snapshot of it",
	}
	// V1Snapshot is a credentials.Value returned by Get or Retrieve.
	V1Snapshot = Source{
		Key:   "v1.snapshot",
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

	// Configuration carries its credentials provider on: a cache or a
	// config built around a provider refreshes exactly as well as it.
	{V2AWS, "NewCredentialsCache"}:        true,
	{V2Config, "WithCredentialsProvider"}: true,
	{V2Config, "LoadDefaultConfig"}:       true,
	{V1Session, "NewSession"}:             true,
	{V1Session, "NewSessionWithOptions"}:  true,
	{V1Session, "New"}:                    true,
	{V1Session, "Must"}:                   true,
	// v1 credentials.NewCredentials (and minio-go's credentials.New) wrap
	// a provider: they refresh as well as the provider does.
	{V1Credentials, "NewCredentials"}: true,
	{MinioCredentials, "New"}:         true,
}

// MethodPassthrough are methods that return their receiver with their
// arguments folded in (v1 aws.Config's With* setters, Session.Copy).
var MethodPassthrough = map[TypeKey]func(name string) bool{
	{V1AWS, "Config"}:      func(name string) bool { return strings.HasPrefix(name, "With") || name == "Copy" },
	{V1Session, "Session"}: func(name string) bool { return name == "Copy" },
	{V2AWS, "Config"}:      func(name string) bool { return name == "Copy" },
}

// Parts of a set of credentials a value may carry.
const (
	PartKeyID uint8 = 1 << iota
	PartSecret
	PartToken
	PartsAll = PartKeyID | PartSecret | PartToken
)

// FieldParts maps the fields of SDK credential-carrying structs to the
// parts of the credentials they hold. Selecting any other field of an SDK
// struct (Expiration, Expires, Source, CanExpire, AssumedRoleUser, ...)
// yields metadata, not a credential.
var FieldParts = map[string]uint8{
	"Credentials":     PartsAll, // sts outputs
	"RoleCredentials": PartsAll, // sso output
	"Value":           PartsAll, // v1 StaticProvider embeds Value
	"AccessKeyId":     PartKeyID,
	"AccessKeyID":     PartKeyID, // aws.Credentials, v1 credentials.Value
	"SecretAccessKey": PartSecret,
	"SecretKey":       PartSecret, // cognito identity
	"SessionToken":    PartToken,
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
	// minio-go: Go services often talk to S3 through it, with keys taken
	// from an AWS provider's Retrieve.
	{MinioCredentials, "NewStaticV4"}: {"credentials.NewStaticV4", []int{0, 1, 2}},
	{MinioCredentials, "NewStaticV2"}: {"credentials.NewStaticV2", []int{0, 1, 2}},
}

// SinkFixes replace the source's fix when the static provider is another
// library's, which cannot take an AWS provider (by the sink's name as
// StaticSinkFuncs and StaticSinkTypes give it).
var SinkFixes = map[string]string{
	"credentials.NewStaticV4": minioFix,
	"credentials.NewStaticV2": minioFix,
	"credentials.Static":      minioFix,
}

// minioFix: minio-go takes credentials of its own type, which refresh
// through their Provider's IsExpired.
const minioFix = `give minio refreshing credentials instead: credentials.NewIAM("") on AWS compute (instance role, ECS, web identity), or credentials.New of a credentials.Provider of your own whose Retrieve asks the AWS provider each time and whose IsExpired reports the session's expiry`

// StaticSinkTypes are static provider structs: a composite literal of one
// of them with credential values is a construction too.
var StaticSinkTypes = map[TypeKey]string{
	{V2Credentials, "StaticCredentialsProvider"}: "credentials.StaticCredentialsProvider",
	{V1Credentials, "StaticProvider"}:            "credentials.StaticProvider",
	{MinioCredentials, "Static"}:                 "credentials.Static",
}

// ProviderFuncType is the v2 adapter that turns a func into a provider: a
// func that returns a value it captured once is a static provider too.
var ProviderFuncType = TypeKey{V2AWS, "CredentialsProviderFunc"}

// Environment variables and credential-file keys. A session token under
// one of the token names is a finding whatever its origin; the key names
// only when the value comes from temporary credentials (long-lived keys
// in the environment are the SDK's documented, if discouraged, setup).
var (
	TokenEnvNames = map[string]bool{"AWS_SESSION_TOKEN": true, "AWS_SECURITY_TOKEN": true}
	KeyEnvNames   = map[string]bool{
		"AWS_ACCESS_KEY_ID": true, "AWS_SECRET_ACCESS_KEY": true,
		"AWS_ACCESS_KEY": true, "AWS_SECRET_KEY": true,
	}
	TokenFileKeys = map[string]bool{"aws_session_token": true, "aws_security_token": true}
	KeyFileKeys   = map[string]bool{"aws_access_key_id": true, "aws_secret_access_key": true}
)

// IsTokenName reports whether name is a session-token variable or key.
func IsTokenName(name string) bool { return TokenEnvNames[name] || TokenFileKeys[name] }

// IsKeyName reports whether name is an access-key variable or key.
func IsKeyName(name string) bool { return KeyEnvNames[name] || KeyFileKeys[name] }

// MentionsTokenName reports whether a string may name a session token:
// packages whose literals do are analysed even when they import no SDK.
func MentionsTokenName(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "session_token") || strings.Contains(l, "security_token")
}

// SetenvFuncs set the process environment: (name, value).
var SetenvFuncs = map[FuncKey]string{
	{"os", "Setenv"}:      "os.Setenv",
	{"syscall", "Setenv"}: "syscall.Setenv",
}

// EnvReadFuncs read the environment: writing their result back restores
// a value, it does not persist a new one.
var EnvReadFuncs = map[FuncKey]bool{
	{"os", "Getenv"}: true, {"os", "LookupEnv"}: true, {"syscall", "Getenv"}: true,
}

// ChildEnvFields are struct fields that hold a child process's environment.
var ChildEnvFields = map[TypeKey]string{
	{"os/exec", "Cmd"}:      "exec.Cmd.Env",
	{"os", "ProcAttr"}:      "os.ProcAttr.Env",
	{"syscall", "ProcAttr"}: "syscall.ProcAttr.Env",
}

// ChildEnvFuncs take a child's environment as argument N.
var ChildEnvFuncs = map[FuncKey]struct {
	Name string
	Arg  int
}{
	{"syscall", "Exec"}: {"syscall.Exec", 2},
}

// FileWriteFuncs write argument Data to the file named by argument File
// (or, with File < 0, to the writer in argument Writer).
type FileWrite struct {
	Name   string
	Data   int // index of the first data argument; variadic data is one slice
	Writer int // index of the writer, -1 when the function names a file
}

// FileWriteFuncs are package-level functions that write to files.
var FileWriteFuncs = map[FuncKey]FileWrite{
	{"os", "WriteFile"}:                   {"os.WriteFile", 1, -1},
	{"io/ioutil", "WriteFile"}:            {"ioutil.WriteFile", 1, -1},
	{"io", "WriteString"}:                 {"io.WriteString", 1, 0},
	{"fmt", "Fprint"}:                     {"fmt.Fprint", 1, 0},
	{"fmt", "Fprintf"}:                    {"fmt.Fprintf", 1, 0},
	{"fmt", "Fprintln"}:                   {"fmt.Fprintln", 1, 0},
	{"github.com/joho/godotenv", "Write"}: {"godotenv.Write", 0, -1},
}

// FileWriteMethods are methods that write their first argument to their
// receiver, when the receiver writes to a file.
var FileWriteMethods = map[TypeKey]map[string]string{
	{"os", "File"}:                  {"Write": "(*os.File).Write", "WriteString": "(*os.File).WriteString", "WriteAt": "(*os.File).WriteAt"},
	{"bufio", "Writer"}:             {"Write": "(*bufio.Writer).Write", "WriteString": "(*bufio.Writer).WriteString"},
	{"encoding/json", "Encoder"}:    {"Encode": "json.Encoder.Encode"},
	{"encoding/xml", "Encoder"}:     {"Encode": "xml.Encoder.Encode"},
	{"gopkg.in/yaml.v3", "Encoder"}: {"Encode": "yaml.Encoder.Encode"},
	{"gopkg.in/yaml.v2", "Encoder"}: {"Encode": "yaml.Encoder.Encode"},
}

// WriterWrappers wrap their first argument: what they write goes where it
// goes (bufio.NewWriter(f), json.NewEncoder(f), ...).
var WriterWrappers = map[FuncKey]bool{
	{"bufio", "NewWriter"}: true, {"bufio", "NewWriterSize"}: true,
	{"encoding/json", "NewEncoder"}: true, {"encoding/xml", "NewEncoder"}: true,
	{"gopkg.in/yaml.v3", "NewEncoder"}: true, {"gopkg.in/yaml.v2", "NewEncoder"}: true,
}

// FileTypes are writers that write to disk.
var FileTypes = map[TypeKey]bool{{"os", "File"}: true}

// ExecCommandFuncs start a command: (name, args...) from argument Name.
var ExecCommandFuncs = map[FuncKey]int{
	{"os/exec", "Command"}:        0,
	{"os/exec", "CommandContext"}: 1,
}

// S3ClientFuncs build S3 clients and the wrappers that sign with their
// client's credentials (transfer managers, uploaders, presign clients),
// with the type each returns.
var S3ClientFuncs = map[FuncKey]string{
	{V2S3, "NewFromConfig"}:                  "*s3.Client",
	{V2S3, "New"}:                            "*s3.Client",
	{V2S3, "NewPresignClient"}:               "*s3.PresignClient",
	{V2S3Manager, "NewUploader"}:             "*manager.Uploader",
	{V2S3Manager, "NewDownloader"}:           "*manager.Downloader",
	{V2S3Transfer, "New"}:                    "*transfermanager.Client",
	{V1S3, "New"}:                            "*s3.S3",
	{V1S3Manager, "NewUploader"}:             "*s3manager.Uploader",
	{V1S3Manager, "NewUploaderWithClient"}:   "*s3manager.Uploader",
	{V1S3Manager, "NewDownloader"}:           "*s3manager.Downloader",
	{V1S3Manager, "NewDownloaderWithClient"}: "*s3manager.Downloader",
}

// ServiceClientFunc reports whether a function builds any AWS service
// client (for -singletonclient.services=all), and the type it returns:
// v2 service/X.NewFromConfig and New, v1 service/X.New.
func ServiceClientFunc(pkg, name, pkgName, resultType string) (string, bool) {
	if label, ok := S3ClientFuncs[FuncKey{pkg, name}]; ok {
		return label, true
	}
	switch {
	case strings.HasPrefix(pkg, V2Services) && !strings.Contains(pkg[len(V2Services):], "/") && (name == "NewFromConfig" || name == "New"):
		return "*" + pkgName + ".Client", true
	case strings.HasPrefix(pkg, V1Services) && !strings.Contains(pkg[len(V1Services):], "/") && name == "New":
		return "*" + pkgName + "." + resultType, true
	}
	return "", false
}

// IsS3Client reports whether a client label names an S3 client or wrapper.
func IsS3Client(label string) bool {
	for _, l := range S3ClientFuncs {
		if l == label {
			return true
		}
	}
	return false
}

// OnceFuncs build lazily initialised singletons from their argument.
var OnceFuncs = map[FuncKey]string{
	{"sync", "OnceValue"}:  "sync.OnceValue",
	{"sync", "OnceValues"}: "sync.OnceValues",
}

// sourceByKey indexes every source by its key (lazily: OutputSources is
// filled by init).
var sourceByKey = sync.OnceValue(func() map[string]Source {
	m := make(map[string]Source)
	for _, s := range OutputSources {
		m[s.Key] = s
	}
	for _, s := range SnapshotTypes {
		m[s.Source.Key] = s.Source
	}
	return m
})

// SourceByKey returns the source with the given key (facts carry only
// the key), or a Source labelled with the key if the catalogue has none.
func SourceByKey(key string) Source {
	if key == "" {
		return Source{}
	}
	if s, ok := sourceByKey()[key]; ok {
		return s
	}
	return Source{Key: key, Label: key}
}

// Known reports whether the catalogue describes a package-level function
// (a static sink, a passthrough, a logger, a marshaler, a file writer,
// ...): for those of libraries that are neither the SDK nor the standard
// library (minio-go, zap, godotenv, ...), the catalogue is what the
// engine goes by, not the library's own code.
func Known(fk FuncKey) bool {
	if _, ok := StaticSinkFuncs[fk]; ok {
		return true
	}
	if _, ok := LogFuncs[fk]; ok {
		return true
	}
	if _, ok := FileWriteFuncs[fk]; ok {
		return true
	}
	return Passthrough[fk] || LogFieldFuncs[fk] || Marshalers[fk] || WriterWrappers[fk]
}
