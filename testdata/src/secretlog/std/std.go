// Package std exercises secretlog on the standard library's log and fmt.
package std

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// A session token from a snapshot, logged while debugging refresh.
func debugRefresh(ctx context.Context, cfg aws.Config) {
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("using key %s token %s", creds.AccessKeyID, creds.SessionToken) // want `log\.Printf logs a session token \(aws\.Credentials\.SessionToken\): a secret in logs is a credential leak`
	// What the guidance says to log instead: not reported.
	log.Printf("credentials from %s, key %s..., expire at %s (can expire: %t)", creds.Source, creds.AccessKeyID[:4], creds.Expires, creds.CanExpire)
}

// The whole credentials struct with %+v.
func dumpCreds(ctx context.Context, cfg aws.Config) {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	fmt.Printf("%+v\n", creds) // want `fmt\.Printf logs a secret access key and a session token`
}

// AssumeRole output: fmt prints its nested pointers as addresses, not
// secrets; the dereferenced token is one.
func assumeRole(ctx context.Context, c *sts.Client) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return
	}
	log.Printf("assumed %v", out.Credentials)
	log.Printf("role %s until %s", *out.AssumedRoleUser.Arn, out.Credentials.Expiration)
	fmt.Fprintln(os.Stderr, "token:", aws.ToString(out.Credentials.SessionToken)) // want `fmt\.Fprintln to the console logs a session token`
}

// To a file, not the console: envoverride's business, not secretlog's.
func toFile(f *os.File, creds aws.Credentials) {
	fmt.Fprintln(f, creds.SessionToken)
}

// The environment's secrets.
func fromEnv() {
	log.Println("secret:", os.Getenv("AWS_SECRET_ACCESS_KEY")) // want `log\.Println logs a secret access key \(the AWS_SECRET_ACCESS_KEY environment variable\)`
	log.Println("region:", os.Getenv("AWS_REGION"))
}

// An error built with the token, logged later.
func errorWithToken(ctx context.Context, cfg aws.Config) error {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	return fmt.Errorf("refresh failed for token %s", creds.SessionToken)
}

func logError(ctx context.Context, cfg aws.Config) {
	if err := errorWithToken(ctx, cfg); err != nil {
		log.Print(err) // want `log\.Print logs a session token`
	}
}

// A logging helper of the user's, called with a secret.
func debug(format string, args ...any) { log.Printf("debug: "+format, args...) }

func viaHelper(ctx context.Context, cfg aws.Config) {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	debug("secret %s", creds.SecretAccessKey) // want `log\.Printf logs a secret access key .*\(through std\.debug\)`
	debug("source %s", creds.Source)
}
