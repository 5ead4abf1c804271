// Package heapbroker declares the types whose fields carry credentials
// between packages: Session is filled by its own method, Holder by
// package heapfill; package heapapp freezes both.
package heapbroker

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

type Session struct {
	Creds   *ststypes.Credentials
	Profile string
}

// Login keeps the AssumeRole output in the session.
func (s *Session) Login(ctx context.Context, c *sts.Client) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	s.Creds = out.Credentials
	return nil
}

// Holder is filled by other packages.
type Holder struct {
	ID, Secret, Token string
	Region            string
}
