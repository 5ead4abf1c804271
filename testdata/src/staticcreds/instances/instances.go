// Package instances: two instances of one struct type keep their own
// credentials. A public credential tool's trails named another
// instance's source (a credential-process assumer instead of the
// AssumeRoleWithSAML call that produced the credentials), and a session
// built from long-lived keys was reported because another session of
// the same type held AssumeRole output.
package instances

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

type session struct {
	creds  aws.Credentials
	region string
}

func newSAML(ctx context.Context, c *sts.Client) *session {
	out, err := c.AssumeRoleWithSAML(ctx, &sts.AssumeRoleWithSAMLInput{})
	if err != nil {
		return nil
	}
	s := &session{region: "eu-west-1"}
	s.creds = aws.Credentials{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
	}
	return s
}

func newAssumed(ctx context.Context, c *sts.Client) *session {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return nil
	}
	s := &session{}
	s.creds = aws.Credentials{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
	}
	return s
}

// Long-lived keys: the session holds nothing temporary.
func newKeys(id, secret string) *session {
	return &session{creds: aws.Credentials{AccessKeyID: id, SecretAccessKey: secret}}
}

func providers(ctx context.Context, c *sts.Client, id, secret string) []aws.CredentialsProvider {
	saml := newSAML(ctx, c)
	keys := newKeys(id, secret)
	return []aws.CredentialsProvider{
		credentials.StaticCredentialsProvider{Value: saml.creds}, // want `static credentials built from sts\.AssumeRoleWithSAML output`
		// Not reported: this instance holds the long-lived keys.
		credentials.StaticCredentialsProvider{Value: keys.creds},
	}
}

// Package-level sessions: each variable holds the instance its
// initializer made.
var (
	samlSession = newSAML(context.Background(), sts.New(sts.Options{}))
	keySession  = newKeys("AKIA...", "secret")
)

func fromGlobals() []aws.CredentialsProvider {
	return []aws.CredentialsProvider{
		credentials.StaticCredentialsProvider{Value: samlSession.creds}, // want `static credentials built from sts\.AssumeRoleWithSAML output`
		credentials.StaticCredentialsProvider{Value: keySession.creds},
	}
}

// A method reads whichever instance it is called on: every source the
// type holds may reach it.
func (s *session) provider() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: s.creds} // want `static credentials built from sts\.AssumeRole output`
}

func assumed(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	return newAssumed(ctx, c).provider()
}

// A method that stores through its receiver may have been called on any
// instance: what it stores is seen through every one.
func (s *session) login(ctx context.Context, c *sts.Client) {
	out, err := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	if err != nil {
		return
	}
	s.creds.SessionToken = *out.Credentials.SessionToken
}

func loggedIn(ctx context.Context, c *sts.Client, id, secret string) aws.CredentialsProvider {
	s := newKeys(id, secret)
	s.login(ctx, c)
	return credentials.StaticCredentialsProvider{Value: s.creds} // want `static credentials built from sts\.GetSessionToken output`
}

// One of two instances, by a branch: both may reach the provider.
func either(ctx context.Context, c *sts.Client, id, secret string, saml bool) aws.CredentialsProvider {
	s := newKeys(id, secret)
	if saml {
		s = newSAML(ctx, c)
	}
	return credentials.StaticCredentialsProvider{Value: s.creds} // want `static credentials built from sts\.AssumeRoleWithSAML output`
}

// A package-level variable that a function assigns again holds either
// instance.
var current = newKeys("AKIA...", "secret")

func switchToSAML(ctx context.Context, c *sts.Client) { current = newSAML(ctx, c) }

func fromCurrent() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: current.creds} // want `static credentials built from sts\.AssumeRoleWithSAML output`
}

// An exported variable may be assigned by any importer: every instance
// may be behind it.
var Default = newKeys("AKIA...", "secret")

func fromDefault() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: Default.creds} // want `static credentials built from sts\.AssumeRole output`
}

// A session kept in a field: the field holds the instances the package
// stores into it (an unexported field, which no other package can set).
type holder struct {
	s *session
}

func (h *holder) useSAML(ctx context.Context, c *sts.Client) { h.s = newSAML(ctx, c) }

func (h *holder) provider() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: h.s.creds} // want `static credentials built from sts\.AssumeRoleWithSAML output`
}

type keyHolder struct {
	s *session
}

func newKeyHolder(id, secret string) *keyHolder { return &keyHolder{s: newKeys(id, secret)} }

func (h *keyHolder) provider() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: h.s.creds}
}

// An exported field may be set by any importer: every instance may be
// behind it.
type Exported struct {
	S *session
}

func (e *Exported) Provider() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: e.S.creds} // want `static credentials built from sts\.AssumeRole output`
}

// A store in a loop that never returns reaches no caller through the
// method's summary: it stays on the heap, where the goroutine reads it.
type worker struct {
	creds aws.Credentials
	out   []aws.CredentialsProvider
}

func startWorker(ctx context.Context, c *sts.Client) {
	w := &worker{}
	go w.serve()
	w.refresh(ctx, c)
}

func (w *worker) refresh(ctx context.Context, c *sts.Client) {
	for {
		out, err := c.AssumeRoleWithWebIdentity(ctx, &sts.AssumeRoleWithWebIdentityInput{})
		if err == nil {
			w.creds.SessionToken = *out.Credentials.SessionToken
		}
		time.Sleep(time.Minute)
	}
}

func (w *worker) serve() {
	w.out = append(w.out, credentials.StaticCredentialsProvider{Value: w.creds}) // want `static credentials built from sts\.AssumeRoleWithWebIdentity output`
}

// Phis of nested loops, solved together: the session may be the one a
// later iteration made.
func loopy(ctx context.Context, c *sts.Client, id, secret string, n int) aws.CredentialsProvider {
	s := newKeys(id, secret)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if j == 3 {
				s = newSAML(ctx, c)
			}
		}
	}
	return credentials.StaticCredentialsProvider{Value: s.creds} // want `static credentials built from sts\.AssumeRoleWithSAML output`
}

// A recursive factory: what it returns is not known, so every instance
// may be behind it.
func nested(ctx context.Context, c *sts.Client, depth int) *session {
	if depth == 0 {
		return newAssumed(ctx, c)
	}
	return nested(ctx, c, depth-1)
}

func fromNested(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: nested(ctx, c, 2).creds} // want `static credentials built from sts\.AssumeRole output`
}
