// Package shapes exercises more shapes of memory: embedded structs (by
// value and by pointer), value receivers, maps and channels of structs
// (read field by field), a generic cache, a closure called later, a
// goroutine that sets a field, and an interface value asserted back.
package shapes

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

// An embedded struct: the promoted field is the embedded type's.
type base struct{ creds aws.Credentials }
type svc struct {
	base
	name string
}

func (s *svc) init(ctx context.Context, p aws.CredentialsProvider) { s.creds, _ = p.Retrieve(ctx) }
func (b *base) provider() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: b.creds} // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// A pointer-embedded struct.
type inner struct{ tok string }
type outer struct{ *inner }

func (o *outer) set(ctx context.Context, c *sts.Client) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	o.tok = *out.Credentials.SessionToken
}
func (i *inner) prov() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider("a", "b", i.tok) // want `static credentials built from sts\.AssumeRole output`
}

// A value receiver: a copy of the object the heap stands for.
type holder struct{ c *ststypes.Credentials }

func (h *holder) load(ctx context.Context, c *sts.Client) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	h.c = out.Credentials
}
func (h holder) prov() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(*h.c.AccessKeyId, *h.c.SecretAccessKey, *h.c.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

// A package-level map of structs: a field read back is that field's;
// the expiry beside the credentials is not a credential.
type entry struct {
	creds   aws.Credentials
	expires time.Time
}

var byName = map[string]entry{}

func put(ctx context.Context, p aws.CredentialsProvider) {
	v, _ := p.Retrieve(ctx)
	byName["x"] = entry{creds: v, expires: v.Expires}
}
func get() aws.CredentialsProvider {
	e := byName["x"]
	return credentials.StaticCredentialsProvider{Value: e.creds} // want `static credentials built from a one-off Retrieve\(\) snapshot`
}
func meta() aws.CredentialsProvider {
	e := byName["x"]
	return credentials.NewStaticCredentialsProvider(e.expires.String(), "", "")
}

// A channel of structs.
type sess struct{ k, s, t string }

func viaChan(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	ch := make(chan sess, 1)
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	ch <- sess{*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken}
	x := <-ch
	return credentials.NewStaticCredentialsProvider(x.k, x.s, x.t) // want `static credentials built from sts\.AssumeRole output`
}

// A generic cache.
type Cache[T any] struct{ m map[string]T }

func (c *Cache[T]) Put(k string, v T) { c.m[k] = v }
func (c *Cache[T]) Get(k string) T    { return c.m[k] }

var cc = &Cache[aws.Credentials]{m: map[string]aws.Credentials{}}

func gput(ctx context.Context, p aws.CredentialsProvider) {
	v, _ := p.Retrieve(ctx)
	cc.Put("k", v)
}
func gget() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: cc.Get("k")} // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// A closure over the credentials, called later.
func later(ctx context.Context, c *sts.Client) func() aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	creds := out.Credentials
	return func() aws.CredentialsProvider {
		return credentials.NewStaticCredentialsProvider(*creds.AccessKeyId, *creds.SecretAccessKey, *creds.SessionToken) // want `static credentials built from sts\.AssumeRole output`
	}
}

// A goroutine sets a field.
type w2 struct{ v aws.Credentials }

func (w *w2) start(ctx context.Context, p aws.CredentialsProvider) {
	go func() {
		w.v, _ = p.Retrieve(ctx)
	}()
}
func (w *w2) use() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: w.v} // want `static credentials built from a one-off Retrieve\(\) snapshot`
}

// An interface value returned and asserted back.
func fetchAny(ctx context.Context, c *sts.Client) any {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return out.Credentials
}
func useAny(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	cr := fetchAny(ctx, c).(*ststypes.Credentials)
	return credentials.NewStaticCredentialsProvider(*cr.AccessKeyId, *cr.SecretAccessKey, *cr.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}
