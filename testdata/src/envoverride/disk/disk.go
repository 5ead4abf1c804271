// Package disk exercises envoverride's disk rule.
package disk

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/joho/godotenv"
	"gopkg.in/ini.v1"
	"gopkg.in/yaml.v3"
)

// A whole credentials struct marshalled to a file.
func cacheJSON(ctx context.Context, cfg aws.Config, path string) error {
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	data, _ := json.Marshal(creds)
	return os.WriteFile(path, data, 0o600) // want `os\.WriteFile writes a session token from a one-off Retrieve\(\) snapshot \(.+\) to disk, where it outlives its session and shadows refreshing credentials for whoever reads it, until requests fail with ExpiredToken; leave credentials to the SDK's refreshing providers`
}

// Only the metadata: not reported.
type meta struct {
	Source  string
	Expires time.Time
	KeyHint string
}

func cacheMeta(ctx context.Context, cfg aws.Config, path string) error {
	creds, _ := cfg.Credentials.Retrieve(ctx)
	m := meta{Source: creds.Source, Expires: creds.Expires, KeyHint: creds.AccessKeyID[:4]}
	data, _ := json.Marshal(m)
	return os.WriteFile(path, data, 0o600)
}

// An encoder over a file, with sts types.Credentials.
func encodeFile(ctx context.Context, c *sts.Client, f *os.File) error {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return json.NewEncoder(f).Encode(out.Credentials) // want `json\.Encoder\.Encode writes a session token from sts\.AssumeRole output \(.+\) to disk`
}

// The credential_process protocol prints to standard output: not reported.
func credentialProcess(ctx context.Context, c *sts.Client) error {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"Version": 1, "AccessKeyId": out.Credentials.AccessKeyId,
		"SecretAccessKey": out.Credentials.SecretAccessKey, "SessionToken": out.Credentials.SessionToken,
		"Expiration": out.Credentials.Expiration,
	})
}

// A struct of the user's with the token, YAML over a bufio.Writer.
type cached struct {
	Key, Secret, Token string
}

func yamlCache(ctx context.Context, c *sts.Client, path string) error {
	out, _ := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	v := cached{Key: *out.Credentials.AccessKeyId, Secret: *out.Credentials.SecretAccessKey, Token: *out.Credentials.SessionToken}
	return yaml.NewEncoder(w).Encode(v) // want `yaml\.Encoder\.Encode writes a session token from sts\.GetSessionToken output \(.+\) to disk`
}

// Formatting into a credentials file by hand.
func fprintf(f *os.File, token string) {
	fmt.Fprintf(f, "aws_session_token = %s\n", token) // want `fmt\.Fprintf writes a session token as aws_session_token to disk`
	fmt.Fprintf(f, "region = %s\n", "us-east-1")
}

func writeString(w io.Writer, f *os.File, token string) {
	io.WriteString(f, "AWS_SESSION_TOKEN="+token+"\n") // want `io\.WriteString writes a session token as AWS_SESSION_TOKEN to disk`
	io.WriteString(w, "AWS_SESSION_TOKEN="+token+"\n")
}

// An ini profile saved to the shared credentials file.
func iniProfile(ctx context.Context, c *sts.Client, path string) error {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	cfg, err := ini.Load(path)
	if err != nil {
		return err
	}
	sec := cfg.Section("default")
	sec.Key("aws_access_key_id").SetValue(*out.Credentials.AccessKeyId)
	sec.Key("aws_secret_access_key").SetValue(*out.Credentials.SecretAccessKey)
	sec.Key("aws_session_token").SetValue(*out.Credentials.SessionToken)
	return cfg.SaveTo(path) // want `ini\.File\.SaveTo writes aws_session_token from sts\.AssumeRole output \(.+\) to disk`
}

// An ini file with a region only: not reported.
func iniRegion(path string) error {
	cfg := ini.Empty()
	cfg.Section("default").Key("region").SetValue("us-east-1")
	return cfg.SaveTo(path)
}

// A .env file.
func dotenv(token string) error {
	return godotenv.Write(map[string]string{"AWS_SESSION_TOKEN": token}, ".env") // want `godotenv\.Write writes a session token as AWS_SESSION_TOKEN to disk`
}

func dotenvRegion() error {
	return godotenv.Write(map[string]string{"AWS_REGION": "us-east-1"}, ".env")
}

// The AWS CLI writing the shared credentials file.
func awsConfigure(token string) error {
	return exec.Command("aws", "configure", "set", "aws_session_token", token).Run() // want `aws configure set writes a session token as aws_session_token to disk`
}

func awsConfigureRegion() error {
	return exec.Command("aws", "configure", "set", "region", "us-east-1").Run()
}
