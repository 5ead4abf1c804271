package main

// Templates of the cloud packages: the files every AWS wrapper shares
// (client, retries, tags, a cache), awsconfig, the Google Cloud Storage and
// Azure Blob clients, the provider over the three, the credential broker
// and the child-process runner.
const opTmplAWS = `
{{define "aws_client"}}// Package {{.Name}} wraps the AWS {{.Svc.Noun}} API ({{.Svc.Import}})
// for the operator's controllers: paging, retries, tags and a cache.
package {{.Name}}

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "{{.Svc.Import}}"
	"github.com/aws/smithy-go"
{{range .Utils}}
	{{alias .}} "{{imp .}}"{{end}}
)

// Resource is one {{.Svc.Noun}} as the controllers see it.
type Resource struct {
	ID      string
	Name    string
	ARN     string
	State   string
	Tags    map[string]string
	Created time.Time
}

// Client calls the {{.Svc.Noun}} API.
type Client struct {
	api     *sdk.Client
	region  string
	retry   retryPolicy
	cache   *cache
	calls   atomic.Int64
	errors  atomic.Int64
	managed string
}

// An Option configures a Client.
type Option func(*Client)

// WithRetry sets the number of attempts and the first delay.
func WithRetry(attempts int, base time.Duration) Option {
	return func(c *Client) { c.retry = retryPolicy{attempts: attempts, base: base} }
}

// WithCacheTTL sets how long listed resources are reused.
func WithCacheTTL(ttl time.Duration) Option {
	return func(c *Client) { c.cache = newCache(ttl) }
}

// New returns a client for cfg's region and credentials.
func New(cfg aws.Config, opts ...Option) *Client {
	c := &Client{
		api:     sdk.NewFromConfig(cfg),
		region:  cfg.Region,
		retry:   retryPolicy{attempts: 4, base: 200 * time.Millisecond},
		cache:   newCache(30 * time.Second),
		managed: "infra-operator",
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// ErrNotFound is returned when a resource does not exist.
var ErrNotFound = errors.New("{{.Name}}: not found")

// List returns the resources whose name starts with prefix.
func (c *Client) List(ctx context.Context, prefix string) ([]Resource, error) {
	if rs, ok := c.cache.get(prefix); ok {
		return rs, nil
	}
	var out []Resource
	err := c.do(ctx, "list", func(ctx context.Context) error {
		var err error
		out, err = c.list(ctx, prefix)
		return err
	})
	if err != nil {
		return nil, err
	}
	c.cache.put(prefix, out)
	return out, nil
}

// Ensure returns the resource called name, creating it with tags if needed.
func (c *Client) Ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	var out Resource
	all := withManaged(tags, c.managed)
	err := c.do(ctx, "ensure", func(ctx context.Context) error {
		var err error
		out, err = c.ensure(ctx, name, all)
		return err
	})
	c.cache.drop()
	return out, err
}

// Delete deletes the resource; a missing one is not an error.
func (c *Client) Delete(ctx context.Context, id string) error {
	err := c.do(ctx, "delete", func(ctx context.Context) error { return c.remove(ctx, id) })
	c.cache.drop()
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// Stats returns the number of calls and failed calls.
func (c *Client) Stats() (calls, failed int64) {
	return c.calls.Load(), c.errors.Load()
}

// do runs f with retries for throttling and server errors.
func (c *Client) do(ctx context.Context, op string, f func(context.Context) error) error {
	var last error
	for attempt := 0; attempt < c.retry.attempts; attempt++ {
		c.calls.Add(1)
		err := f(ctx)
		if err == nil {
			return nil
		}
		c.errors.Add(1)
		last = classify(err)
		if !retryable(last) {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(c.retry.delay(attempt)):
		}
	}
	return fmt.Errorf("{{.Name}} %s (%s): %w", op, {{alias (index .Utils 1)}}.Short(c.region), last)
}

// classify maps API error codes to ErrNotFound.
func classify(err error) error {
	var api smithy.APIError
	if errors.As(err, &api) {
		switch api.ErrorCode() {
		case "NotFound", "NoSuchEntity", "ResourceNotFoundException", "NoSuchBucket", "NoSuchHostedZone",
			"LoadBalancerNotFound", "QueueDoesNotExist", "NotFoundException", "RepositoryNotFoundException":
			return fmt.Errorf("%w: %s", ErrNotFound, api.ErrorMessage())
		}
	}
	return err
}

// retryable reports whether err is worth another attempt.
func retryable(err error) bool {
	if errors.Is(err, ErrNotFound) || errors.Is(err, context.Canceled) {
		return false
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		switch api.ErrorCode() {
		case "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "ServiceUnavailable", "InternalError":
			return true
		}
		return api.ErrorFault() == smithy.FaultServer
	}
	return {{alias (index .Utils 0)}}.Transient(err)
}
{{end}}

{{define "aws_retry"}}package {{.Name}}

import (
	"math/rand/v2"
	"time"
)

// retryPolicy is capped exponential backoff with jitter.
type retryPolicy struct {
	attempts int
	base     time.Duration
}

// delay returns how long to wait before attempt+1.
func (p retryPolicy) delay(attempt int) time.Duration {
	d := p.base << uint(attempt)
	if max := 20 * time.Second; d > max || d <= 0 {
		d = max
	}
	jitter := time.Duration(rand.Int64N(int64(d)/2 + 1))
	return d/2 + jitter
}
{{end}}

{{define "aws_tags"}}package {{.Name}}

import (
	"sort"
	"strings"
)

type tag struct{ Key, Value string }

// sortedTags returns the tags in key order.
func sortedTags(m map[string]string) []tag {
	out := make([]tag, 0, len(m))
	for k, v := range m {
		out = append(out, tag{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// withManaged returns tags plus the managed-by tag.
func withManaged(tags map[string]string, by string) map[string]string {
	out := make(map[string]string, len(tags)+1)
	for k, v := range tags {
		if !strings.HasPrefix(k, "aws:") {
			out[k] = v
		}
	}
	out["managed-by"] = by
	return out
}

// withName returns tags plus the Name tag.
func withName(tags map[string]string, name string) map[string]string {
	out := withManaged(tags, tags["managed-by"])
	out["Name"] = name
	return out
}

// Diff returns the keys whose values differ between have and want.
func Diff(have, want map[string]string) []string {
	var keys []string
	for k, v := range want {
		if have[k] != v {
			keys = append(keys, k)
		}
	}
	for k := range have {
		if _, ok := want[k]; !ok && !strings.HasPrefix(k, "aws:") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}
{{end}}

{{define "aws_cache"}}package {{.Name}}

import (
	"sync"
	"time"
)

// cache keeps listings for a short time, so that one reconcile pass does
// not list the same resources once per object.
type cache struct {
	mu      sync.Mutex
	ttl     time.Duration
	entries map[string]cacheEntry
}

type cacheEntry struct {
	at        time.Time
	resources []Resource
}

func newCache(ttl time.Duration) *cache {
	return &cache{ttl: ttl, entries: make(map[string]cacheEntry)}
}

func (c *cache) get(key string) ([]Resource, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || time.Since(e.at) > c.ttl {
		return nil, false
	}
	return append([]Resource(nil), e.resources...), true
}

func (c *cache) put(key string, rs []Resource) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = cacheEntry{at: time.Now(), resources: append([]Resource(nil), rs...)}
}

func (c *cache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
}
{{end}}
`

const opTmplCloud = `
{{define "awsconfig"}}// Package awsconfig loads the operator's AWS configuration: the default
// chain, optionally an assumed role that refreshes itself.
package awsconfig

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Options select the region, profile and role.
type Options struct {
	Region      string
	Profile     string
	RoleARN     string
	ExternalID  string
	SessionName string
	Duration    time.Duration
}

// Load returns a config; with a RoleARN its credentials are the role's,
// cached and refreshed before they expire.
func Load(ctx context.Context, o Options) (aws.Config, error) {
	var opts []func(*config.LoadOptions) error
	if o.Region != "" {
		opts = append(opts, config.WithRegion(o.Region))
	}
	if o.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(o.Profile))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return aws.Config{}, fmt.Errorf("load AWS config: %w", err)
	}
	if o.RoleARN == "" {
		return cfg, nil
	}
	name := o.SessionName
	if name == "" {
		name = "infra-operator"
	}
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), o.RoleARN, func(ao *stscreds.AssumeRoleOptions) {
		ao.RoleSessionName = name
		if o.ExternalID != "" {
			ao.ExternalID = aws.String(o.ExternalID)
		}
		if o.Duration > 0 {
			ao.Duration = o.Duration
		}
	}))
	return cfg, nil
}
{{end}}

{{define "gcs"}}// Package gcs stores objects in Google Cloud Storage.
package gcs

import (
	"context"
	"errors"
	"fmt"
	"io"

	"cloud.google.com/go/storage"
	"google.golang.org/api/iterator"
)

// Client is a Cloud Storage client.
type Client struct {
	c *storage.Client
}

// New returns a client with the application default credentials.
func New(ctx context.Context) (*Client, error) {
	c, err := storage.NewClient(ctx)
	if err != nil {
		return nil, fmt.Errorf("gcs: %w", err)
	}
	return &Client{c: c}, nil
}

// Put writes data to bucket/key.
func (c *Client) Put(ctx context.Context, bucket, key string, data []byte) error {
	w := c.c.Bucket(bucket).Object(key).NewWriter(ctx)
	if _, err := w.Write(data); err != nil {
		_ = w.Close()
		return err
	}
	return w.Close()
}

// Get reads bucket/key.
func (c *Client) Get(ctx context.Context, bucket, key string) ([]byte, error) {
	r, err := c.c.Bucket(bucket).Object(key).NewReader(ctx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// Sizes lists the objects under prefix with their sizes.
func (c *Client) Sizes(ctx context.Context, bucket, prefix string) (map[string]int64, error) {
	it := c.c.Bucket(bucket).Objects(ctx, &storage.Query{Prefix: prefix})
	out := make(map[string]int64)
	for {
		a, err := it.Next()
		if errors.Is(err, iterator.Done) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out[a.Name] = a.Size
	}
}
{{end}}

{{define "blob"}}// Package blob stores objects in Azure Blob Storage.
package blob

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

// Client is a Blob Storage client.
type Client struct {
	c *azblob.Client
}

// New returns a client for the account URL with the default credential.
func New(accountURL string) (*Client, error) {
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		return nil, fmt.Errorf("azure credential: %w", err)
	}
	c, err := azblob.NewClient(accountURL, cred, nil)
	if err != nil {
		return nil, err
	}
	return &Client{c: c}, nil
}

// Put uploads data to container/name.
func (c *Client) Put(ctx context.Context, container, name string, data []byte) error {
	_, err := c.c.UploadBuffer(ctx, container, name, data, nil)
	return err
}

// Sizes lists the blobs under prefix with their sizes.
func (c *Client) Sizes(ctx context.Context, container, prefix string) (map[string]int64, error) {
	pager := c.c.NewListBlobsFlatPager(container, &azblob.ListBlobsFlatOptions{Prefix: &prefix})
	out := make(map[string]int64)
	for pager.More() {
		page, err := pager.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, b := range page.Segment.BlobItems {
			if b.Name == nil {
				continue
			}
			var n int64
			if b.Properties != nil && b.Properties.ContentLength != nil {
				n = *b.Properties.ContentLength
			}
			out[*b.Name] = n
		}
	}
	return out, nil
}
{{end}}

{{define "provider"}}// Package provider puts one interface over the three clouds' object
// stores, for the controllers that archive state.
package provider

import (
	"context"
	"fmt"

	"{{imp "internal/cloud/aws/awsconfig"}}"
	awss3 "{{imp "internal/cloud/aws/s3"}}"
	"{{imp "internal/cloud/azure/blob"}}"
	"{{imp "internal/cloud/gcp/gcs"}}"
)

// Provider stores and lists objects.
type Provider interface {
	Name() string
	Put(ctx context.Context, bucket, key string, data []byte) error
	Sizes(ctx context.Context, bucket, prefix string) (map[string]int64, error)
}

// Options select the cloud.
type Options struct {
	Cloud      string // aws, gcp or azure
	Region     string
	RoleARN    string
	AccountURL string
}

// New returns the provider for o.Cloud.
func New(ctx context.Context, o Options) (Provider, error) {
	switch o.Cloud {
	case "", "aws":
		cfg, err := awsconfig.Load(ctx, awsconfig.Options{Region: o.Region, RoleARN: o.RoleARN})
		if err != nil {
			return nil, err
		}
		return awsProvider{awss3.New(cfg)}, nil
	case "gcp":
		c, err := gcs.New(ctx)
		if err != nil {
			return nil, err
		}
		return gcpProvider{c}, nil
	case "azure":
		c, err := blob.New(o.AccountURL)
		if err != nil {
			return nil, err
		}
		return azureProvider{c}, nil
	}
	return nil, fmt.Errorf("provider: unknown cloud %q", o.Cloud)
}

type awsProvider struct{ c *awss3.Client }

func (p awsProvider) Name() string { return "aws" }
func (p awsProvider) Put(ctx context.Context, bucket, key string, data []byte) error {
	return p.c.Put(ctx, bucket, key, data)
}
func (p awsProvider) Sizes(ctx context.Context, bucket, prefix string) (map[string]int64, error) {
	return p.c.Objects(ctx, bucket, prefix)
}

type gcpProvider struct{ c *gcs.Client }

func (p gcpProvider) Name() string { return "gcp" }
func (p gcpProvider) Put(ctx context.Context, bucket, key string, data []byte) error {
	return p.c.Put(ctx, bucket, key, data)
}
func (p gcpProvider) Sizes(ctx context.Context, bucket, prefix string) (map[string]int64, error) {
	return p.c.Sizes(ctx, bucket, prefix)
}

type azureProvider struct{ c *blob.Client }

func (p azureProvider) Name() string { return "azure" }
func (p azureProvider) Put(ctx context.Context, bucket, key string, data []byte) error {
	return p.c.Put(ctx, bucket, key, data)
}
func (p azureProvider) Sizes(ctx context.Context, bucket, prefix string) (map[string]int64, error) {
	return p.c.Sizes(ctx, bucket, prefix)
}
{{end}}

{{define "broker"}}// Package broker hands out AssumeRole credentials as a plain struct, for
// controllers that act in other accounts. It builds no provider, so it
// has no finding itself.
package broker

import (
	"context"
	"errors"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Session is a set of temporary credentials.
type Session struct {
	Key     string
	Secret  string
	Token   string
	Expires time.Time
}

// Fetch assumes arn and returns the temporary credentials.
func Fetch(ctx context.Context, c *sts.Client, arn string) (Session, error) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn:         aws.String(arn),
		RoleSessionName: aws.String("infra-operator-broker"),
	})
	if err != nil {
		return Session{}, err
	}
	if out.Credentials == nil {
		return Session{}, errors.New("broker: AssumeRole returned no credentials")
	}
	return Session{
		Key:     aws.ToString(out.Credentials.AccessKeyId),
		Secret:  aws.ToString(out.Credentials.SecretAccessKey),
		Token:   aws.ToString(out.Credentials.SessionToken),
		Expires: aws.ToTime(out.Credentials.Expiration),
	}, nil
}
{{end}}

{{define "runner"}}// Package runner runs the operator's helper commands. It imports no AWS
// package. Seeded findings: envoverride.
package runner

import (
	"context"
	"os"
	"os/exec"
)

// Export sets the region (not a secret) and the session token.
func Export(token, region string) error {
	if err := os.Setenv("AWS_REGION", region); err != nil { // not reported
		return err
	}
	return os.Setenv("AWS_SESSION_TOKEN", token) // seeded: envoverride
}

// Command returns an AWS CLI command with the token in its environment.
func Command(ctx context.Context, token string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "aws", args...)
	cmd.Env = append(os.Environ(), "AWS_SESSION_TOKEN="+token) // seeded: envoverride
	return cmd
}

// RegionCommand passes only non-secret settings: not reported.
func RegionCommand(ctx context.Context, region string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "aws", args...)
	cmd.Env = append(os.Environ(), "AWS_REGION="+region) // not reported
	return cmd
}
{{end}}
`
