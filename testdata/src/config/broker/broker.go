// Package broker is a company's own token service client: it imports no
// AWS SDK, and only the configuration says that Fetch and Renew return
// temporary credentials.
package broker

import (
	"context"
	"time"
)

// Creds are temporary credentials as the broker hands them out.
type Creds struct {
	AccessKeyID, SecretAccessKey, SessionToken string
	Expires                                    time.Time
}

// Client talks to the broker.
type Client struct{ URL string }

// Fetch returns temporary credentials for a role (a source, by the
// configuration).
func (c *Client) Fetch(ctx context.Context, role string) (Creds, error) {
	return Creds{AccessKeyID: "AKIA" + role, SecretAccessKey: c.URL, SessionToken: c.URL}, nil
}

// Describe returns the role's settings: not a source.
func (c *Client) Describe(ctx context.Context, role string) (Creds, error) {
	return Creds{AccessKeyID: role}, nil
}

// A Grant is a lease whose Creds field carries the credentials.
type Grant struct {
	ID    string
	Creds Creds
}

// Renew renews a lease (a source in its field Creds, by the configuration).
func Renew(ctx context.Context, id string) (Grant, error) {
	return Grant{ID: id, Creds: Creds{AccessKeyID: id, SecretAccessKey: id, SessionToken: id}}, nil
}

// An Issuer hands out credentials; the configuration makes its Issue
// method a source, whatever implements it.
type Issuer interface {
	Issue(ctx context.Context) (Creds, error)
}
