// Package redact exercises types of the user's that format themselves:
// a String or LogValue method that never reads the secret redacts it.
package redact

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type session struct {
	id, secret, token string
	expires           time.Time
}

func newSession(ctx context.Context, p aws.CredentialsProvider) session {
	v, _ := p.Retrieve(ctx)
	return session{id: v.AccessKeyID, secret: v.SecretAccessKey, token: v.SessionToken, expires: v.Expires}
}

// String shows only the key id and the expiry.
func (s session) String() string { return fmt.Sprintf("session %s until %s", s.id, s.expires) }

// LogValue likewise for slog.
func (s session) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", s.id), slog.Time("expires", s.expires))
}

func redacted(ctx context.Context, p aws.CredentialsProvider) {
	s := newSession(ctx, p)
	log.Printf("session: %v", s)
	slog.Info("session", "s", s)
}

// A type whose String prints the token: reported.
type leaky struct{ token string }

func (l leaky) String() string { return "token=" + l.token }

func leaks(ctx context.Context, p aws.CredentialsProvider) {
	v, _ := p.Retrieve(ctx)
	log.Println(leaky{token: v.SessionToken}) // want `log\.Println logs a session token`
}

// A struct without a String method, printed with %v: its fields show.
type plain struct {
	region string
	token  string
}

func plainStruct(ctx context.Context, p aws.CredentialsProvider) {
	v, _ := p.Retrieve(ctx)
	log.Printf("%v", plain{region: "eu-west-1", token: v.SessionToken}) // want `log\.Printf logs a session token`
	log.Printf("%v", plain{region: "eu-west-1"})
}

// Tests log to their own output: not reported.
func logInTest(t interface{ Logf(string, ...any) }, creds aws.Credentials) {
	t.Logf("%s", creds.SessionToken)
}
