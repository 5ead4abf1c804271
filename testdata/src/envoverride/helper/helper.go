// Package helper writes credentials for its callers in other packages.
package helper

import (
	"encoding/json"
	"io"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Save writes a set of credentials to a cache file.
func Save(path string, c aws.Credentials) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// Export puts a key into the environment.
func Export(id string) { os.Setenv("AWS_ACCESS_KEY_ID", id) }

// Encode writes a set of credentials to any writer.
func Encode(w io.Writer, c aws.Credentials) error { return json.NewEncoder(w).Encode(c) }
