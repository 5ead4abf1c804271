// Package xsource hands temporary credentials to other packages through
// an interface, an exported func variable, a field behind an accessor,
// and a returned method value.
package xsource

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

type Source interface {
	Get(ctx context.Context) (aws.Credentials, error)
}

type STS struct{ C *sts.Client }

func (s *STS) Get(ctx context.Context) (aws.Credentials, error) {
	out, err := s.C.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken}, nil
}

type Env struct{}

func (Env) Get(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: os.Getenv("K"), SecretAccessKey: os.Getenv("S")}, nil
}

var Fetch = FetchSTS

func FetchSTS(ctx context.Context) (*ststypes.Credentials, error) {
	out, err := sts.New(sts.Options{}).AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return nil, err
	}
	return out.Credentials, nil
}

type Client struct {
	creds *ststypes.Credentials
	Name  string
}

func NewClient(ctx context.Context) (*Client, error) {
	c, err := Fetch(ctx)
	if err != nil {
		return nil, err
	}
	return &Client{creds: c}, nil
}

func (c *Client) Creds() *ststypes.Credentials { return c.creds }

func Getter(s *STS) func(context.Context) (aws.Credentials, error) { return s.Get }
