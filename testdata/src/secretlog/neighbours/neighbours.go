// Package neighbours: a value read from one field of a struct carries
// that field's provenance, not its neighbours'. A public controller got
// two secretlog findings for a Debug call that logged a profile name,
// through a builder whose credentials field that code never set: the
// logger, read from the same struct, was taken to carry the credentials.
package neighbours

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/sirupsen/logrus"
)

type builder struct {
	log     *logrus.Logger
	profile string
	creds   aws.Credentials
}

func newBuilder(profile string) *builder {
	return &builder{log: logrus.New(), profile: profile}
}

// Not reported: the logger and the profile name carry no credentials.
func (b *builder) describe() {
	b.log.Debugf("building a client for profile %s", b.profile)
}

// The credentials field is set by another method, on whatever instance.
func (b *builder) login(ctx context.Context, c *sts.Client) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	b.creds = aws.Credentials{SessionToken: *out.Credentials.SessionToken}
	b.log.Debugf("logged in as %s", b.profile)
	return nil
}

// Reported: this one logs the token.
func (b *builder) dump() {
	b.log.Debugf("token %s", b.creds.SessionToken) // want `logs a session token`
}

func run(ctx context.Context, c *sts.Client) {
	b := newBuilder("dev")
	b.describe()
	_ = b.login(ctx, c)
	b.describe()
	b.dump()
}
