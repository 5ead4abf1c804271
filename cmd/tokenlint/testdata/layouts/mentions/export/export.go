// Package export writes the session token under tokenenv's constant: it
// has no literal naming the variable.
package export

import (
	"os"

	"example.com/mentions/tokenenv"
)

// Export puts the token in the environment of the process.
func Export(token string) error {
	return os.Setenv(tokenenv.TokenVar, token)
}
