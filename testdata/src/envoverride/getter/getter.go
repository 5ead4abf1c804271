// Package getter: a getter carries the field it returns, not its
// neighbours. A public CLI was reported for "os.WriteFile writes a session
// token" on a write of the profile name alone.
package getter

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/fixtures/envoverride/getter/creds"
)

type local struct {
	region string
	token  string
}

func (l *local) Region() string { return l.region }
func (l *local) Token() string  { return l.token }

func save(ctx context.Context, c *sts.Client) {
	s := creds.Login(ctx, c, "dev")
	_ = os.WriteFile("/tmp/profile", []byte(s.Profile()), 0o600)
	_ = os.WriteFile("/tmp/token", []byte(s.Token()), 0o600) // want `os\.WriteFile writes a session token from sts\.AssumeRole output`

	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	l := &local{region: "eu-west-1", token: *out.Credentials.SessionToken}
	_ = os.WriteFile("/tmp/region", []byte(l.Region()), 0o600)
	_ = os.WriteFile("/tmp/token", []byte(l.Token()), 0o600) // want `os\.WriteFile writes a session token from sts\.AssumeRole output`
}
