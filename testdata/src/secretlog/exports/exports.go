// Package exports is a credential tool: it prints the credentials it
// obtains for another program (eval, a credential_process), which is an
// intentional export, and logs one by mistake, which is a leak.
package exports

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// printEnv prints export lines for eval $(tool env).
func printEnv(ctx context.Context, p aws.CredentialsProvider) error {
	creds, err := p.Retrieve(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("export AWS_ACCESS_KEY_ID=%s\n", creds.AccessKeyID)
	fmt.Printf("export AWS_SESSION_TOKEN=%s\n", creds.SessionToken) // want `fmt\.Printf prints a session token \(aws\.Credentials\.SessionToken\) to standard output in a form meant for another program .*-exports=off`
	exportVar("AWS_SECRET_ACCESS_KEY", creds.SecretAccessKey)       // want `fmt\.Printf prints a secret access key .*\(through exports\.exportVar\) to standard output in a form meant for another program`
	log.Printf("refreshed with token %s", creds.SessionToken)       // want `log\.Printf logs a session token`
	fmt.Println("debug:", creds.SecretAccessKey)                    // want `fmt\.Println logs a secret access key`
	json.NewEncoder(os.Stderr).Encode(creds)                        // want `json\.Encoder\.Encode to the console logs a secret access key and a session token`
	return nil
}

func exportVar(name, value string) {
	fmt.Printf("export %s=%s\n", name, value)
}

type processOutput struct {
	Version         int
	AccessKeyID     string `json:"AccessKeyId"`
	SecretAccessKey string
	SessionToken    string
	Expiration      time.Time
}

// credentialProcess prints what the SDK's credential_process reads.
func credentialProcess(ctx context.Context, p aws.CredentialsProvider) error {
	creds, err := p.Retrieve(ctx)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(processOutput{1, creds.AccessKeyID, creds.SecretAccessKey, creds.SessionToken, creds.Expires}) // want `json\.Encoder\.Encode prints a secret access key and a session token .* to standard output in a form meant for another program`
}

func credentialProcessText(ctx context.Context, p aws.CredentialsProvider) error {
	creds, err := p.Retrieve(ctx)
	if err != nil {
		return err
	}
	b, err := json.Marshal(processOutput{1, creds.AccessKeyID, creds.SecretAccessKey, creds.SessionToken, creds.Expires})
	if err != nil {
		return err
	}
	fmt.Println(string(b)) // want `fmt\.Println prints a secret access key and a session token .* to standard output in a form meant for another program`
	return nil
}
