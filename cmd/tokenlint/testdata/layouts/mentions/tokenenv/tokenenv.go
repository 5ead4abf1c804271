// Package tokenenv names the session-token variable and writes it: what
// it exports acts on credentials whatever their origin, so its importers
// are analysed although they import no SDK.
package tokenenv

import "os"

// TokenVar is the session token's variable.
const TokenVar = "AWS_SESSION_TOKEN"

// SetToken puts a session token in the process environment.
func SetToken(v string) error {
	return os.Setenv("AWS_SESSION_TOKEN", v)
}
