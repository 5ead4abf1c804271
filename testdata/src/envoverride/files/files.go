// Package files exercises envoverride on file formats whose credential
// names are not in the call that writes them: an ini struct tag, a
// section made with NewSection, a marshalled struct written later, and
// the AWS CLI with global flags before "configure set".
package files

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sts"
	"gopkg.in/ini.v1"
	"gopkg.in/yaml.v3"
)

// The credential names live in struct tags.
type profile struct {
	AccessKeyID     string `ini:"aws_access_key_id"`
	SecretAccessKey string `ini:"aws_secret_access_key"`
	SessionToken    string `ini:"aws_session_token"`
}

func reflectProfile(ctx context.Context, c *sts.Client, path string) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	f := ini.Empty()
	p := profile{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
	}
	if err := f.Section("default").ReflectFrom(&p); err != nil {
		return err
	}
	return f.SaveTo(path) // want `ini\.File\.SaveTo writes aws_session_token from sts\.AssumeRole output \(.+\) to disk`
}

// A profile with a region only: not reported.
type regionProfile struct {
	Region string `ini:"region"`
}

func reflectRegion(path string) error {
	f := ini.Empty()
	if err := f.Section("default").ReflectFrom(&regionProfile{Region: "eu-west-1"}); err != nil {
		return err
	}
	return f.SaveTo(path)
}

// A section made with NewSection, a key with NewKey.
func newSectionKey(path, token string) error {
	f := ini.Empty()
	sec, err := f.NewSection("default")
	if err != nil {
		return err
	}
	if _, err := sec.NewKey("aws_session_token", token); err != nil {
		return err
	}
	return f.SaveTo(path) // want `ini\.File\.SaveTo writes a session token as aws_session_token to disk`
}

func newSectionRegion(path string) error {
	f := ini.Empty()
	sec, err := f.NewSection("default")
	if err != nil {
		return err
	}
	if _, err := sec.NewKey("region", "eu-west-1"); err != nil {
		return err
	}
	return f.SaveTo(path)
}

// Marshalled first, written later.
type fileCache struct {
	AccessKeyID, SecretAccessKey, SessionToken string
	Expiration                                 time.Time
}

func marshalJSON(ctx context.Context, c *sts.Client, path string) error {
	out, err := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	if err != nil {
		return err
	}
	fc := fileCache{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
		Expiration:      *out.Credentials.Expiration,
	}
	data, err := json.MarshalIndent(fc, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600) // want `os\.WriteFile writes a session token from sts\.GetSessionToken output \(.+\) to disk`
}

func marshalYAML(ctx context.Context, c *sts.Client, path string) error {
	out, err := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	if err != nil {
		return err
	}
	data, err := yaml.Marshal(&fileCache{SessionToken: *out.Credentials.SessionToken})
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600) // want `os\.WriteFile writes a session token from sts\.GetSessionToken output \(.+\) to disk`
}

// Only the expiry, marshalled: not reported.
func marshalExpiry(ctx context.Context, c *sts.Client, path string) error {
	out, err := c.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	if err != nil {
		return err
	}
	data, err := yaml.Marshal(map[string]time.Time{"expiration": *out.Credentials.Expiration})
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// The AWS CLI with a global flag before the subcommand.
func awsProfile(token string) error {
	return exec.Command("aws", "--profile", "dev", "configure", "set", "aws_session_token", token).Run() // want `aws configure set writes a session token as aws_session_token to disk`
}

// And with the profile between "configure" and "set".
func awsProfileAfter(ctx context.Context, token string) error {
	return exec.CommandContext(ctx, "aws", "configure", "--profile", "dev", "set", "aws_session_token", token).Run() // want `aws configure set writes a session token as aws_session_token to disk`
}

func awsProfileRegion() error {
	return exec.Command("aws", "--profile", "dev", "configure", "set", "region", "eu-west-1").Run()
}
