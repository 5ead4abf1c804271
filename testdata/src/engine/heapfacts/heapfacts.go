package heapfacts // want package:"awsRelevant" package:`trails\(5\)`

// Package heapfacts checks the heap facts the engine exports: what the
// package's functions store in its own struct fields and variables.

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
)

type Worker struct {
	Creds  *ststypes.Credentials // want Creds:`heap\(stored from sts\.AssumeRole output\)`
	Region string
	Byname map[string]aws.Credentials // want Byname:`heap\(stored\[\] from a one-off Retrieve\(\) snapshot\)`
}

func (w *Worker) Start(ctx context.Context, c *sts.Client) error { // want Start:`summary\(param 0\.Creds written from sts\.AssumeRole output; fetches\)`
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{})
	if err != nil {
		return err
	}
	w.Creds = out.Credentials
	w.Region = os.Getenv("AWS_REGION")
	return nil
}

func (w *Worker) Remember(ctx context.Context, name string, p aws.CredentialsProvider) { // want Remember:`summary\(param 0\.Byname\[\] written from a one-off Retrieve\(\) snapshot; param 0\.Byname\[\] written entry named by params \[2\]; fetches\)`
	v, _ := p.Retrieve(ctx)
	w.Byname[name] = v
}

var Current aws.Credentials // want Current:`heap\(stored from a one-off Retrieve\(\) snapshot\)`

func Refresh(ctx context.Context, p aws.CredentialsProvider) { // want Refresh:`summary\(fetches\)`
	Current, _ = p.Retrieve(ctx)
}
