// Package exec exercises envoverride's child-process rule.
package exec

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"syscall"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func runWithToken(ctx context.Context, c *sts.Client) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	cmd := exec.Command("terraform", "apply")
	cmd.Env = append(os.Environ(), // want `exec\.Cmd\.Env puts AWS_SESSION_TOKEN from sts\.AssumeRole output \(.+\) into a child process's environment: a child that outlives the session cannot refresh it and fails with ExpiredToken; serve credentials to the child from a refreshing endpoint instead`
		"AWS_ACCESS_KEY_ID="+aws.ToString(out.Credentials.AccessKeyId),
		"AWS_SESSION_TOKEN="+aws.ToString(out.Credentials.SessionToken),
	)
	return cmd.Run()
}

func sprintfEntry(token string) *exec.Cmd {
	cmd := exec.Command("deploy")
	env := []string{fmt.Sprintf("AWS_SESSION_TOKEN=%s", token)}
	cmd.Env = env // want `exec\.Cmd\.Env puts AWS_SESSION_TOKEN into a child process's environment`
	return cmd
}

// Non-secret variables for the child: not reported.
func regionOnly() *exec.Cmd {
	cmd := exec.Command("deploy")
	cmd.Env = append(os.Environ(), "AWS_REGION=us-east-1", "AWS_PROFILE=prod")
	return cmd
}

// Long-lived keys passed to the child: not reported.
func longLived(id string) *exec.Cmd {
	cmd := exec.Command("deploy")
	cmd.Env = []string{"AWS_ACCESS_KEY_ID=" + id}
	return cmd
}

// A container-credentials endpoint is the fix: not reported.
func endpoint(uri string) *exec.Cmd {
	return &exec.Cmd{Path: "deploy", Env: []string{"AWS_CONTAINER_CREDENTIALS_FULL_URI=" + uri}}
}

func execve(token string) error {
	return syscall.Exec("/usr/bin/aws", []string{"aws", "s3", "ls"}, []string{"AWS_SESSION_TOKEN=" + token}) // want `syscall\.Exec puts AWS_SESSION_TOKEN into a child process's environment`
}
