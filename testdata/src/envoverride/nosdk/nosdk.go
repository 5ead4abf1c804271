// Package nosdk imports no AWS SDK: it is analysed because it names a
// session-token variable.
package nosdk

import "os"

func Export(token string) {
	os.Setenv("AWS_SESSION_TOKEN", token) // want `os\.Setenv\("AWS_SESSION_TOKEN"\) persists temporary credentials in the process environment`
}
