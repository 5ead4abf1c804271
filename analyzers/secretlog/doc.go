// Package secretlog defines an Analyzer that reports AWS secret access
// keys and session tokens written to a log or the console.
//
// # Analyzer secretlog
//
// secretlog: report AWS secret access keys and session tokens written to logs
//
// Debugging credential refresh problems needs the credentials' source and
// expiry, never their secrets. A secret access key or session token that
// reaches a log is a credential leak: it stays valid, in every log store,
// CI log and crash report it reaches, until it expires (a key, never).
//
// The analyzer reports a call of a logger or of the console that writes a
// secret:
//
//	creds, _ := cfg.Credentials.Retrieve(ctx)
//	log.Printf("using %s / %s", creds.AccessKeyID, creds.SessionToken) // reported
//	log.Printf("credentials from %s expire at %s", creds.Source, creds.Expires) // fine
//
// A value is a secret by what it was read from (the SecretAccessKey and
// SessionToken fields of aws.Credentials, of sts and sso types, of the v1
// credentials.Value; the AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN
// environment variables), by provenance (the secret parts of temporary
// credentials, through variables, fields, helpers and errors built with
// fmt.Errorf), or by type (an aws.Credentials printed whole with %v).
//
// Sinks covered: log, log/slog (messages and attributes), fmt.Print* and
// fmt.Fprint* to os.Stdout or os.Stderr, go.uber.org/zap,
// github.com/sirupsen/logrus, github.com/rs/zerolog and k8s.io/klog/v2.
// Test code is not reported.
//
// Not reported: the credentials' Source, Expires and CanExpire, the access
// key id (or its first characters), the role ARN, durations; a pointer fmt
// prints as an address (an sts types.Credentials printed with %v shows
// pointers, not secrets); and a type of the user's whose String (or, for
// slog, LogValue) method does not read the secret fields.
//
// Printed for another program: credentials a credential tool prints to
// standard output under their names (export lines for eval, KEY=value
// lines, credential_process JSON) are intentional exports, reported as
// notes by default; -exports=off hides them (and envoverride's child
// environments), -exports=error reports them as leaks.
//
// Where the secret is a field of aws.Credentials, the suggested fix logs
// its Source instead.
//
// Suppress a finding with a comment on its line or the line above:
//
//	//tokenlint:ignore secretlog the reason
package secretlog
