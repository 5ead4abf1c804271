// Package creds holds a session's profile name and credentials, with
// getters, as a public CLI does.
package creds

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sts"
)

type Session struct {
	profile string
	token   string
}

func (s *Session) Profile() string { return s.profile }
func (s *Session) Token() string   { return s.token }

func Login(ctx context.Context, c *sts.Client, profile string) *Session {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return &Session{profile: profile, token: *out.Credentials.SessionToken}
}
