// Package environ exercises credential names given at the call site: a
// method on a named slice type builds "KEY=value" entries from its
// parameters, and the caller names the variable.
package environ

import (
	"context"
	"os"
	"os/exec"
	"syscall"

	"github.com/aws/aws-sdk-go-v2/service/sts"
)

type environ []string

func (e *environ) Set(key, val string) { *e = append(*e, key+"="+val) }

func run(ctx context.Context, c *sts.Client) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	env := environ(os.Environ())
	env.Set("AWS_ACCESS_KEY_ID", *out.Credentials.AccessKeyId)
	env.Set("AWS_SESSION_TOKEN", *out.Credentials.SessionToken)
	cmd := exec.Command("terraform", "apply")
	cmd.Env = env // want `exec\.Cmd\.Env puts AWS_SESSION_TOKEN from sts\.AssumeRole output \(.+\) into a child process's environment`
	return cmd.Run()
}

// Non-secret variables: not reported.
func region() error {
	var env environ
	env.Set("AWS_REGION", "us-east-1")
	env.Set("AWS_PROFILE", os.Getenv("PROFILE"))
	cmd := exec.Command("deploy")
	cmd.Env = env
	return cmd.Run()
}

// A session token under its own name, whatever its origin.
func execve(token string) error {
	var env environ
	env.Set("AWS_SESSION_TOKEN", token)
	return syscall.Exec("/usr/bin/aws", []string{"aws", "s3", "ls"}, env) // want `syscall\.Exec puts AWS_SESSION_TOKEN into a child process's environment`
}

// A helper that takes the name as a parameter and appends to a slice it
// returns.
func entry(env []string, name, value string) []string { return append(env, name+"="+value) }

func viaEntry(token string) *exec.Cmd {
	cmd := exec.Command("deploy")
	cmd.Env = entry(os.Environ(), "AWS_SESSION_TOKEN", token) // want `exec\.Cmd\.Env puts AWS_SESSION_TOKEN into a child process's environment`
	return cmd
}

func viaEntryRegion() *exec.Cmd {
	cmd := exec.Command("deploy")
	cmd.Env = entry(os.Environ(), "AWS_REGION", "us-east-1")
	return cmd
}

// A map of variables filled by a helper that gets the name.
func put(m map[string]string, k, v string) { m[k] = v }

func viaMap(token string) error {
	vars := map[string]string{}
	put(vars, "AWS_SESSION_TOKEN", token)
	var env []string
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	cmd := exec.Command("deploy")
	cmd.Env = env // want `exec\.Cmd\.Env puts AWS_SESSION_TOKEN into a child process's environment`
	return cmd.Run()
}
