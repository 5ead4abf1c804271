// Package v2 exercises staticcreds on the AWS SDK for Go v2: every
// positive has a negative beside it.
package v2

import (
	"context"
	"flag"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

// AssumeRole output frozen with aws.ToString: the canonical bug.
func assumeRoleToString(ctx context.Context, cfg aws.Config, c *sts.Client) aws.Config {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn"), RoleSessionName: aws.String("s")})
	if err != nil {
		log.Fatal(err)
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider( // want `static credentials built from sts\.AssumeRole output \(.+\) never refresh and fail with ExpiredToken when the session ends; use aws\.NewCredentialsCache\(stscreds\.NewAssumeRoleProvider\(stsClient, roleARN\)\)`
		aws.ToString(out.Credentials.AccessKeyId),
		aws.ToString(out.Credentials.SecretAccessKey),
		aws.ToString(out.Credentials.SessionToken))
	return cfg
}

// The fix: the refreshing provider, cached. Not reported.
func assumeRoleProvider(cfg aws.Config, c *sts.Client) aws.Config {
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(c, "arn"))
	return cfg
}

// Pointer dereferences and locals; wrapping in a cache changes nothing.
func assumeRoleDeref(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	creds := out.Credentials
	key, secret := *creds.AccessKeyId, *creds.SecretAccessKey
	token := *creds.SessionToken
	return aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(key, secret, token)) // want `static credentials built from sts\.AssumeRole output`
}

// Long-lived keys from the environment with a provably empty token.
func envKeys() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")
}

// Configuration and flags are long-lived keys.
type Settings struct{ AccessKey, SecretKey string }

var secretFlag = flag.String("secret", "", "secret key")

func fromSettings(s Settings) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(s.AccessKey, *secretFlag, "")
}

// Literal test values are not temporary credentials.
func literals() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "token")
}

// IAM CreateAccessKey output is a long-lived key pair.
func iamKey(ctx context.Context, c *iam.Client) aws.CredentialsProvider {
	out, _ := c.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{})
	return credentials.NewStaticCredentialsProvider(*out.AccessKey.AccessKeyId, *out.AccessKey.SecretAccessKey, "")
}

// The composite literal form, through an aws.Credentials literal.
func literalProvider(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	v := aws.Credentials{
		AccessKeyID:     aws.ToString(out.Credentials.AccessKeyId),
		SecretAccessKey: aws.ToString(out.Credentials.SecretAccessKey),
		SessionToken:    aws.ToString(out.Credentials.SessionToken),
	}
	return credentials.StaticCredentialsProvider{Value: v} // want `static credentials built from sts\.GetSessionToken output`
}

// The same literal form with configuration values.
func literalProviderFromConfig(s Settings) aws.CredentialsProvider {
	return &credentials.StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: s.AccessKey, SecretAccessKey: s.SecretKey}}
}

// A snapshot of the default chain frozen into a static provider.
func retrieveSnapshot(ctx context.Context) aws.Config {
	cfg, _ := config.LoadDefaultConfig(ctx)
	snap, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		log.Fatal(err)
	}
	cfg.Credentials = credentials.StaticCredentialsProvider{Value: snap} // want `static credentials built from a one-off Retrieve\(\) snapshot \(.+\) never refresh and fail with ExpiredToken when the session ends; pass the provider itself \(e\.g\. cfg\.Credentials\) instead of a snapshot of it`
	return cfg
}

// Retrieve used only to check for errors and log metadata: fine.
func retrieveCheck(ctx context.Context, cfg aws.Config) error {
	snap, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	log.Printf("credentials from %s expire at %s", snap.Source, snap.Expires)
	return nil
}

// Retrieve used to sign one request: fine.
func signOnce(ctx context.Context, cfg aws.Config, req *http.Request) error {
	snap, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	return v4.NewSigner().SignHTTP(ctx, snap, req, "UNSIGNED-PAYLOAD", "s3", "us-east-1", time.Now())
}

// Only metadata of the snapshot in a static provider: not credentials.
func metadataOnly(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return credentials.NewStaticCredentialsProvider(out.Credentials.Expiration.String(), aws.ToString(out.AssumedRoleUser.Arn), "")
}

// SSO role credentials.
func ssoCreds(ctx context.Context, c *sso.Client) aws.CredentialsProvider {
	out, _ := c.GetRoleCredentials(ctx, &sso.GetRoleCredentialsInput{})
	rc := out.RoleCredentials
	return credentials.NewStaticCredentialsProvider(*rc.AccessKeyId, *rc.SecretAccessKey, *rc.SessionToken) // want `static credentials built from sso\.GetRoleCredentials output \(.+\) never refresh.*ssocreds\.New`
}

// Web identity output, through an interface of the user's (a mockable client).
type webIdentityAPI interface {
	AssumeRoleWithWebIdentity(context.Context, *sts.AssumeRoleWithWebIdentityInput, ...func(*sts.Options)) (*sts.AssumeRoleWithWebIdentityOutput, error)
}

func webIdentity(ctx context.Context, c webIdentityAPI) aws.CredentialsProvider {
	out, _ := c.AssumeRoleWithWebIdentity(ctx, &sts.AssumeRoleWithWebIdentityInput{})
	return credentials.NewStaticCredentialsProvider(strings.TrimSpace(*out.Credentials.AccessKeyId), *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `sts\.AssumeRoleWithWebIdentity output.*stscreds\.NewWebIdentityRoleProvider`
}

// The refreshing web identity provider: not reported.
func webIdentityProvider(c *sts.Client) aws.CredentialsProvider {
	return aws.NewCredentialsCache(stscreds.NewWebIdentityRoleProvider(c, "arn", stscreds.IdentityTokenFile("/var/run/token")))
}

// A helper in the same package that returns the credentials (multiple results).
func fetch(ctx context.Context, c *sts.Client) (string, string, string, error) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return "", "", "", err
	}
	return *out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken, nil
}

func viaHelper(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	k, s, t, _ := fetch(ctx, c)
	return credentials.NewStaticCredentialsProvider(k, s, t) // want `static credentials built from sts\.AssumeRole output`
}

// A helper returning long-lived values: not reported.
func loadKeys() (string, string) { return os.Getenv("K"), os.Getenv("S") }

func viaKeyHelper() aws.CredentialsProvider {
	k, s := loadKeys()
	return credentials.NewStaticCredentialsProvider(k, s, "")
}

// A helper that builds the static provider: reported where temporary
// credentials are passed to it, silent where long-lived keys are.
func newStatic(k, s, t string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(k, s, t)
}

func callsNewStatic(ctx context.Context, c *sts.Client) (aws.CredentialsProvider, aws.CredentialsProvider) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	bad := newStatic(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `v2\.newStatic builds credentials\.NewStaticCredentialsProvider from sts\.AssumeRole output`
	good := newStatic(os.Getenv("K"), os.Getenv("S"), "")
	return bad, good
}

// Struct fields of the user's carry the values.
type session struct {
	key, secret, token string
	expires            time.Time
}

func structFields(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	s := &session{
		key:     *out.Credentials.AccessKeyId,
		secret:  *out.Credentials.SecretAccessKey,
		token:   *out.Credentials.SessionToken,
		expires: *out.Credentials.Expiration,
	}
	return credentials.NewStaticCredentialsProvider(s.key, s.secret, s.token) // want `sts\.AssumeRole output`
}

// A struct of the user's filled from configuration: not reported.
func structFieldsConfig(s Settings) aws.CredentialsProvider {
	sess := session{key: s.AccessKey, secret: s.SecretKey}
	return credentials.NewStaticCredentialsProvider(sess.key, sess.secret, sess.token)
}

// A provider func that returns a snapshot it captured once.
func capturedFunc(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	snap, _ := cfg.Credentials.Retrieve(ctx)
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { // want `aws\.CredentialsProviderFunc returns credentials from a one-off Retrieve\(\) snapshot \(.+\) captured once`
		return snap, nil
	})
}

// A provider func that calls STS every time and says when it expires:
// this is a refreshing provider, not reported.
func refreshingFunc(c *sts.Client) aws.CredentialsProvider {
	return aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
		out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
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
	}))
}

// A custom provider type whose Retrieve asks STS each time: not reported.
type refreshingProvider struct{ client *sts.Client }

func (p *refreshingProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	out, err := p.client.AssumeRole(ctx, &sts.AssumeRoleInput{})
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

func useRefreshing(c *sts.Client) *s3.Client {
	return s3.New(s3.Options{Credentials: aws.NewCredentialsCache(&refreshingProvider{client: c})})
}

// A snapshot of the user's own refreshing provider frozen: reported.
func snapshotOfRefreshing(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	p := &refreshingProvider{client: c}
	v, _ := p.Retrieve(ctx)
	return credentials.StaticCredentialsProvider{Value: v} // want `sts\.AssumeRole output`
}

// A closure that captures the output and builds the provider later.
func closureCapture(ctx context.Context, c *sts.Client) func() aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return func() aws.CredentialsProvider {
		return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `sts\.AssumeRole output`
	}
}

// A closure capturing configuration: not reported.
func closureConfig(s Settings) func() aws.CredentialsProvider {
	return func() aws.CredentialsProvider {
		return credentials.NewStaticCredentialsProvider(s.AccessKey, s.SecretKey, "")
	}
}

// Credentials held in sts types built by the test itself are literals.
func handBuilt() aws.CredentialsProvider {
	c := &ststypes.Credentials{AccessKeyId: aws.String("AKID"), SecretAccessKey: aws.String("s"), SessionToken: aws.String("t")}
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken)
}

// A package-level snapshot stored by one function and used by another.
var cached aws.Credentials

func storeSnapshot(ctx context.Context, cfg aws.Config) {
	cached, _ = cfg.Credentials.Retrieve(ctx)
}

func useSnapshot() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(cached.AccessKeyID, cached.SecretAccessKey, cached.SessionToken) // want `a one-off Retrieve\(\) snapshot`
}

// Suppressed with a reason: not reported.
func suppressed(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	//tokenlint:ignore staticcreds the process exits before the 15-minute session ends
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
}

// A directive without a reason does not suppress, and is itself reported.
func suppressedNoReason(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{}) // want +1 `//tokenlint:ignore staticcreds needs a reason after the analyzer names`
	//tokenlint:ignore staticcreds
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `sts\.AssumeRole output`
}

// A directive that suppresses nothing is reported: it is stale.
func staleDirective() aws.CredentialsProvider {
	// want +1 `//tokenlint:ignore staticcreds suppresses nothing: no staticcreds finding on this line or the next; remove it`
	//tokenlint:ignore staticcreds these keys used to come from STS
	return credentials.NewStaticCredentialsProvider(os.Getenv("K"), os.Getenv("S"), "")
}

// A directive for another analyzer does not suppress this one's finding.
func otherAnalyzer(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	//tokenlint:ignore envoverride not about static providers
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken) // want `sts\.AssumeRole output`
}

// One directive for two analyzers.
func twoAnalyzers(ctx context.Context, c *sts.Client) aws.CredentialsProvider {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	//tokenlint:ignore staticcreds,envoverride a migration script that runs for a minute
	return credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
}

// A provider type of the user's whose Retrieve returns what it was built
// with: a static provider under another name.
type fixedProvider struct{ creds aws.Credentials }

func (p *fixedProvider) Retrieve(context.Context) (aws.Credentials, error) { return p.creds, nil }

func customFixed(ctx context.Context, cfg aws.Config) aws.Config {
	snap, _ := cfg.Credentials.Retrieve(ctx)
	cfg.Credentials = &fixedProvider{creds: snap} // want `static credentials built from a one-off Retrieve\(\) snapshot \(.+\) never refresh`
	return cfg
}

// The same type with long-lived keys: not reported.
func customFixedKeys(s Settings) aws.CredentialsProvider {
	return &fixedProvider{creds: aws.Credentials{AccessKeyID: s.AccessKey, SecretAccessKey: s.SecretKey}}
}

// A provider type that handles expiry (IsExpired): not reported.
type expiringProvider struct{ creds aws.Credentials }

func (p *expiringProvider) Retrieve(context.Context) (aws.Credentials, error) { return p.creds, nil }
func (p *expiringProvider) IsExpired() bool                                   { return p.creds.Expired() }

func customExpiring(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	snap, _ := cfg.Credentials.Retrieve(ctx)
	return &expiringProvider{creds: snap}
}

// A helper that fills a struct through a pointer.
func fill(s *session, out *sts.AssumeRoleOutput) {
	s.key = *out.Credentials.AccessKeyId
	s.secret = *out.Credentials.SecretAccessKey
	s.token = *out.Credentials.SessionToken
	s.expires = *out.Credentials.Expiration
}

func viaFill(ctx context.Context, c *sts.Client) (aws.CredentialsProvider, aws.CredentialsProvider) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	var s session
	fill(&s, out)
	bad := credentials.NewStaticCredentialsProvider(s.key, s.secret, s.token) // want `sts\.AssumeRole output`
	// Only the expiry the helper filled in: not reported.
	good := credentials.NewStaticCredentialsProvider(s.expires.String(), "", "")
	return bad, good
}
