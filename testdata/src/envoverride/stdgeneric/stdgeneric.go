// Package stdgeneric: credentials copied between maps and slices with the
// standard library's generic helpers keep their provenance, as they do
// through a range-copy loop (a public CLI's env map lost its AssumeRole
// provenance at one maps.Copy).
package stdgeneric

import (
	"context"
	"maps"
	"os"
	"os/exec"
	"slices"

	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func assumed(ctx context.Context, c *sts.Client) map[string]string {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	return map[string]string{
		"AWS_ACCESS_KEY_ID":     *out.Credentials.AccessKeyId,
		"AWS_SECRET_ACCESS_KEY": *out.Credentials.SecretAccessKey,
		"AWS_SESSION_TOKEN":     *out.Credentials.SessionToken,
	}
}

func copied(ctx context.Context, c *sts.Client) {
	all := map[string]string{"TF_IN_AUTOMATION": "1"}
	maps.Copy(all, assumed(ctx, c))
	cmd := exec.Command("terraform", "apply")
	for k, v := range all {
		cmd.Env = append(cmd.Env, k+"="+v) // want `exec\.Cmd\.Env puts AWS_[A-Z_]+ from sts\.AssumeRole output \(envoverride/stdgeneric/stdgeneric\.go:18\)`
	}
	_ = cmd.Run()
}

func cloned(ctx context.Context, c *sts.Client) {
	env := maps.Clone(assumed(ctx, c))
	cmd := exec.Command("terraform", "apply")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v) // want `exec\.Cmd\.Env puts AWS_[A-Z_]+ from sts\.AssumeRole output \(envoverride/stdgeneric/stdgeneric\.go:18\)`
	}
	_ = cmd.Run()
}

func concatenated(ctx context.Context, c *sts.Client) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	extra := []string{"AWS_SESSION_TOKEN=" + *out.Credentials.SessionToken}
	cmd := exec.Command("terraform", "apply")
	cmd.Env = slices.Concat(os.Environ(), slices.Clone(extra)) // want `exec\.Cmd\.Env puts AWS_SESSION_TOKEN from sts\.AssumeRole output`
	_ = cmd.Run()
}

// Negatives: a map that only ever held the role ARN and the region.
func metadataOnly(ctx context.Context, c *sts.Client) {
	out, _ := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	meta := map[string]string{"ROLE_ARN": *out.AssumedRoleUser.Arn, "AWS_REGION": "eu-west-1"}
	all := map[string]string{}
	maps.Copy(all, meta)
	cmd := exec.Command("terraform", "apply")
	for k, v := range maps.Clone(all) {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Env = slices.Concat(os.Environ(), slices.Clone(cmd.Env))
	_ = cmd.Run()
}
