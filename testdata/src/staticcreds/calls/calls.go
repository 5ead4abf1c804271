// Package calls exercises calls through values: bound method values,
// method expressions, function variables, struct fields of function type
// and interface methods resolved to their implementations.
package calls

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

type broker struct{ c *sts.Client }

// fetch returns temporary credentials.
func (b *broker) fetch(ctx context.Context) (*ststypes.Credentials, error) {
	out, err := b.c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return nil, err
	}
	return out.Credentials, nil
}

// keys returns long-lived keys in the same shape.
func (b *broker) keys(context.Context) (*ststypes.Credentials, error) {
	return &ststypes.Credentials{AccessKeyId: aws.String(os.Getenv("K")), SecretAccessKey: aws.String(os.Getenv("S"))}, nil
}

type fetchFunc func(context.Context) (*ststypes.Credentials, error)

// freeze builds a static provider from what its argument returns.
func freeze(ctx context.Context, get fetchFunc) aws.CredentialsProvider {
	c, err := get(ctx)
	if err != nil {
		return nil
	}
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, aws.ToString(c.SessionToken))
}

// A bound method value passed to a helper.
func methodValue(ctx context.Context, b *broker) aws.CredentialsProvider {
	return freeze(ctx, b.fetch) // want `calls\.freeze builds credentials\.NewStaticCredentialsProvider from sts\.AssumeRole output`
}

func methodValueKeys(ctx context.Context, b *broker) aws.CredentialsProvider {
	return freeze(ctx, b.keys)
}

// A bound method value called where it is taken.
func localMethodValue(ctx context.Context, b *broker) aws.CredentialsProvider {
	get := b.fetch
	c, _ := get(ctx)
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

// A method expression.
func methodExpr(ctx context.Context, b *broker) aws.CredentialsProvider {
	c, _ := (*broker).fetch(b, ctx)
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

func methodExprKeys(ctx context.Context, b *broker) aws.CredentialsProvider {
	c, _ := (*broker).keys(b, ctx)
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, aws.ToString(c.SessionToken))
}

// Function variables assigned in init.
var (
	fetchCreds fetchFunc
	fetchKeys  fetchFunc
)

func init() {
	b := &broker{c: sts.New(sts.Options{})}
	fetchCreds = b.fetch
	fetchKeys = b.keys
}

func funcVar(ctx context.Context) aws.CredentialsProvider {
	c, _ := fetchCreds(ctx)
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

func funcVarKeys(ctx context.Context) aws.CredentialsProvider {
	c, _ := fetchKeys(ctx)
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, aws.ToString(c.SessionToken))
}

// A struct field of function type, set by a constructor.
type uploader struct{ credsFn fetchFunc }

func newUploader(b *broker) *uploader { return &uploader{credsFn: b.fetch} }

func (u *uploader) provider(ctx context.Context) aws.CredentialsProvider {
	c, _ := u.credsFn(ctx)
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

type keyUploader struct{ keysFn fetchFunc }

func newKeyUploader(b *broker) *keyUploader { return &keyUploader{keysFn: b.keys} }

func (u *keyUploader) provider(ctx context.Context) aws.CredentialsProvider {
	c, _ := u.keysFn(ctx)
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, aws.ToString(c.SessionToken))
}

// An interface with two implementations: one asks STS, one returns
// long-lived keys. A caller of the interface may be handed either.
type source interface {
	Credentials(ctx context.Context) (aws.Credentials, error)
}

type stsSource struct{ c *sts.Client }

func (s stsSource) Credentials(ctx context.Context) (aws.Credentials, error) {
	out, err := s.c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
		CanExpire:       true,
		Expires:         *out.Credentials.Expiration,
	}, nil
}

type envSource struct{}

func (envSource) Credentials(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: os.Getenv("K"), SecretAccessKey: os.Getenv("S")}, nil
}

func fromSource(ctx context.Context, src source) aws.CredentialsProvider {
	v, _ := src.Credentials(ctx)
	return credentials.StaticCredentialsProvider{Value: v} // want `static credentials built from sts\.AssumeRole output`
}

// The refreshing adapter asks the source on every Retrieve: not reported.
type sourceProvider struct{ src source }

func (p sourceProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	return p.src.Credentials(ctx)
}

func refreshing(src source) aws.CredentialsProvider {
	return aws.NewCredentialsCache(sourceProvider{src: src})
}

// An interface whose implementations all return long-lived keys: not
// reported.
type keySource interface{ Keys() (string, string) }

type envKeys struct{}

func (envKeys) Keys() (string, string) { return os.Getenv("K"), os.Getenv("S") }

func fromKeySource(k keySource) aws.CredentialsProvider {
	id, secret := k.Keys()
	return credentials.NewStaticCredentialsProvider(id, secret, "")
}
