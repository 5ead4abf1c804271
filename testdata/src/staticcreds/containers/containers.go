// Package containers exercises credentials kept in maps (local, in a
// struct field, package-level), a sync.Map, an atomic.Pointer, a channel
// and a slice, and read back later.
package containers

import (
	"context"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

// A local map.
func localMap(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	byRole := map[string]*ststypes.Credentials{}
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	byRole["prod"] = out.Credentials
	cr := byRole["prod"]
	return credentials.NewStaticCredentialsProvider(*cr.AccessKeyId, *cr.SecretAccessKey, *cr.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

// A local map of expiry times: not reported.
func localMapExpiry(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	expiry := map[string]time.Time{}
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	expiry["prod"] = *out.Credentials.Expiration
	return credentials.NewStaticCredentialsProvider(expiry["prod"].String(), "", "")
}

// A map in a struct field, filled by one method, read by another.
type registry struct {
	mu     sync.Mutex
	byRole map[string]aws.Credentials
}

func (r *registry) put(role string, v aws.Credentials) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byRole[role] = v
}

func (r *registry) login(ctx context.Context, p aws.CredentialsProvider, role string) error {
	v, err := p.Retrieve(ctx)
	if err != nil {
		return err
	}
	r.put(role, v)
	return nil
}

func (r *registry) provider(role string) aws.CredentialsProvider {
	r.mu.Lock()
	defer r.mu.Unlock()
	return credentials.StaticCredentialsProvider{Value: r.byRole[role]} // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// A map field of long-lived keys: not reported.
type keyring struct{ keys map[string][2]string }

func (k *keyring) load() { k.keys["default"] = [2]string{os.Getenv("K"), os.Getenv("S")} }

func (k *keyring) provider() aws.CredentialsProvider {
	kp := k.keys["default"]
	return credentials.NewStaticCredentialsProvider(kp[0], kp[1], "")
}

// A package-level map.
var sessions = map[string]*ststypes.Credentials{}

func remember(ctx context.Context, c *sts.Client, name string) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err == nil {
		sessions[name] = out.Credentials
	}
}

func recall(name string) aws.CredentialsProvider {
	s := sessions[name]
	return credentials.NewStaticCredentialsProvider(*s.AccessKeyId, *s.SecretAccessKey, *s.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

// Ranging over it.
func recallAll() []aws.CredentialsProvider {
	var out []aws.CredentialsProvider
	for _, s := range sessions {
		out = append(out, credentials.NewStaticCredentialsProvider(*s.AccessKeyId, *s.SecretAccessKey, *s.SessionToken)) // want `static credentials built from sts\.AssumeRole output`
	}
	return out
}

// A package-level map of regions: not reported.
var regions = map[string]string{}

func setRegion(name string) { regions[name] = os.Getenv("AWS_REGION") }

func regionProvider(name string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(regions[name], "", "")
}

// A sync.Map.
var cache sync.Map

func store(ctx context.Context, cfg aws.Config) {
	if v, err := cfg.Credentials.Retrieve(ctx); err == nil {
		cache.Store("default", v)
	}
}

func load() aws.CredentialsProvider {
	v, ok := cache.Load("default")
	if !ok {
		return nil
	}
	return credentials.StaticCredentialsProvider{Value: v.(aws.Credentials)} // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// A sync.Map of long-lived keys: not reported.
var keyCache sync.Map

func storeKeys() {
	keyCache.Store("default", aws.Credentials{AccessKeyID: os.Getenv("K"), SecretAccessKey: os.Getenv("S")})
}

func loadKeys() aws.CredentialsProvider {
	v, _ := keyCache.Load("default")
	return credentials.StaticCredentialsProvider{Value: v.(aws.Credentials)}
}

// An atomic.Pointer swapped by a refresher goroutine.
var current atomic.Pointer[aws.Credentials]

func refresh(ctx context.Context, p aws.CredentialsProvider) {
	v, err := p.Retrieve(ctx)
	if err == nil {
		current.Store(&v)
	}
}

func currentProvider() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: *current.Load()} // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// A channel from a goroutine.
func viaChannel(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	ch := make(chan *ststypes.Credentials, 1)
	go func() {
		out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
		if err == nil {
			ch <- out.Credentials
		}
	}()
	cr := <-ch
	return credentials.NewStaticCredentialsProvider(*cr.AccessKeyId, *cr.SecretAccessKey, *cr.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

// A channel of long-lived keys: not reported.
func keysChannel() aws.CredentialsProvider {
	ch := make(chan [2]string, 1)
	ch <- [2]string{os.Getenv("K"), os.Getenv("S")}
	kp := <-ch
	return credentials.NewStaticCredentialsProvider(kp[0], kp[1], "")
}

// A slice.
func viaSlice(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	var all []aws.Credentials
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	all = append(all, aws.Credentials{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
	})
	return credentials.StaticCredentialsProvider{Value: all[0]} // want `static credentials built from sts\.AssumeRole output`
}

// A slice in a struct field, appended to by one method, read by another.
type pool struct{ creds []*ststypes.Credentials }

func (p *pool) add(ctx context.Context, c *sts.Client) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err == nil {
		p.creds = append(p.creds, out.Credentials)
	}
}

func (p *pool) first() aws.CredentialsProvider {
	cr := p.creds[0]
	return credentials.NewStaticCredentialsProvider(*cr.AccessKeyId, *cr.SecretAccessKey, *cr.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

// A slice of expiry times: not reported.
func expirySlice(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	var times []time.Time
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	times = append(times, *out.Credentials.Expiration)
	return credentials.NewStaticCredentialsProvider(times[0].String(), "", "")
}
