package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	v1aws "github.com/aws/aws-sdk-go/aws"
	v1sts "github.com/aws/aws-sdk-go/service/sts"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"gopkg.in/yaml.v3"

	"example.com/fixtures/secretlog/printed/logadapter"
)

// cases are run by name, one per process. Each prints only from its own
// body (TestPrinted attributes a finding to the case whose body holds it).
var cases = map[string]func(context.Context, *env){
	"caseTokenPrintf":       caseTokenPrintf,
	"caseSourcePrintf":      caseSourcePrintf,
	"caseJSONError":         caseJSONError,
	"caseYAMLError":         caseYAMLError,
	"caseSTSPointer":        caseSTSPointer,
	"caseSTSOutput":         caseSTSOutput,
	"caseSTSDeref":          caseSTSDeref,
	"caseLogrusPointer":     caseLogrusPointer,
	"caseZapAny":            caseZapAny,
	"caseStringRedacts":     caseStringRedacts,
	"caseStringLeaks":       caseStringLeaks,
	"caseSlogLogValue":      caseSlogLogValue,
	"caseCredentialsWhole":  caseCredentialsWhole,
	"caseV1Value":           caseV1Value,
	"caseV1Output":          caseV1Output,
	"caseV1OutputSecret":    caseV1OutputSecret,
	"caseHTTPQuery":         caseHTTPQuery,
	"caseLoggerInterface":   caseLoggerInterface,
	"caseErrorf":            caseErrorf,
	"caseErrorsNew":         caseErrorsNew,
	"caseAdapterZap":        caseAdapterZap,
	"caseAdapterStd":        caseAdapterStd,
	"caseAdapterSource":     caseAdapterSource,
	"caseGoSyntax":          caseGoSyntax,
	"caseGoSyntaxPointer":   caseGoSyntaxPointer,
	"caseErrorTypeLeaks":    caseErrorTypeLeaks,
	"caseErrorTypeRedacts":  caseErrorTypeRedacts,
	"caseFormatter":         caseFormatter,
	"caseZapMarshalJSON":    caseZapMarshalJSON,
	"caseSlogJSON":          caseSlogJSON,
	"caseSprintf":           caseSprintf,
	"caseWrapped":           caseWrapped,
	"caseGoSyntaxString":    caseGoSyntaxString,
	"caseZapUnexported":     caseZapUnexported,
	"caseZapExported":       caseZapExported,
	"caseExportLines":       caseExportLines,
	"caseCredentialProcess": caseCredentialProcess,
	"caseEnvLines":          caseEnvLines,
	"caseEncoderStdout":     caseEncoderStdout,
	"caseEncoderPointer":    caseEncoderPointer,
	"caseStdoutBare":        caseStdoutBare,
	"caseLoggerField":       caseLoggerField,
	"caseLogrusJSON":        caseLogrusJSON,
	"caseLogrusText":        caseLogrusText,
}

func assume(ctx context.Context, e *env) *sts.AssumeRoleOutput {
	out, err := e.sts.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(roleARN), RoleSessionName: aws.String("case")})
	if err != nil {
		fmt.Fprintln(os.Stderr, "assume role failed")
		os.Exit(1)
	}
	return out
}

func caseTokenPrintf(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	log.Printf("token %s", creds.SessionToken) // want `log\.Printf logs a session token`
}

func caseSourcePrintf(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	log.Printf("credentials %s from %s until %s", creds.AccessKeyID, creds.Source, creds.Expires)
}

// encoding/json's errors name a byte offset or a type, never the input.
func caseJSONError(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	payload, _ := json.Marshal(map[string]string{"token": creds.SessionToken, "attempts": "three"})
	var job struct {
		Token    string `json:"token"`
		Attempts int    `json:"attempts"`
	}
	if err := json.Unmarshal(payload, &job); err != nil {
		log.Printf("bad job: %v", err)
	}
}

// yaml.v3 quotes a value it cannot decode, but only its first seven
// bytes when it is longer than ten: a session token does not reach the
// output.
func caseYAMLError(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	doc := "token: " + creds.SessionToken + "\n"
	var job struct {
		Token int `yaml:"token"`
	}
	if err := yaml.Unmarshal([]byte(doc), &job); err != nil {
		log.Printf("bad job: %v", err)
	}
}

// The SDK's types.Credentials holds *string fields: fmt prints their
// addresses.
func caseSTSPointer(ctx context.Context, e *env) {
	out := assume(ctx, e)
	log.Printf("assumed: %v", out.Credentials)
	log.Printf("assumed: %+v", out.Credentials)
}

func caseSTSOutput(ctx context.Context, e *env) {
	out := assume(ctx, e)
	log.Printf("assumed: %+v", out)
}

func caseSTSDeref(ctx context.Context, e *env) {
	out := assume(ctx, e)
	log.Printf("assumed: %+v", *out.Credentials)
}

// logrus's text formatter prints a field with fmt.Sprint.
func caseLogrusPointer(ctx context.Context, e *env) {
	out := assume(ctx, e)
	logrus.WithField("credentials", out.Credentials).Info("assumed")
}

// zap.Any encodes a struct by reflection, following pointers.
func caseZapAny(ctx context.Context, e *env) {
	out := assume(ctx, e)
	logger := zap.NewExample()
	logger.Info("assumed", zap.Any("credentials", out.Credentials)) // want `zap\.Logger\.Info logs a secret access key and a session token`
}

type userSession struct {
	id, secret, token string
	expires           time.Time
}

func newSession(ctx context.Context, e *env) userSession {
	v, _ := e.cfg.Credentials.Retrieve(ctx)
	return userSession{id: v.AccessKeyID, secret: v.SecretAccessKey, token: v.SessionToken, expires: v.Expires}
}

// String shows only the key id and the expiry.
func (s userSession) String() string { return fmt.Sprintf("session %s until %s", s.id, s.expires) }

// LogValue likewise, for slog.
func (s userSession) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", s.id), slog.Time("expires", s.expires))
}

func caseStringRedacts(ctx context.Context, e *env) {
	s := newSession(ctx, e)
	log.Printf("session: %v", s)
	log.Println("session:", s)
}

func caseSlogLogValue(ctx context.Context, e *env) {
	s := newSession(ctx, e)
	slog.Info("session", "s", s)
}

type leaky struct{ id, token string }

func (l leaky) String() string { return l.id + ":" + l.token }

func caseStringLeaks(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	log.Printf("session: %v", leaky{id: creds.AccessKeyID, token: creds.SessionToken}) // want `log\.Printf logs a session token`
}

// aws.Credentials' fields are strings: %+v shows them.
func caseCredentialsWhole(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	log.Printf("credentials: %+v", creds) // want `log\.Printf logs a secret access key and a session token`
}

// The v1 SDK's credentials.Value holds strings too.
func caseV1Value(ctx context.Context, e *env) {
	v, _ := e.v1.Config.Credentials.Get()
	log.Printf("credentials: %+v", v) // want `log\.Printf logs a secret access key and a session token`
}

// The v1 SDK's outputs print through String (awsutil.Prettify), which
// masks the fields tagged sensitive: SecretAccessKey, not SessionToken.
func caseV1Output(ctx context.Context, e *env) {
	out, err := e.v1sts.AssumeRoleWithContext(ctx, &v1sts.AssumeRoleInput{RoleArn: v1aws.String(roleARN), RoleSessionName: v1aws.String("case")})
	if err != nil {
		return
	}
	log.Printf("assumed: %s", out) // want `log\.Printf logs a session token`
}

func caseV1OutputSecret(ctx context.Context, e *env) {
	out, err := e.v1sts.AssumeRoleWithContext(ctx, &v1sts.AssumeRoleInput{RoleArn: v1aws.String(roleARN), RoleSessionName: v1aws.String("case")})
	if err != nil {
		return
	}
	log.Printf("credentials: %v", out.Credentials) // want `log\.Printf logs a session token`
}

// net/http keeps the request's URL, query and all, in the *url.Error
// that Do returns.
func caseHTTPQuery(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:1/?X-Amz-Security-Token="+creds.SessionToken, nil)
	if _, err := http.DefaultClient.Do(req); err != nil {
		log.Printf("request failed: %v", err) // want `log\.Printf logs a session token`
	}
}

// A logger behind an interface, implemented by logrus.
type logger interface {
	Infof(format string, args ...any)
}

func caseLoggerInterface(ctx context.Context, e *env) {
	var l logger = logrus.StandardLogger()
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	l.Infof("token %s", creds.SessionToken) // want `logger\.Infof \(a logger interface\) logs a session token`
}

func caseErrorf(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	err := fmt.Errorf("token %s rejected", creds.SessionToken)
	log.Print(err) // want `log\.Print logs a session token`
}

func caseErrorsNew(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	err := errors.New("secret " + creds.SecretAccessKey + " rejected")
	log.Println(err) // want `log\.Println logs a secret access key`
}

// A logging interface of another package, implemented by adapters of zap
// and of the standard library's log.
func caseAdapterZap(ctx context.Context, e *env) {
	l := logadapter.Zap()
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	l.Infof("token %s", creds.SessionToken) // want `logs a session token`
}

func caseAdapterStd(ctx context.Context, e *env) {
	l := logadapter.Std()
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	l.Infof("secret %s", creds.SecretAccessKey) // want `logs a secret access key`
}

func caseAdapterSource(ctx context.Context, e *env) {
	l := logadapter.Std()
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	l.Infof("credentials from %s", creds.Source)
}

// %#v prints Go syntax: an aws.Credentials' strings, quoted.
func caseGoSyntax(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	log.Printf("credentials: %#v", creds) // want `log\.Printf logs a secret access key and a session token`
}

// ... and a *string field as a typed address.
func caseGoSyntaxPointer(ctx context.Context, e *env) {
	out := assume(ctx, e)
	log.Printf("credentials: %#v", out.Credentials)
}

// An error type of the user's: its Error method decides what it prints.
type refreshError struct {
	token string
	code  int
}

func (r *refreshError) Error() string {
	return fmt.Sprintf("refresh of %s failed: %d", r.token, r.code)
}

type expiredError struct {
	token   string
	expires time.Time
}

func (x *expiredError) Error() string { return "credentials expired at " + x.expires.String() }

func caseErrorTypeLeaks(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	var err error = &refreshError{token: creds.SessionToken, code: 403}
	log.Printf("refresh: %v", err) // want `log\.Printf logs a session token`
}

func caseErrorTypeRedacts(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	var err error = &expiredError{token: creds.SessionToken, expires: creds.Expires}
	log.Printf("refresh: %v", err)
}

// A Format method decides what fmt prints, whatever the verb.
type masked struct{ id, secret string }

func (m masked) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "%s/****", m.id) }

func caseFormatter(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	log.Printf("%v %+v %s", masked{creds.AccessKeyID, creds.SecretAccessKey}, masked{creds.AccessKeyID, creds.SecretAccessKey}, masked{creds.AccessKeyID, creds.SecretAccessKey})
}

// zap.Any encodes with encoding/json: a MarshalJSON method decides.
type safeCreds struct {
	KeyID  string
	Secret string
}

func (c safeCreds) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"keyId": c.KeyID})
}

func caseZapMarshalJSON(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	zap.NewExample().Info("credentials", zap.Any("creds", safeCreds{KeyID: creds.AccessKeyID, Secret: creds.SecretAccessKey}))
}

// slog's JSON handler encodes a struct with encoding/json.
func caseSlogJSON(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	l := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	l.Info("refreshed", "creds", creds) // want `slog\.Logger\.Info logs a secret access key and a session token`
}

func caseSprintf(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	line := fmt.Sprintf("token=%s", creds.SessionToken)
	log.Print(line) // want `log\.Print logs a session token`
}

// %w keeps the wrapped error's text.
func caseWrapped(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	inner := fmt.Errorf("token %s rejected", creds.SessionToken)
	log.Print(fmt.Errorf("refresh: %w", inner)) // want `log\.Print logs a session token`
}

// Under %#v fmt prints Go syntax and ignores String: every field shows.
func caseGoSyntaxString(ctx context.Context, e *env) {
	s := newSession(ctx, e)
	log.Printf("session: %#v", s) // want `log\.Printf logs a secret access key and a session token`
}

// encoding/json, under zap.Any, skips unexported fields.
type tokenHolder struct {
	region, token string
}

func caseZapUnexported(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	zap.NewExample().Info("holder", zap.Any("h", tokenHolder{region: "eu-west-1", token: creds.SessionToken}))
}

type exportedHolder struct {
	Region, Token string
}

func caseZapExported(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	zap.NewExample().Info("holder", zap.Any("h", exportedHolder{Region: "eu-west-1", Token: creds.SessionToken})) // want `zap\.Logger\.Info logs a session token`
}

// Output for another program: export lines for eval, ...
func caseExportLines(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	fmt.Printf("export AWS_ACCESS_KEY_ID=%s\n", creds.AccessKeyID)
	fmt.Printf("export AWS_SECRET_ACCESS_KEY=%s\n", creds.SecretAccessKey) // want `prints a secret access key \(aws\.Credentials\.SecretAccessKey\) to standard output in a form meant for another program .*: hide intentional exports with -exports=off`
	fmt.Printf("export AWS_SESSION_TOKEN=%s\n", creds.SessionToken)        // want `fmt\.Printf prints a session token .* to standard output in a form meant for another program`
}

// ... the JSON a credential_process prints for the SDK, ...
type processCredentials struct {
	Version         int
	AccessKeyID     string `json:"AccessKeyId"`
	SecretAccessKey string
	SessionToken    string
	Expiration      time.Time
}

func caseCredentialProcess(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	out, _ := json.Marshal(processCredentials{Version: 1, AccessKeyID: creds.AccessKeyID, SecretAccessKey: creds.SecretAccessKey, SessionToken: creds.SessionToken, Expiration: creds.Expires})
	fmt.Println(string(out)) // want `fmt\.Println prints a secret access key and a session token .* to standard output in a form meant for another program`
}

// ... and KEY=value lines of an env file, on standard output.
func caseEnvLines(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	env := map[string]string{
		"AWS_ACCESS_KEY_ID":     creds.AccessKeyID,
		"AWS_SECRET_ACCESS_KEY": creds.SecretAccessKey,
		"AWS_SESSION_TOKEN":     creds.SessionToken,
	}
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"} {
		fmt.Fprintf(os.Stdout, "%s=%s\n", k, env[k]) // want `fmt\.Fprintf prints a secret access key and a session token .* to standard output in a form meant for another program`
	}
}

// json.Encoder to standard output, as credential_process helpers print.
func caseEncoderStdout(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	json.NewEncoder(os.Stdout).Encode(processCredentials{Version: 1, AccessKeyID: creds.AccessKeyID, SecretAccessKey: creds.SecretAccessKey, SessionToken: creds.SessionToken, Expiration: creds.Expires}) // want `json\.Encoder\.Encode prints a secret access key and a session token .* in a form meant for another program`
}

// encoding/json follows pointers: the SDK's *types.Credentials shows.
func caseEncoderPointer(ctx context.Context, e *env) {
	out := assume(ctx, e)
	json.NewEncoder(os.Stderr).Encode(out.Credentials) // want `json\.Encoder\.Encode to the console logs a secret access key and a session token`
}

// A secret on standard output under no credential name is a leak.
func caseStdoutBare(ctx context.Context, e *env) {
	creds, _ := e.cfg.Credentials.Retrieve(ctx)
	fmt.Println("token:", creds.SessionToken) // want `fmt\.Println logs a session token`
}

// A logger held in a struct beside credentials prints what it is given,
// not its neighbours: describe logs the profile name only.
type credBuilder struct {
	log     *logrus.Logger
	profile string
	creds   aws.Credentials
}

func (b *credBuilder) describe() { b.log.Infof("profile %s", b.profile) }

func caseLoggerField(ctx context.Context, e *env) {
	out := assume(ctx, e)
	b := &credBuilder{log: logrus.New(), profile: "dev"}
	b.creds = aws.Credentials{SessionToken: *out.Credentials.SessionToken}
	b.describe()
}

// A logrus logger given a JSON formatter encodes its fields with
// encoding/json, following the pointer to the credentials.
func caseLogrusJSON(ctx context.Context, e *env) {
	out := assume(ctx, e)
	l := logrus.New()
	l.SetFormatter(&logrus.JSONFormatter{})
	l.WithField("credentials", out.Credentials).Info("assumed") // want `logrus\.Info logs a secret access key and a session token`
}

// The same logger with its default text formatter prints the pointer.
func caseLogrusText(ctx context.Context, e *env) {
	out := assume(ctx, e)
	l := logrus.New()
	l.WithField("credentials", out.Credentials).Info("assumed")
}
