// Package caller writes the session token through tokenenv's helper.
package caller

import (
	"os"

	"example.com/mentions/tokenenv"
)

// Run sets the token given on the command line.
func Run() error {
	return tokenenv.SetToken(os.Args[1])
}
