// Package vault is a storage client that takes keys: the configuration
// makes NewStaticAuth and Auth.WithKeys static sinks.
package vault

import "github.com/aws/aws-sdk-go-v2/aws"

// Auth signs the vault's requests.
type Auth struct {
	key, secret, token string
	provider           aws.CredentialsProvider
}

// NewStaticAuth keeps the keys it is given for good.
func NewStaticAuth(key, secret, token string) *Auth {
	return &Auth{key: key, secret: secret, token: token}
}

// NewAuth asks the provider on every request: not a sink.
func NewAuth(p aws.CredentialsProvider) *Auth { return &Auth{provider: p} }

// WithKeys returns a copy of the Auth with fixed keys.
func (a *Auth) WithKeys(key, secret string) *Auth {
	b := *a
	b.key, b.secret = key, secret
	return &b
}

// WithRegion is not a sink.
func (a *Auth) WithRegion(region string) *Auth { return a }
