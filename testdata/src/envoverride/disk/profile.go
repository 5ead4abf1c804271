package disk

import (
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// writeProfile writes a whole profile with one format: the session token
// is its third argument, and is reported for it whatever the first two
// are. (The same parameter put into a child's environment already was.)
func writeProfile(path string, creds aws.Credentials) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintf(f, "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_session_token = %s\n", creds.AccessKeyID, creds.SecretAccessKey, creds.SessionToken) // want `fmt\.Fprintf writes a session token as aws_session_token to disk`
	return err
}

// Long-lived keys, no token: not reported.
func writeKeys(path, id, secret string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintf(f, "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_session_token = %s\n", id, secret, "")
	return err
}
