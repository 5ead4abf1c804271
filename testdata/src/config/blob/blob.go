// Package blob is a storage SDK whose Client the configuration declares
// a client type (singletonclient); Other is not declared.
package blob

import "github.com/aws/aws-sdk-go-v2/aws"

// Client talks to the blob store.
type Client struct{ p aws.CredentialsProvider }

// New returns a client that signs with p.
func New(p aws.CredentialsProvider) *Client { return &Client{p: p} }

// Other is another client type, not in the configuration.
type Other struct{ p aws.CredentialsProvider }

// NewOther returns an Other.
func NewOther(p aws.CredentialsProvider) *Other { return &Other{p: p} }
