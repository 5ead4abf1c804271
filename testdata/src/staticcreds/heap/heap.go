// Package heap exercises staticcreds on temporary credentials kept in
// memory that outlives a call: struct fields of the user's types, a
// package-level server struct, and provider types that cache what they
// fetched. Each value is stored by one function and frozen by another.
package heap

import (
	"context"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

// A worker stores AssumeRole output once, at start-up...
type Worker struct {
	sts   *sts.Client
	role  string
	creds *ststypes.Credentials
}

func (w *Worker) Start(ctx context.Context) error {
	out, err := w.sts.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(w.role)})
	if err != nil {
		return err
	}
	w.creds = out.Credentials
	return nil
}

// ... and its jobs, hours later, freeze it.
func (w *Worker) Job(ctx context.Context) *s3.Client {
	p := credentials.NewStaticCredentialsProvider(*w.creds.AccessKeyId, *w.creds.SecretAccessKey, *w.creds.SessionToken) // want `static credentials built from sts\.AssumeRole output \(.+\) never refresh`
	return s3.New(s3.Options{Credentials: p})
}

// Only the role and the expiry of the stored session: not reported.
func (w *Worker) Describe() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(w.role, w.creds.Expiration.String(), "")
}

// A converted aws.Credentials kept in a field.
type Cache struct {
	mu    sync.Mutex
	value aws.Credentials
}

func (c *Cache) Refresh(ctx context.Context, client *sts.Client) error {
	out, err := client.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.value = aws.Credentials{
		AccessKeyID:     aws.ToString(out.Credentials.AccessKeyId),
		SecretAccessKey: aws.ToString(out.Credentials.SecretAccessKey),
		SessionToken:    aws.ToString(out.Credentials.SessionToken),
	}
	return nil
}

func (c *Cache) Provider() aws.CredentialsProvider {
	c.mu.Lock()
	defer c.mu.Unlock()
	return credentials.StaticCredentialsProvider{Value: c.value} // want `static credentials built from sts\.GetSessionToken output`
}

// Long-lived keys kept in a field: not reported.
type KeyStore struct{ id, secret string }

func (k *KeyStore) Load() {
	k.id, k.secret = os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
}

func (k *KeyStore) Provider() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(k.id, k.secret, "")
}

// A refreshing provider kept in a field, and the expiry kept beside it:
// not reported.
type Refresher struct {
	provider aws.CredentialsProvider
	expires  time.Time
}

func (r *Refresher) Init(ctx context.Context, c *sts.Client) {
	r.provider = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(c, "arn"))
	if v, err := r.provider.Retrieve(ctx); err == nil {
		r.expires = v.Expires
	}
}

func (r *Refresher) Client() *s3.Client {
	return s3.New(s3.Options{Credentials: r.provider})
}

func (r *Refresher) Label() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(r.expires.String(), "", "")
}

// A field of a package-level server struct, set at start-up.
type server struct {
	bucket string
	creds  aws.Credentials
}

var srv server

func setup(ctx context.Context, cfg aws.Config) error {
	v, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	srv.creds = v
	return nil
}

func handler() *s3.Client {
	return s3.New(s3.Options{Credentials: credentials.StaticCredentialsProvider{Value: srv.creds}}) // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// Only the bucket of the server: not reported.
func bucketProvider() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(srv.bucket, "", "")
}

// A provider that keeps the first answer of its source forever: the
// chained role built on it fails once the frozen base session ends.
type onceProvider struct {
	base   aws.CredentialsProvider
	mu     sync.Mutex
	cached *aws.Credentials
}

func (p *onceProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cached != nil {
		return *p.cached, nil
	}
	v, err := p.base.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	p.cached = &v // want `onceProvider\.Retrieve keeps the first credentials it gets \(a one-off Retrieve\(\) snapshot \(.+\)\) in p\.cached and returns them forever`
	return v, nil
}

func chained(cfg aws.Config) aws.CredentialsProvider {
	base := sts.NewFromConfig(aws.Config{Region: cfg.Region, Credentials: &onceProvider{base: cfg.Credentials}})
	return aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(base, "arn"))
}

// The same cache, asked again once the credentials expire: not reported.
type expiringProvider struct {
	base   aws.CredentialsProvider
	mu     sync.Mutex
	cached aws.Credentials
}

func (p *expiringProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cached.HasKeys() && !p.cached.Expired() {
		return p.cached, nil
	}
	v, err := p.base.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	p.cached = v
	return v, nil
}

// A cache that compares the expiry itself: not reported.
type deadlineProvider struct {
	base   aws.CredentialsProvider
	cached aws.Credentials
	until  time.Time
}

func (p *deadlineProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	if time.Now().Before(p.until) {
		return p.cached, nil
	}
	v, err := p.base.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	p.cached, p.until = v, v.Expires.Add(-time.Minute)
	return v, nil
}
